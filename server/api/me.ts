import { createRoute, z } from '@hono/zod-openapi';
import { SCOPES } from '../domain/scopes';
import type { AppDeps } from '../http/context';
import { newRouter } from '../http/router';
import { getOrganization } from '../store/organizations';
import { errorResponses, jsonResponse, security } from './common-schemas';

const meSchema = z
  .object({
    keyId: z.string(),
    admin: z.boolean(),
    mode: z.enum(['live', 'test']),
    sandbox: z.boolean().openapi({ description: 'true for sk_test_ keys: messages are never transmitted' }),
    scopes: z.array(z.string()),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
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
      summary: 'Describe the calling API key',
      responses: { 200: jsonResponse(meSchema, 'The caller'), ...errorResponses },
    }),
    (c) => {
      const auth = c.get('auth');
      const organization = auth.organizationId ? getOrganization(deps.db, auth.organizationId) : undefined;
      return c.json(
        {
          keyId: auth.keyId,
          admin: auth.isAdmin,
          mode: auth.mode,
          sandbox: auth.mode === 'test',
          scopes: auth.isAdmin ? [...SCOPES] : auth.scopes,
          organization: organization ? { id: organization.id, name: organization.name } : null,
        },
        200,
      );
    },
  );
  return app;
}
