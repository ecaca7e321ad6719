import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEFAULT_SCOPES, SCOPES, type Scope } from '../domain/scopes';
import { requireScope } from '../http/auth';
import type { AppDeps, AppEnv, AuthContext } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import {
  type ApiKey,
  countActiveAdminKeys,
  createApiKey,
  getApiKey,
  listApiKeys,
  revokeApiKey,
} from '../store/api-keys';
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
    mode: z
      .enum(['live', 'test'])
      .optional()
      .openapi({ description: 'Defaults to the calling key’s mode; a test key creates only test keys' }),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .optional()
      .openapi({ description: 'Defaults to every scope the calling key holds but keys:admin' }),
    organizationId: z
      .string()
      .min(1)
      .max(64)
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

/**
 * What a new key may get: never more than the calling key holds. A test key mints only test keys, and an
 * organization key only scopes it holds itself (the admin key holds them all).
 */
function grantable(
  auth: AuthContext,
  organizationId: string | null,
  input: { mode?: 'live' | 'test'; scopes?: Scope[] },
): { mode: 'live' | 'test'; scopes: Scope[] } {
  const mode = input.mode ?? auth.mode;
  if (auth.mode === 'test' && mode === 'live') {
    throw new ApiError('FORBIDDEN', 'A test key can only create test keys', { mode: 'must be test' });
  }
  if (!organizationId) return { mode, scopes: [...SCOPES] };
  const held = (scope: Scope) => auth.isAdmin || auth.scopes.includes(scope);
  if (!input.scopes) return { mode, scopes: DEFAULT_SCOPES.filter(held) };
  const missing = input.scopes.filter((scope) => !held(scope));
  if (missing.length) {
    throw new ApiError(
      'FORBIDDEN',
      `This API key cannot grant scopes it does not hold: ${missing.join(', ')}`,
      {
        scopes: `not held by this key: ${missing.join(', ')}`,
      },
    );
  }
  return { mode, scopes: input.scopes };
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
      const { mode, scopes } = grantable(c.get('auth'), organizationId, input);
      const { key, secret } = createApiKey(deps.db, deps.clock, {
        organizationId,
        name: input.name,
        mode,
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
      description:
        'A revoked key answers 401 from then on, exactly as an unknown key does. The last active live admin ' +
        'key cannot be revoked (409): create another one first.',
      request: { params },
      responses: { 200: jsonResponse(apiKeySchema, 'Revoked'), ...errorResponses },
    }),
    (c) => {
      const owner = keyOwner(c);
      const id = c.req.valid('param').id;
      const key = getApiKey(deps.db, owner, id);
      if (!key) throw notFound('API key');
      // Without a live admin key nobody could manage organizations or mint live keys again but the operator.
      if (
        owner === null &&
        key.mode === 'live' &&
        !key.revokedAt &&
        countActiveAdminKeys(deps.db, 'live') <= 1
      ) {
        throw new ApiError(
          'CONFLICT',
          'This is the last active live admin key: create another admin key before revoking this one',
        );
      }
      return c.json(present(revokeApiKey(deps.db, deps.clock, owner, id)!), 200);
    },
  );

  return app;
}
