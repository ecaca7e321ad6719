import { withWebhookEvent } from '../delivery/webhook-events';
import { freeSlug, resolveBusinessFields } from '../domain/business-settings';
import { isoNow } from '../domain/clock';
import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import {
  archiveBusiness,
  type Business,
  businessFields,
  insertBusiness,
  isSlugTaken,
  updateBusiness,
} from '../store/businesses';
import { assertRoomForBusiness } from './business-limit';
import type { CreateBusinessInput, UpdateBusinessInput } from './business-schemas';

/** A business as the API shows it: with its general landing link. */
export function presentBusiness(publicUrl: string, b: Business) {
  return { ...b, reviewLink: `${publicUrl}/b/${b.slug}` };
}

/** A free slug: the one asked for (409 if taken), or one derived from the name with a suffix if needed. */
function chooseSlug(deps: AppDeps, asked: string | undefined, name: string, exceptId?: string): string {
  if (asked) {
    if (isSlugTaken(deps.db, asked, exceptId)) {
      throw new ApiError('CONFLICT', 'That slug is already used by another business', {
        slug: 'already taken',
      });
    }
    return asked;
  }
  return freeSlug(name, (slug) => isSlugTaken(deps.db, slug, exceptId));
}

/** Creates a business and raises `business.created`: the native route and the compat routers share it. */
export function createBusinessFor(deps: AppDeps, orgId: string, input: CreateBusinessInput): Business {
  assertRoomForBusiness(deps, orgId);
  const fields = resolveBusinessFields(input, undefined, isoNow(deps.clock));
  const slug = chooseSlug(deps, input.slug, input.name);
  return withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'business.created',
    () => insertBusiness(deps.db, deps.clock, orgId, { ...fields, slug }),
    (business) => presentBusiness(deps.config.publicUrl, business),
  );
}

/** Applies an update to a business and raises `business.updated`. */
export function updateBusinessFor(
  deps: AppDeps,
  orgId: string,
  current: Business,
  input: UpdateBusinessInput,
): Business {
  const fields = resolveBusinessFields(input, businessFields(current), isoNow(deps.clock));
  const slug =
    input.slug && input.slug !== current.slug
      ? chooseSlug(deps, input.slug, current.name, current.id)
      : current.slug;
  return withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'business.updated',
    () => updateBusiness(deps.db, deps.clock, orgId, current.id, { ...fields, slug }),
    (business) => presentBusiness(deps.config.publicUrl, business),
  );
}

/** Archives a business (its reviews and history stay) and raises `business.archived` the first time. */
export function archiveBusinessFor(deps: AppDeps, orgId: string, current: Business): Business {
  return withWebhookEvent(
    deps.db,
    deps.clock,
    orgId,
    'business.archived',
    () => archiveBusiness(deps.db, deps.clock, orgId, current.id)!,
    (business) => (current.archivedAt ? undefined : presentBusiness(deps.config.publicUrl, business)),
  );
}
