/**
 * Every scope an API key (or a person's role, server/domain/roles.ts) can hold. `pii:read` lets MCP clients
 * see names, emails and phones; `reviews:reply` allows replying without the rest of `reviews:write`;
 * `actions:direct` lets an MCP client publish replies and send review requests without a person's approval.
 */
export const SCOPES = [
  'businesses:read',
  'businesses:write',
  'reviews:read',
  'reviews:write',
  'customers:read',
  'customers:write',
  'requests:read',
  'requests:write',
  'feedback:read',
  'feedback:write',
  'cards:read',
  'cards:write',
  'analytics:read',
  'messages:read',
  'campaigns:read',
  'campaigns:write',
  'webhooks:read',
  'webhooks:write',
  'keys:admin',
  'pii:read',
  'reviews:reply',
  'team:read',
  'team:admin',
  'actions:direct',
  'connections:read',
  'connections:write',
] as const;

export type Scope = (typeof SCOPES)[number];

/**
 * Scopes a new organization key gets when the caller names none: managing keys and people, and acting
 * without approval, are asked for.
 */
export const DEFAULT_SCOPES: Scope[] = SCOPES.filter(
  (scope) => scope !== 'keys:admin' && scope !== 'team:admin' && scope !== 'actions:direct',
);
