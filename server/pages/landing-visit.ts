import { type Business, getPublicBusiness } from '../store/businesses';
import { findCardByCode } from '../store/cards';
import type { Db } from '../store/db';
import { findRequestByCode } from '../store/request-progress';
import { getVisit, type Visit } from '../store/visits';
import type { VisitClaims, VisitTokens } from './visit-token';

/** A visit behind a token: `stored` once written, else still only in its signed token. */
export type FoundVisit = { visit: Visit; business: Business; stored: boolean };

/**
 * The visit a token stands for: the written one, or the one its claims describe (what was opened, in which
 * language), resolved against what exists now. Undefined for an unknown, forged or expired token.
 */
export function findVisit(db: Db, tokens: VisitTokens, token: string): FoundVisit | undefined {
  const stored = getVisit(db, token);
  if (stored) {
    const business = getPublicBusiness(db, stored.businessId);
    return business && { visit: stored, business, stored: true };
  }
  const claims = tokens.read(token);
  return claims && unstoredVisit(db, claims);
}

function unstoredVisit(db: Db, claims: VisitClaims): FoundVisit | undefined {
  const entry = entryOf(db, claims);
  const business = entry && getPublicBusiness(db, entry.businessId);
  if (!entry || !business) return undefined;
  const visit: Visit = {
    id: claims.id,
    organizationId: business.organizationId,
    businessId: business.id,
    origin: claims.origin,
    requestId: entry.requestId,
    cardId: entry.cardId,
    lang: claims.lang,
    rating: null,
    feedbackId: null,
    testimonialId: null,
    createdAt: new Date(claims.issuedAt).toISOString(),
  };
  return { visit, business, stored: false };
}

function entryOf(db: Db, claims: VisitClaims) {
  if (claims.origin === 'card') {
    const card = findCardByCode(db, claims.ref);
    return card && { businessId: card.businessId, cardId: card.id, requestId: null };
  }
  if (claims.origin === 'request') {
    const request = findRequestByCode(db, claims.ref);
    return request && { businessId: request.businessId, cardId: null, requestId: request.id };
  }
  return { businessId: claims.ref, cardId: null, requestId: null };
}
