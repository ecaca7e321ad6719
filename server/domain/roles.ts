import { SCOPES, type Scope } from './scopes';

/** A person's role in an organization (DESIGN §10). */
export const ROLES = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

// Platform connections are the owner's and the manager's: staff neither see nor change them.
const READ_SCOPES = SCOPES.filter(
  (scope) =>
    scope.endsWith(':read') &&
    scope !== 'webhooks:read' &&
    scope !== 'messages:read' &&
    scope !== 'connections:read',
);

// A manager runs the day-to-day (reviews, feedback, requests, campaigns, cards, businesses) but neither
// keys, webhooks nor the team; staff read, reply to reviews and resolve feedback.
const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  manager: [
    ...READ_SCOPES,
    'messages:read',
    'businesses:write',
    'reviews:write',
    'reviews:reply',
    'customers:write',
    'requests:write',
    'feedback:write',
    'cards:write',
    'campaigns:write',
    'connections:read',
    'connections:write',
  ],
  staff: [...READ_SCOPES, 'reviews:reply', 'feedback:write'],
};

/** The scopes a role grants: the same strings API keys hold, so one permission check serves both. */
export function scopesOfRole(role: Role): Scope[] {
  return [...ROLE_SCOPES[role]];
}
