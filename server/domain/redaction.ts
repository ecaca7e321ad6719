/**
 * Redaction of personal data for callers without `pii:read` (API routes, MCP tools): emails and phones
 * masked, names cut to initials, message bodies withheld. Pure functions over plain values.
 */

const DOT = '•••';

/** `jessica@example.com` → `j•••@example.com`: the domain stays (it says which company), the person goes. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return DOT;
  const first = Array.from(email.slice(0, at))[0];
  return `${first}${DOT}@${email.slice(at + 1)}`;
}

/**
 * `+14155550123` → `•••0123`: only the last digits stay (4 of a full number, fewer of a short one), enough to
 * tell two numbers apart on a screen, never enough to dial.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const keep = digits.length >= 10 ? 4 : digits.length >= 7 ? 3 : digits.length >= 4 ? 2 : 0;
  return `${DOT}${keep ? digits.slice(-keep) : ''}`;
}

/** An email or a phone, whichever `contact` is (a message's recipient holds either). */
export function maskContact(contact: string): string {
  return contact.includes('@') ? maskEmail(contact) : maskPhone(contact);
}

/** `Jessica Park` → `J. P.`; at most three initials, so a long name does not spell itself out. */
export function initials(name: string): string {
  const words = name.trim().split(/[\s\-‐]+/u);
  const letters = words
    .map((word) => Array.from(word).find((ch) => /[\p{L}\p{N}]/u.test(ch)))
    .filter((ch): ch is string => ch !== undefined)
    .slice(0, 3);
  return letters.map((ch) => `${ch.toUpperCase()}.`).join(' ');
}

// An email anywhere in free text; and a phone number: 7+ digits in a row or grouped by spaces, dots, dashes
// or parentheses, optionally after a `+`. Dates and times are not phones: an ISO date's 8 digits are
// grouped 4-2-2, which the lookahead rules out.
// Each part is bounded (local part ≤ 64, labels ≤ 63, as RFC 5321 allows) and labels hold no dot, so a
// long run of text without spaces costs linear time, not quadratic: feedback comes from public forms.
const EMAIL_IN_TEXT = /[^\s@<>()"',;:]{1,64}@[^\s@<>()"',;:.]{1,63}(?:\.[^\s@<>()"',;:.]{1,63})+/gu;
const PHONE_IN_TEXT = /(?<![\w+])(?!\d{4}-\d{2}-\d{2})\+?\(?\d(?:[\s.()-]{0,2}\d){6,16}(?!\w)/gu;

/** Free text with every email and phone number in it masked (feedback comments, notes, provider errors). */
export function maskContactsInText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, maskEmail).replace(PHONE_IN_TEXT, maskPhone);
}

/** How a field is redacted: see the functions above; `withheld` replaces the value with null. */
export type RedactionKind = 'name' | 'email' | 'phone' | 'contact' | 'text' | 'withheld';

/** Which keys hold personal data and how each is redacted, e.g. `{ name: 'name', email: 'email' }`. */
export type RedactionSpec = Readonly<Record<string, RedactionKind>>;

function redactValue(kind: RedactionKind, value: unknown): unknown {
  if (typeof value !== 'string') return kind === 'withheld' ? null : value;
  switch (kind) {
    case 'name':
      return initials(value);
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'contact':
      return maskContact(value);
    case 'text':
      return maskContactsInText(value);
    case 'withheld':
      return null;
  }
}

/**
 * A copy of `value` with every key named in `spec`, at any depth, redacted (nulls stay null). Nested
 * objects are walked so one spec covers a request's `customer` summary or a webhook payload's `data`.
 */
export function redactDeep<T>(value: T, spec: RedactionSpec): T {
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, spec)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const kind = Object.hasOwn(spec, key) ? spec[key] : undefined;
    out[key] = kind && field !== null ? redactValue(kind, field) : redactDeep(field, spec);
  }
  return out as T;
}
