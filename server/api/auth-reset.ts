import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { renderAccountEmail } from '../delivery/account-email';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { queueAccountEmail } from '../store/account-emails';
import {
  consumeAuthToken,
  createAuthToken,
  expireResetTokens,
  findAuthToken,
  resetTokensSince,
} from '../store/auth-tokens';
import { deleteOtherSessions } from '../store/sessions';
import { findUserByEmail, getUser, setUserPassword } from '../store/users';
import { dashboardLink, hashFor, startSession } from './auth-common';
import { recordSuccess } from './auth-lockout';
import { accountSchema, forgotBody, publicErrorResponses, resetBody } from './auth-schemas';
import { jsonBody, jsonResponse } from './common-schemas';

const tags = ['Sign-in'];
export const RESET_TTL_MS = 3_600_000;
/** Reset emails per account per hour: enough for a lost email or two, too few to flood an inbox. */
const RESETS_PER_HOUR = 3;

/** `POST /auth/forgot` and `POST /auth/reset` (public): a password reset by an emailed single-use link. */
export function registerReset(app: OpenAPIHono<AppEnv>, deps: AppDeps, guards: MiddlewareHandler<AppEnv>[]) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/forgot',
      tags,
      summary: 'Email a password reset link',
      description:
        'The answer is the same whether or not the address has an account. The link lasts one hour.',
      middleware: guards,
      request: { body: jsonBody(forgotBody) },
      responses: {
        202: jsonResponse(z.object({ ok: z.literal(true) }), 'Sent if the address has an account'),
        ...publicErrorResponses,
      },
    }),
    (c) => {
      const user = findUserByEmail(deps.db, c.req.valid('json').email);
      const hourAgo = new Date(deps.clock().getTime() - 3_600_000).toISOString();
      if (user && resetTokensSince(deps.db, user.id, hourAgo) < RESETS_PER_HOUR) {
        deps.db.transaction(() => {
          const { token } = createAuthToken(deps.db, deps.clock, {
            purpose: 'reset',
            ttlMs: RESET_TTL_MS,
            userId: user.id,
          });
          const url = dashboardLink(deps, 'reset', token);
          queueAccountEmail(deps.db, deps.clock, {
            to: user.email,
            ...renderAccountEmail({
              subject: 'Reset your Plaudit password',
              heading: 'Reset your password',
              lines: [
                `Hello ${user.name},`,
                'Someone (we hope you) asked to reset the password of your Plaudit account. The link works once, for one hour.',
              ],
              action: { label: 'Choose a new password', url },
              footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
            }),
          });
        })();
      }
      return c.json({ ok: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/reset',
      tags,
      summary: 'Set a new password from a reset link',
      description: 'Signs this browser in and ends every other session of the account.',
      middleware: guards,
      request: { body: jsonBody(resetBody) },
      responses: { 200: jsonResponse(accountSchema, 'Password changed, signed in'), ...publicErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const usedLink = () => new ApiError('NOT_FOUND', 'This link is unknown, used or expired');
      const token = findAuthToken(deps.db, deps.clock, 'reset', input.token);
      const user = token?.userId ? getUser(deps.db, token.userId) : undefined;
      if (!token || !user) throw usedLink();
      const passwordHash = await hashFor(deps, input.password);
      deps.db.transaction(() => {
        if (!consumeAuthToken(deps.db, deps.clock, token.id)) throw usedLink();
        setUserPassword(deps.db, deps.clock, user.id, passwordHash);
        expireResetTokens(deps.db, deps.clock, user.id);
        deleteOtherSessions(deps.db, user.id, null);
      })();
      recordSuccess(c, deps, user.email);
      return c.json(startSession(c, deps, user), 200);
    },
  );
}
