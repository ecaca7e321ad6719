import { normalizePhone, PHONE_FORMAT_HINT, phoneRegion } from '../domain/phone';
import { ApiError } from '../http/errors';
import { firstBusinessOf } from '../store/businesses';
import type { Db } from '../store/db';

/**
 * The E.164 form of a phone the caller typed, read in `region`; a number that is not valid there is a 400
 * naming `field`. Absent (undefined) and cleared (null) pass through.
 */
export function phoneIn(value: string | undefined, region: string, field: string): string | undefined;
export function phoneIn(
  value: string | null | undefined,
  region: string,
  field: string,
): string | null | undefined;
export function phoneIn(value: string | null | undefined, region: string, field: string) {
  if (typeof value !== 'string') return value;
  const phone = normalizePhone(value, region);
  if (!phone)
    throw new ApiError('VALIDATION_ERROR', 'Request validation failed', { [field]: PHONE_FORMAT_HINT });
  return phone;
}

/** The region for customers added without a business: the organization's first business's, else the default. */
export function organizationPhoneRegion(db: Db, organizationId: string): string {
  return phoneRegion(firstBusinessOf(db, organizationId) ?? {});
}
