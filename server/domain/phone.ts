import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { timeZoneCountry } from './time-zone-countries';

/**
 * Phone numbers are stored in E.164 (`+14155550123`) so the same person typed two ways is one customer.
 *
 * Parsing and validation are libphonenumber's (Google's numbering plans, maintained upstream, full
 * metadata): an international number starting with `+` or `00`, or a national number read in the
 * business's region, so a UK shop can type `020 7946 0958`. The check is the numbering plan's (country
 * code, length, ranges in use); it does not prove a number is assigned. Extensions are refused: a
 * message cannot dial one.
 */

/** The region a national number is read in when nothing better is known. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

/** The E.164 form of `input` read in `region`, or undefined when it is not a valid number there. */
export function normalizePhone(input: string, region: string = DEFAULT_PHONE_REGION): string | undefined {
  const defaultCountry = isSupportedCountry(region) ? region : DEFAULT_PHONE_REGION;
  const parsed = parsePhoneNumberFromString(input.trim(), { defaultCountry });
  if (!parsed || parsed.ext || !parsed.isValid()) return undefined;
  return parsed.number;
}

/**
 * The region a business's customers' national numbers are read in: its country; else the region its
 * locale names (`en-GB`); else its time zone's country; else its locale's likely region (`fr` → FR); else US.
 */
export function phoneRegion(business: {
  country?: string | null;
  locale?: string;
  timezone?: string;
}): string {
  if (business.country) return business.country;
  const locale = localeOf(business.locale);
  return (
    locale?.region ??
    (business.timezone && timeZoneCountry(business.timezone)) ??
    locale?.maximize().region ??
    DEFAULT_PHONE_REGION
  );
}

function localeOf(tag: string | undefined): Intl.Locale | undefined {
  try {
    return tag ? new Intl.Locale(tag) : undefined;
  } catch {
    return undefined;
  }
}

/** The message a caller sees for a number `normalizePhone` refuses. */
export const PHONE_FORMAT_HINT =
  'must be a valid phone number: international such as +14155550123, or national in the business’s country';
