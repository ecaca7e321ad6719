import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { renderAccountEmail } from '../delivery/account-email';
import type { Role } from '../domain/roles';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { queueAccountEmail } from '../store/account-emails';
import { type AuthToken, createAuthToken, deleteInvitation, pendingInvitations } from '../store/auth-tokens';
import { roleIn } from '../store/memberships';
import { getOrganization } from '../store/organizations';
import { findUserByEmail } from '../store/users';
import { dashboardLink } from './auth-common';
import { invitationBody, invitationSchema, type roleField } from './auth-schemas';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Team'];
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const usedInvitation = () => new ApiError('NOT_FOUND', 'This invitation is unknown, used or expired');

/** An invitation as the API shows it (the token itself is never stored, so never shown again). */
export const presentInvitation = (invitation: AuthToken) => ({
  id: invitation.id,
  email: invitation.email as string,
  role: invitation.role as z.infer<typeof roleField>,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
});

/**
 * Invites a person into an organization by email with a role: a single-use 7-day token and, when `sendEmail`,
 * the email carrying its link (queued in the same transaction). 404 for an unknown organization, 409 for a
 * member. Shared by `/auth/invitations` and the compat routers' user creation.
 */
export function inviteTeammate(
  deps: AppDeps,
  input: { organizationId: string; email: string; role: Role; createdBy?: string; sendEmail: boolean },
): { token: string; record: AuthToken } {
  const { organizationId } = input;
  const organization = getOrganization(deps.db, organizationId);
  if (!organization) throw notFound('Organization');
  const existing = findUserByEmail(deps.db, input.email);
  if (existing && roleIn(deps.db, existing.id, organizationId)) {
    throw new ApiError('CONFLICT', 'This person is already a member of the organization');
  }
  return deps.db.transaction(() => {
    const created = createAuthToken(deps.db, deps.clock, {
      purpose: 'invite',
      ttlMs: INVITATION_TTL_MS,
      organizationId,
      email: input.email,
      role: input.role,
      createdBy: input.createdBy,
    });
    if (!input.sendEmail) return created;
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
}

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
      const { token, record } = inviteTeammate(deps, {
        organizationId: orgIdOf(c),
        email: input.email,
        role: input.role,
        createdBy: c.get('auth').userId ?? undefined,
        sendEmail: true,
      });
      return c.json({ ...presentInvitation(record), acceptUrl: dashboardLink(deps, 'accept', token) }, 201);
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
    (c) => c.json({ data: pendingInvitations(deps.db, deps.clock, orgIdOf(c)).map(presentInvitation) }, 200),
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
