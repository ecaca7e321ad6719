import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEFAULT_SCOPES, SCOPES } from '../domain/scopes';
import { requireScope } from '../http/auth';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { type ApiKey, createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../store/api-keys';
import { getOrganization } from '../store/organizations';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['API keys'];
const params = idParam('API key', 'key_3kTz9QwErTyUiOpA');

const apiKeySchema = z
  .object({
    id: z.string(),
    organizationId: z.string().nullable(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to recognise it' }),
    mode: z.enum(['live', 'test']),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const createKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    mode: z.enum(['live', 'test']).default('live'),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .optional()
      .openapi({ description: 'Defaults to every scope but keys:admin' }),
    organizationId: z
      .string()
      .optional()
      .openapi({ description: 'Admin key only: the organization the key belongs to' }),
  })
  .strict();

/**
 * Which organization's keys the caller manages: an organization key with `keys:admin` its own;
 * the admin key the one it names (header or body), or the admin keys themselves when it names none.
 */
function keyOwner(c: Context<AppEnv>, named?: string): string | null {
  const auth = c.get('auth');
  if (!auth.isAdmin) {
    if (!auth.scopes.includes('keys:admin'))
      throw new ApiError('FORBIDDEN', 'This API key lacks the keys:admin scope');
    return auth.organizationId;
  }
  return named ?? auth.organizationId;
}

/** `/keys`: create (the secret is shown once), list (never the secret), revoke. */
export function keysApi(deps: AppDeps) {
  const app = newRouter();
  const present = (key: ApiKey) => key;
  const keyManagers = [requireScope('keys:admin')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/keys',
      tags,
      security,
      summary: 'List API keys',
      middleware: keyManagers,
      request: { query: paginationQuery },
      responses: {
        200: jsonResponse(paginatedSchema(apiKeySchema), 'Keys (secrets are never listed)'),
        ...errorResponses,
      },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listApiKeys(deps.db, keyOwner(c), pageWindow(query));
      return c.json(paginated(items.map(present), total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/keys',
      tags,
      security,
      summary: 'Create an API key',
      middleware: keyManagers,
      description:
        'The response holds `secret`, shown this once; only its SHA-256 digest is stored. An organization key ' +
        '(with keys:admin) creates keys for its own organization; the admin key for the organization it names ' +
        '(`organizationId` or the Plaudit-Organization header), or another admin key when it names none.',
      request: { body: jsonBody(createKeyBody) },
      responses: {
        201: jsonResponse(apiKeySchema.extend({ secret: z.string() }), 'Created; keep the secret now'),
        ...errorResponses,
      },
    }),
    (c) => {
      const input = c.req.valid('json');
      if (input.organizationId && !c.get('auth').isAdmin) {
        throw new ApiError('FORBIDDEN', 'Only the admin key can create keys for another organization');
      }
      const organizationId = keyOwner(c, input.organizationId);
      if (organizationId && !getOrganization(deps.db, organizationId)) throw notFound('Organization');
      const scopes = organizationId ? (input.scopes ?? DEFAULT_SCOPES) : [...SCOPES];
      const { key, secret } = createApiKey(deps.db, deps.clock, {
        organizationId,
        name: input.name,
        mode: input.mode,
        scopes,
      });
      return c.json({ ...present(key), secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/keys/{id}',
      tags,
      security,
      summary: 'Revoke an API key',
      middleware: keyManagers,
      description: 'A revoked key answers 401 from then on.',
      request: { params },
      responses: { 200: jsonResponse(apiKeySchema, 'Revoked'), ...errorResponses },
    }),
    (c) => {
      const owner = keyOwner(c);
      const id = c.req.valid('param').id;
      if (!getApiKey(deps.db, owner, id)) throw notFound('API key');
      return c.json(present(revokeApiKey(deps.db, deps.clock, owner, id)!), 200);
    },
  );

  return app;
}
