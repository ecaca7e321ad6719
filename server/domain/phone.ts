/**
 * Phone numbers are stored in E.164 (`+14155550123`) so the same person typed two ways is one customer.
 *
 * Accepted input: an international number starting with `+` (spaces, dots, dashes, parentheses and a
 * `(0)` trunk marker are ignored), or a US/Canada number written nationally with 10 digits
 * (`(415) 555-0123`) or 11 digits starting with 1. Other national formats are refused: without a
 * country there is no telling what `020 7946 0958` means. The check is syntactic (country code zone,
 * E.164 length, North American numbering rules); it does not prove a number is assigned.
 */

// Country codes are 1 to 3 digits. Every 2-digit start is either a country code or the zone of 3-digit
// codes, except these ITU spare zones, which hold no country at all.
const SPARE_ZONES = new Set(['28', '83', '89']);

const NANP = /^1[2-9]\d{2}[2-9]\d{6}$/;

/** The E.164 form of `input`, or undefined when it is not a number we can read without guessing. */
export function normalizePhone(input: string): string | undefined {
  const compact = input
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-()/]/g, '');
  if (compact.startsWith('+')) {
    const digits = compact.slice(1);
    if (!/^[1-9]\d{6,14}$/.test(digits)) return undefined;
    if (digits.startsWith('1')) return NANP.test(digits) ? `+${digits}` : undefined;
    return SPARE_ZONES.has(digits.slice(0, 2)) ? undefined : `+${digits}`;
  }
  if (!/^\d+$/.test(compact)) return undefined;
  if (compact.length === 10 && NANP.test(`1${compact}`)) return `+1${compact}`;
  if (compact.length === 11 && NANP.test(compact)) return `+${compact}`;
  return undefined;
}

/** The message a caller sees for a number `normalizePhone` refuses. */
export const PHONE_FORMAT_HINT =
  'must be an international number such as +14155550123 (or a 10-digit US number)';
