import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { clearSessionCookie } from '../http/session';
import { expireResetTokens } from '../store/auth-tokens';
import { deleteOtherSessions, deleteSession, listSessions } from '../store/sessions';
import { getUser, passwordHashOf, setUserPassword } from '../store/users';
import { hashFor, passwordMatches, requireUser, userIdOf } from './auth-common';
import { assertNotLocked, recordFailure, recordSuccess } from './auth-lockout';
import { passwordChangeBody, sessionSchema } from './auth-schemas';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Sign-in'];

/** `/auth/sessions` (list, revoke) and `POST /auth/password`: a person manages their own sign-ins. */
export function registerSessions(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const people = [requireUser()];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/sessions',
      tags,
      security,
      summary: 'List my sessions',
      middleware: people,
      responses: {
        200: jsonResponse(z.object({ data: z.array(sessionSchema) }), 'Live sessions'),
        ...errorResponses,
      },
    }),
    (c) => {
      const current = c.get('auth').sessionId;
      const data = listSessions(deps.db, deps.clock, userIdOf(c)).map((session) => {
        const { userId: _owner, ...shown } = session;
        return { ...shown, current: session.id === current };
      });
      return c.json({ data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/auth/sessions/{id}',
      tags,
      security,
      summary: 'Revoke one of my sessions',
      middleware: people,
      request: { params: idParam('Session', 'ses_3kTz9QwErTyUiOpA') },
      responses: { 204: { description: 'Revoked: its next request gets 401' }, ...errorResponses },
    }),
    (c) => {
      const id = c.req.valid('param').id;
      if (!deleteSession(deps.db, userIdOf(c), id)) throw notFound('Session');
      if (id === c.get('auth').sessionId) clearSessionCookie(c, deps.config);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags,
      security,
      summary: 'Change my password',
      description: 'Ends every other session of the account; this one stays signed in.',
      middleware: people,
      request: { body: jsonBody(passwordChangeBody) },
      responses: { 204: { description: 'Changed' }, ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const userId = userIdOf(c);
      const user = getUser(deps.db, userId);
      if (!user) throw notFound('User');
      assertNotLocked(c, deps, user.email);
      if (!(await passwordMatches(deps, passwordHashOf(deps.db, userId), input.currentPassword))) {
        recordFailure(c, deps, user.email);
        throw new ApiError('VALIDATION_ERROR', 'The current password is incorrect', {
          currentPassword: 'is incorrect',
        });
      }
      recordSuccess(c, deps, user.email);
      const passwordHash = await hashFor(deps, input.newPassword);
      deps.db.transaction(() => {
        setUserPassword(deps.db, deps.clock, userId, passwordHash);
        expireResetTokens(deps.db, deps.clock, userId);
        deleteOtherSessions(deps.db, userId, c.get('auth').sessionId);
      })();
      return c.body(null, 204);
    },
  );
}
