import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { consumeAuthToken, findAuthToken } from '../store/auth-tokens';
import { upsertMembership } from '../store/memberships';
import { getOrganization } from '../store/organizations';
import { createUser, findUserByEmail } from '../store/users';
import { hashFor, passwordMatches, startSession } from './auth-common';
import { presentInvitation, usedInvitation } from './auth-invitations';
import { assertNotLocked, recordFailure } from './auth-lockout';
import {
  acceptBody,
  accountSchema,
  passwordField,
  publicErrorResponses,
  roleField,
  tokenQuery,
} from './auth-schemas';
import { jsonBody, jsonResponse } from './common-schemas';

const tags = ['Team'];

/** `GET /auth/invitations/lookup` and `POST /auth/invitations/accept` (public, by the emailed token). */
export function registerInvitationAccept(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  guards: MiddlewareHandler<AppEnv>[],
) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/invitations/lookup',
      tags,
      summary: 'Describe an invitation link',
      middleware: guards,
      request: { query: tokenQuery },
      responses: {
        200: jsonResponse(
          z.object({
            email: z.string(),
            role: roleField,
            organizationName: z.string(),
            existingUser: z.boolean(),
          }),
          'The invitation',
        ),
        ...publicErrorResponses,
      },
    }),
    (c) => {
      const invitation = findAuthToken(deps.db, deps.clock, 'invite', c.req.valid('query').token);
      const organization = invitation?.organizationId && getOrganization(deps.db, invitation.organizationId);
      if (!invitation || !organization) throw usedInvitation();
      const { email, role } = presentInvitation(invitation);
      return c.json(
        { email, role, organizationName: organization.name, existingUser: !!findUserByEmail(deps.db, email) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/invitations/accept',
      tags,
      summary: 'Accept an invitation',
      description:
        'A new person gives a name and a password; someone who already has an account gives their current ' +
        'password. Either way they join the organization with the invited role and are signed in.',
      middleware: guards,
      request: { body: jsonBody(acceptBody) },
      responses: { 200: jsonResponse(accountSchema, 'Joined, signed in'), ...publicErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const invitation = findAuthToken(deps.db, deps.clock, 'invite', input.token);
      if (!invitation?.organizationId || !invitation.email || !invitation.role) throw usedInvitation();
      const { organizationId, email, role } = invitation;
      const existing = findUserByEmail(deps.db, email);
      let passwordHash: string | undefined;
      if (existing) {
        assertNotLocked(c, deps, email);
        if (!(await passwordMatches(deps, existing.passwordHash, input.password))) {
          recordFailure(c, deps, email);
          throw new ApiError('UNAUTHORIZED', 'Email or password is incorrect');
        }
      } else {
        const checked = z.object({ name: z.string(), password: passwordField }).safeParse(input);
        if (!checked.success) {
          throw new ApiError(
            'VALIDATION_ERROR',
            'A new account needs a name and a password of 10–200 characters',
            {
              ...(input.name ? {} : { name: 'required' }),
              ...(passwordField.safeParse(input.password).success
                ? {}
                : { password: 'at least 10 characters' }),
            },
          );
        }
        passwordHash = await hashFor(deps, input.password);
      }
      const user = deps.db.transaction(() => {
        if (!consumeAuthToken(deps.db, deps.clock, invitation.id)) throw usedInvitation();
        // Someone may have made an account with this email while the password was hashing.
        if (!existing && findUserByEmail(deps.db, email)) {
          throw new ApiError('CONFLICT', 'An account with this email already exists: open the link again');
        }
        const person =
          existing ??
          createUser(deps.db, deps.clock, {
            email,
            name: input.name as string,
            passwordHash: passwordHash as string,
          });
        upsertMembership(deps.db, deps.clock, person.id, organizationId, role);
        return person;
      })();
      return c.json(startSession(c, deps, user), 200);
    },
  );
}
