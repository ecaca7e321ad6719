import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import { accountCounts } from '../store/account-counts';
import { getOrganizationLimits } from '../store/organization-limits';

/** Refuses (409 CONFLICT) one more active business when the organization already keeps as many as its cap. */
export function assertRoomForBusiness(deps: AppDeps, organizationId: string): void {
  const cap = getOrganizationLimits(deps.db, organizationId)?.businesses;
  if (cap === null || cap === undefined) return;
  const active = accountCounts(deps.db, organizationId).businesses;
  if (active < cap) return;
  throw new ApiError(
    'CONFLICT',
    `This organization may keep ${cap} active businesses and has ${active}: archive one, or raise its limit (PUT /api/v1/organizations/{id}/limits)`,
    { businesses: `at most ${cap}` },
  );
}
