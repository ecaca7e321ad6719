import type { Context } from 'hono';
import { type RedactionSpec, redactDeep } from '../domain/redaction';
import type { AppEnv } from '../http/context';

/** Whether the caller may see personal data as stored: keys holding `pii:read`, and the admin key. */
export function seesPii(c: Context<AppEnv>): boolean {
  const auth = c.get('auth');
  return auth.isAdmin || auth.scopes.includes('pii:read');
}

/** `value` as stored for a caller with `pii:read`, else with the fields of `spec` redacted. */
export function personal<T>(c: Context<AppEnv>, value: T, spec: RedactionSpec): T {
  return seesPii(c) ? value : redactDeep(value, spec);
}

/** The one sentence every route that returns personal data adds to its OpenAPI description. */
export const PII_NOTE =
  'Without the `pii:read` scope, names become initials, emails and phones are masked (also inside free text) ' +
  'and message bodies are withheld (null); this applies to the answers of writes too.';

/** With a route's own description first, when it has one. */
export const withPiiNote = (description?: string) => (description ? `${description} ${PII_NOTE}` : PII_NOTE);

/** A customer: the contact itself, and the owner's notes and bounce reasons, which may quote it. */
export const CUSTOMER_PII: RedactionSpec = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  notes: 'text',
  invalidReason: 'text',
};

/** Private feedback: the optional contact; the comments and note stay readable with contacts in them masked. */
export const FEEDBACK_PII: RedactionSpec = {
  contactName: 'name',
  contactEmail: 'email',
  contactPhone: 'phone',
  comments: 'text',
  note: 'text',
};

/** A message: who it went to, and its rendered subject and bodies, which greet the customer by name. */
export const MESSAGE_PII: RedactionSpec = {
  recipient: 'contact',
  subject: 'withheld',
  text: 'withheld',
  html: 'withheld',
  error: 'text',
};

/** A review request's customer summary, and its failure reason (a provider's error may quote the number). */
export const REQUEST_PII: RedactionSpec = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  failureReason: 'text',
  bounceReason: 'text',
};

/** A customer's activity: message subjects, feedback comments, provider errors. */
export const ACTIVITY_PII: RedactionSpec = { subject: 'withheld', comments: 'text', error: 'text' };

/** A webhook delivery's payload: every personal field any event carries. */
export const PAYLOAD_PII: RedactionSpec = {
  ...FEEDBACK_PII,
  customerName: 'name',
  customerEmail: 'email',
  customerPhone: 'phone',
  email: 'email',
  phone: 'phone',
  recipient: 'contact',
  reason: 'text',
  error: 'text',
};
