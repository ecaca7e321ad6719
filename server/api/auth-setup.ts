import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { consumeAuthToken, findAuthToken } from '../store/auth-tokens';
import { upsertMembership } from '../store/memberships';
import { createOrganization, listOrganizations } from '../store/organizations';
import { createUser, findUserByEmail } from '../store/users';
import { hashFor, startSession } from './auth-common';
import { accountSchema, publicErrorResponses, setupBody, signupBody, tokenQuery } from './auth-schemas';
import { jsonBody, jsonResponse } from './common-schemas';

const tags = ['Sign-in'];
const usedLink = () => new ApiError('NOT_FOUND', 'This link is unknown, used or expired');
const emailTaken = () => new ApiError('CONFLICT', 'An account with this email already exists');

/** `GET|POST /auth/setup` (the first account, from the link printed at first start) and `POST /auth/signup`. */
export function registerSetup(app: OpenAPIHono<AppEnv>, deps: AppDeps, guards: MiddlewareHandler<AppEnv>[]) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/setup',
      tags,
      summary: 'Check a setup link',
      middleware: guards,
      request: { query: tokenQuery },
      responses: {
        200: jsonResponse(z.object({ valid: z.literal(true) }), 'The link can be used'),
        ...publicErrorResponses,
      },
    }),
    (c) => {
      if (!findAuthToken(deps.db, deps.clock, 'setup', c.req.valid('query').token)) throw usedLink();
      return c.json({ valid: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/setup',
      tags,
      summary: 'Create the first account',
      description:
        'Uses the one-time link printed at first start: the account becomes the instance admin and the owner ' +
        'of the oldest organization (the demo one), or of a new one when there is none.',
      middleware: guards,
      request: { body: jsonBody(setupBody) },
      responses: { 201: jsonResponse(accountSchema, 'Created and signed in'), ...publicErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const token = findAuthToken(deps.db, deps.clock, 'setup', input.token);
      if (!token) throw usedLink();
      if (findUserByEmail(deps.db, input.email)) throw emailTaken();
      const passwordHash = await hashFor(deps, input.password);
      const user = deps.db.transaction(() => {
        if (!consumeAuthToken(deps.db, deps.clock, token.id)) throw usedLink();
        if (findUserByEmail(deps.db, input.email)) throw emailTaken();
        const created = createUser(deps.db, deps.clock, { ...input, passwordHash, instanceAdmin: true });
        const organization =
          listOrganizations(deps.db, { limit: 1, offset: 0 }).items[0] ??
          createOrganization(deps.db, deps.clock, { name: `${input.name}’s organization` });
        upsertMembership(deps.db, deps.clock, created.id, organization.id, 'owner');
        return created;
      })();
      return c.json(startSession(c, deps, user), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signup',
      tags,
      summary: 'Create an account and its organization (PLAUDIT_SIGNUP=open)',
      middleware: guards,
      request: { body: jsonBody(signupBody) },
      responses: {
        201: jsonResponse(accountSchema, 'Created and signed in'),
        409: { description: 'The email has an account' },
        ...publicErrorResponses,
      },
    }),
    async (c) => {
      if (deps.config.signup !== 'open') {
        throw new ApiError(
          'FORBIDDEN',
          'Sign-up is by invitation on this Plaudit: ask an owner to invite you',
        );
      }
      const input = c.req.valid('json');
      if (findUserByEmail(deps.db, input.email)) throw emailTaken();
      const passwordHash = await hashFor(deps, input.password);
      const user = deps.db.transaction(() => {
        if (findUserByEmail(deps.db, input.email)) throw emailTaken();
        const created = createUser(deps.db, deps.clock, { ...input, passwordHash });
        const organization = createOrganization(deps.db, deps.clock, { name: input.organizationName });
        upsertMembership(deps.db, deps.clock, created.id, organization.id, 'owner');
        return created;
      })();
      return c.json(startSession(c, deps, user), 201);
    },
  );
}
