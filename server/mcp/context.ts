import type { RedactionSpec } from '../domain/redaction';
import { redactDeep } from '../domain/redaction';
import type { AppDeps, AuthContext } from '../http/context';
import { ApiError } from '../http/errors';

/** Who calls the MCP tools and with what: the API key's auth context, resolved as the `/api/v1` gate does. */
export type McpContext = {
  deps: AppDeps;
  auth: AuthContext;
  /** The caller's `X-Correlation-Id`, written to the audit log with each call. */
  correlationId: string | null;
};

/** Whether the key holds `scope`; the admin key holds every scope. */
export function holds(ctx: McpContext, scope: string): boolean {
  return ctx.auth.isAdmin || ctx.auth.scopes.includes(scope);
}

/** The organization the tools act in; an admin key must name one with `Plaudit-Organization`. */
export function orgOf(ctx: McpContext): string {
  if (!ctx.auth.organizationId) {
    throw new ApiError('VALIDATION_ERROR', 'The admin key must name an organization', {
      'Plaudit-Organization': 'header required (org_…)',
    });
  }
  return ctx.auth.organizationId;
}

/** `value` as stored for a key with `pii:read`, else with the fields of `spec` redacted. */
export function personal<T>(ctx: McpContext, value: T, spec: RedactionSpec): T {
  return holds(ctx, 'pii:read') ? value : redactDeep(value, spec);
}

/**
 * A review's author is a person too: the API shows it (it is public on the platform), but an assistant
 * sees initials unless the key holds `pii:read`, and contacts quoted in the text masked.
 */
export const REVIEW_PII: RedactionSpec = {
  authorName: 'name',
  authorAvatarUrl: 'withheld',
  content: 'text',
  title: 'text',
  reply: 'text',
};
