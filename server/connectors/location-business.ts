import { freeSlug, resolveBusinessFields } from '../domain/business-settings';
import { isoNow } from '../domain/clock';
import {
  type Business,
  businessFields,
  getBusiness,
  insertBusiness,
  isSlugTaken,
  updateBusiness,
} from '../store/businesses';
import type { PlatformLocation } from './connector';
import type { EngineDeps } from './engine-deps';

const PLACE_ID = /^[A-Za-z0-9_-]{10,300}$/;

/** A new business named after a platform location, with Google's place id as its review link. */
export function businessFromLocation(
  deps: EngineDeps,
  organizationId: string,
  location: PlatformLocation,
): Business {
  const fields = resolveBusinessFields({ name: location.name.slice(0, 200) }, undefined, isoNow(deps.clock));
  const placeId = location.placeId && PLACE_ID.test(location.placeId) ? location.placeId : null;
  return insertBusiness(deps.db, deps.clock, organizationId, {
    ...fields,
    address: location.address ?? null,
    platforms: placeId ? { ...fields.platforms, google: { placeId } } : fields.platforms,
    slug: freeSlug(location.name, (slug) => isSlugTaken(deps.db, slug)),
  });
}

/**
 * Gives a business the place id of the Google location mapped to it, so its "write a review" link points at
 * that place; a link the owner set already is kept.
 */
export function fillGoogleLink(deps: EngineDeps, business: Business, location: PlatformLocation): void {
  const placeId = location.placeId;
  if (!placeId || !PLACE_ID.test(placeId) || business.platforms.google) return;
  const current = getBusiness(deps.db, business.organizationId, business.id);
  if (!current) return;
  updateBusiness(deps.db, deps.clock, business.organizationId, business.id, {
    ...businessFields(current),
    platforms: { ...current.platforms, google: { placeId } },
  });
}
