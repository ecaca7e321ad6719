import type { PlatformLocation } from '../connectors/connector';
import type { AppDeps } from '../http/context';
import { type Business, getBusiness } from '../store/businesses';
import { GOOGLE_PLACE_ID } from './business-schemas';
import { createBusinessFor, updateBusinessFor } from './business-writes';

/** The Google place id a platform location names, when it is one a business accepts. */
const googlePlaceIdOf = (location: PlatformLocation) =>
  location.placeId && GOOGLE_PLACE_ID.test(location.placeId) ? location.placeId : undefined;

/**
 * A new business named after a platform location, with its address and Google's place id as its review link.
 * It is created as POST /businesses creates one: within the organization's business cap, raising
 * `business.created`.
 */
export function businessFromLocation(deps: AppDeps, organizationId: string, location: PlatformLocation) {
  const placeId = googlePlaceIdOf(location);
  return createBusinessFor(deps, organizationId, {
    name: location.name.trim().slice(0, 200) || 'Location',
    address: location.address?.slice(0, 500) ?? null,
    ...(placeId ? { platforms: { google: { placeId } } } : {}),
  });
}

/**
 * Gives a business the place id of the Google location mapped to it, so its "write a review" link points at
 * that place (raising `business.updated`); a link the owner set already is kept.
 */
export function fillGoogleLink(
  deps: AppDeps,
  organizationId: string,
  business: Business,
  location: PlatformLocation,
): void {
  const placeId = googlePlaceIdOf(location);
  if (!placeId || business.platforms.google) return;
  // Read again: the caller's copy predates its call to the platform, and an edit made meanwhile must stay.
  const current = getBusiness(deps.db, organizationId, business.id);
  if (!current || current.platforms.google) return;
  updateBusinessFor(deps, organizationId, current, {
    platforms: { ...current.platforms, google: { placeId } },
  });
}
