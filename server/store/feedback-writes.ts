import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type NewFeedback = {
  organizationId: string;
  businessId: string;
  origin: 'request' | 'card' | 'business_link';
  requestId: string | null;
  cardId: string | null;
  type: 'star' | 'nps' | 'thumbs';
  score: number;
  comments: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  consentToContact: boolean;
};

/** Stores private feedback from a landing page exactly as typed (rendering escapes it, storage does not). */
export function insertFeedback(db: Db, clock: Clock, input: NewFeedback): string {
  const id = newId('fb');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO feedback (id, organization_id, business_id, request_id, card_id, customer_id, origin, type, score, comments,
       contact_name, contact_email, contact_phone, consent_to_contact, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, (SELECT customer_id FROM review_requests WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.organizationId,
    input.businessId,
    input.requestId,
    input.cardId,
    input.requestId,
    input.origin,
    input.type,
    input.score,
    input.comments,
    input.contactName,
    input.contactEmail,
    input.contactPhone,
    input.consentToContact ? 1 : 0,
    now,
    now,
  );
  return id;
}
