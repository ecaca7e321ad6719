import type { AppDeps } from '../../http/context';
import { listBusinesses } from '../../store/businesses';
import { teamOf } from '../../store/memberships';
import type { Organization } from '../../store/organizations';
import { rowNumberOf, rowNumbersOf } from '../../store/row-numbers';
import { productTime } from './presenters';

/** The one plan Plaudit has: it sells nothing, so every client account is on it (billing: documented-empty). */
export const PLAUDIT_PLAN = { id: 1, name: 'Plaudit' };

/**
 * A client account (a Plaudit organization) in the product's customer shape: `name`/`email` are its first
 * owner's, `organizations` its active businesses, `phone` its first business's.
 */
export function presentCustomer(deps: AppDeps, organization: Organization) {
  const owner = teamOf(deps.db, organization.id).find((member) => member.role === 'owner');
  const businesses = listBusinesses(
    deps.db,
    organization.id,
    { archived: false },
    { limit: 1000, offset: 0 },
  ).items;
  const numbers = rowNumbersOf(
    deps.db,
    'businesses',
    businesses.map((b) => b.id),
  );
  return {
    id: rowNumberOf(deps.db, 'organizations', organization.id) ?? 0,
    name: owner?.name ?? organization.name,
    email: owner?.email ?? null,
    phone: businesses[0]?.phone ?? null,
    language: 'en',
    trial_ends_at: null,
    created_at: productTime(organization.createdAt),
    updated_at: productTime(organization.updatedAt),
    paused_at: productTime(organization.pausedAt),
    custom_plan: PLAUDIT_PLAN,
    organizations: businesses.map((b) => ({ id: numbers.get(b.id) ?? 0, name: b.name })),
  };
}
