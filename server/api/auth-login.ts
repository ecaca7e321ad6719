import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { clearSessionCookie } from '../http/session';
import { deleteSession } from '../store/sessions';
import { findUserByEmail } from '../store/users';
import { passwordMatches, requireUser, startSession, userIdOf } from './auth-common';
import { assertNotLocked, recordFailure, recordSuccess } from './auth-lockout';
import { accountSchema, loginBody, publicErrorResponses } from './auth-schemas';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Sign-in'];

/** `POST /auth/login` (public): email + password → a session cookie. */
export function registerLogin(app: OpenAPIHono<AppEnv>, deps: AppDeps, guards: MiddlewareHandler<AppEnv>[]) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags,
      summary: 'Sign in',
      description:
        'Sets the `plaudit_session` cookie. The answer never says whether the email or the password was wrong. ' +
        'Repeated failures for one account or address lock it for a while (429 with Retry-After).',
      middleware: guards,
      request: { body: jsonBody(loginBody) },
      responses: {
        200: jsonResponse(accountSchema, 'Signed in'),
        401: { description: 'Email or password is incorrect' },
        ...publicErrorResponses,
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      assertNotLocked(c, deps, email);
      const user = findUserByEmail(deps.db, email);
      if (!(await passwordMatches(deps, user?.passwordHash, password)) || !user) {
        recordFailure(c, deps, email);
        throw new ApiError('UNAUTHORIZED', 'Email or password is incorrect');
      }
      recordSuccess(c, deps, email);
      return c.json(startSession(c, deps, user), 200);
    },
  );
}

/** `POST /auth/logout`: ends this session and clears its cookie. */
export function registerLogout(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags,
      security,
      summary: 'Sign out',
      middleware: [requireUser()],
      responses: { 204: { description: 'Signed out' }, ...errorResponses },
    }),
    (c) => {
      deleteSession(deps.db, userIdOf(c), c.get('auth').sessionId as string);
      clearSessionCookie(c, deps.config);
      return c.body(null, 204);
    },
  );
}
