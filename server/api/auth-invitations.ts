import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { renderAccountEmail } from '../delivery/account-email';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { queueAccountEmail } from '../store/account-emails';
import {
  type AuthToken,
  consumeAuthToken,
  createAuthToken,
  deleteInvitation,
  findAuthToken,
  pendingInvitations,
} from '../store/auth-tokens';
import { roleIn, upsertMembership } from '../store/memberships';
import { getOrganization } from '../store/organizations';
import { createUser, findUserByEmail } from '../store/users';
import { dashboardLink, hashFor, passwordMatches, startSession } from './auth-common';
import { assertNotLocked, recordFailure } from './auth-lockout';
import {
  acceptBody,
  accountSchema,
  invitationBody,
  invitationSchema,
  passwordField,
  publicErrorResponses,
  roleField,
  tokenQuery,
} from './auth-schemas';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Team'];
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const usedLink = () => new ApiError('NOT_FOUND', 'This invitation is unknown, used or expired');

const present = (invitation: AuthToken) => ({
  id: invitation.id,
  email: invitation.email as string,
  role: invitation.role as z.infer<typeof roleField>,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
});

/** `/auth/invitations` (owners, `team:admin`): invite by email with a role, list pending, withdraw. */
export function registerInvitations(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const owners = [requireScope('team:admin')];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/invitations',
      tags,
      security,
      summary: 'Invite a teammate',
      description: 'Emails a link (7 days, single use) that lets them set a password and join with the role.',
      middleware: owners,
      request: { body: jsonBody(invitationBody) },
      responses: {
        201: jsonResponse(invitationSchema.extend({ acceptUrl: z.string() }), 'Invited'),
        409: { description: 'Already a member' },
        ...errorResponses,
      },
    }),
    (c) => {
      const input = c.req.valid('json');
      const organizationId = orgIdOf(c);
      const organization = getOrganization(deps.db, organizationId);
      if (!organization) throw notFound('Organization');
      const existing = findUserByEmail(deps.db, input.email);
      if (existing && roleIn(deps.db, existing.id, organizationId)) {
        throw new ApiError('CONFLICT', 'This person is already a member of the organization');
      }
      const { token, record } = deps.db.transaction(() => {
        const created = createAuthToken(deps.db, deps.clock, {
          purpose: 'invite',
          ttlMs: INVITATION_TTL_MS,
          organizationId,
          email: input.email,
          role: input.role,
          createdBy: c.get('auth').userId ?? undefined,
        });
        const url = dashboardLink(deps, 'accept', created.token);
        queueAccountEmail(deps.db, deps.clock, {
          to: input.email,
          ...renderAccountEmail({
            subject: `You are invited to ${organization.name} on Plaudit`,
            heading: `Join ${organization.name} on Plaudit`,
            lines: [
              `You are invited to join ${organization.name} as ${input.role}.`,
              'The link works once and for seven days.',
            ],
            action: { label: 'Accept the invitation', url },
            footer: 'If you did not expect this, ignore this email.',
          }),
        });
        return created;
      })();
      return c.json({ ...present(record), acceptUrl: dashboardLink(deps, 'accept', token) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/invitations',
      tags,
      security,
      summary: 'List pending invitations',
      middleware: owners,
      responses: {
        200: jsonResponse(z.object({ data: z.array(invitationSchema) }), 'Pending'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ data: pendingInvitations(deps.db, deps.clock, orgIdOf(c)).map(present) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/auth/invitations/{id}',
      tags,
      security,
      summary: 'Withdraw an invitation',
      middleware: owners,
      request: { params: idParam('Invitation', 'atk_3kTz9QwErTyUiOpA') },
      responses: { 204: { description: 'Withdrawn' }, ...errorResponses },
    }),
    (c) => {
      if (!deleteInvitation(deps.db, orgIdOf(c), c.req.valid('param').id)) throw notFound('Invitation');
      return c.body(null, 204);
    },
  );
}

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
      if (!invitation || !organization) throw usedLink();
      const { email, role } = present(invitation);
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
      if (!invitation?.organizationId || !invitation.email || !invitation.role) throw usedLink();
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
        if (!consumeAuthToken(deps.db, deps.clock, invitation.id)) throw usedLink();
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
