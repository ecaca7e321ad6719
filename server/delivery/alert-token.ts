import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { instanceSecret } from '../store/instance-secrets';

/** The alerts a person can switch off from an email. */
export const ALERT_KINDS = ['feedback', 'lowRating', 'digest'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What switching a kind off stops, in the emails and on the unsubscribe page. */
export const ALERT_DESCRIPTIONS: Record<AlertKind, string> = {
  feedback: 'emails about new private feedback',
  lowRating: 'emails about new low-rated reviews',
  digest: 'the daily digest',
};

export type AlertSubscription = { userId: string; organizationId: string; kind: AlertKind };

const ID = /^[A-Za-z0-9_]{1,64}$/;

const macOf = (db: Db, clock: Clock, payload: string) =>
  createHmac('sha256', instanceSecret(db, clock, 'alert_unsubscribe'))
    .update(payload)
    .digest()
    .subarray(0, 16);

/**
 * A token naming (user, organization, kind), signed with this install's secret: it stores nothing, never
 * expires (an old email's link must still work, RFC 8058), and cannot be edited to name another organization.
 */
export function alertToken(db: Db, clock: Clock, subscription: AlertSubscription): string {
  const payload = `${subscription.userId}.${subscription.organizationId}.${subscription.kind}`;
  return `${Buffer.from(payload).toString('base64url')}.${macOf(db, clock, payload).toString('base64url')}`;
}

/** The subscription a token names, or undefined when it is malformed or its signature is wrong. */
export function readAlertToken(db: Db, clock: Clock, token: string): AlertSubscription | undefined {
  const [encoded, mac, extra] = token.split('.');
  if (!encoded || !mac || extra !== undefined || token.length > 300) return undefined;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const given = Buffer.from(mac, 'base64url');
  const expected = macOf(db, clock, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [userId, organizationId, kind] = payload.split('.');
  if (!ID.test(userId ?? '') || !ID.test(organizationId ?? '')) return undefined;
  if (!(ALERT_KINDS as readonly string[]).includes(kind ?? '')) return undefined;
  return { userId, organizationId, kind: kind as AlertKind };
}

/** The one-click unsubscribe URL of a subscription (`List-Unsubscribe` and the link in the body). */
export function alertUnsubscribeUrl(
  db: Db,
  clock: Clock,
  publicUrl: string,
  subscription: AlertSubscription,
) {
  return `${publicUrl}/u/a/${alertToken(db, clock, subscription)}`;
}
