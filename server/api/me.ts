import { createRoute, z } from '@hono/zod-openapi';
import { SCOPES } from '../domain/scopes';
import type { AppDeps } from '../http/context';
import { newRouter } from '../http/router';
import { roleIn } from '../store/memberships';
import { getOrganization } from '../store/organizations';
import { getUser } from '../store/users';
import { accountJson } from './auth-common';
import { membershipSchema, roleField, userSchema } from './auth-schemas';
import { errorResponses, jsonResponse, security } from './common-schemas';

const meSchema = z
  .object({
    keyId: z.string().nullable().openapi({ description: 'null when a person calls with a session' }),
    admin: z.boolean(),
    mode: z.enum(['live', 'test']),
    sandbox: z.boolean().openapi({ description: 'true for sk_test_ keys: messages are never transmitted' }),
    scopes: z.array(z.string()),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    user: userSchema.nullable().openapi({ description: 'The signed-in person; null for API keys' }),
    memberships: z.array(membershipSchema),
    role: roleField.nullable().openapi({ description: 'The person’s role in the acting organization' }),
  })
  .openapi('Me');

/** `GET /me`: who the caller is. */
export function meApi(deps: AppDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Account'],
      security,
      summary: 'Describe the caller (API key or signed-in person)',
      responses: { 200: jsonResponse(meSchema, 'The caller'), ...errorResponses },
    }),
    (c) => {
      const auth = c.get('auth');
      const organization = auth.organizationId ? getOrganization(deps.db, auth.organizationId) : undefined;
      const user = auth.userId ? getUser(deps.db, auth.userId) : undefined;
      const account = user ? accountJson(deps, user) : { user: null, memberships: [] };
      const role = user && organization ? (roleIn(deps.db, user.id, organization.id) ?? null) : null;
      return c.json(
        {
          keyId: auth.keyId,
          admin: auth.isAdmin,
          mode: auth.mode,
          sandbox: auth.mode === 'test',
          scopes: auth.isAdmin ? [...SCOPES] : auth.scopes,
          organization: organization ? { id: organization.id, name: organization.name } : null,
          ...account,
          role,
        },
        200,
      );
    },
  );
  return app;
}
