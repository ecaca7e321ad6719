import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { countOwners, deleteMembership, roleIn, teamOf, upsertMembership } from '../store/memberships';
import { roleField, teamMemberSchema } from './auth-schemas';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Team'];
const params = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' }, example: 'usr_3kTz9QwErTyUiOpA' }),
});

/** The member's current role; 404 for anyone who is not in the caller's organization. */
function memberRole(deps: AppDeps, c: Context<AppEnv>, userId: string) {
  const role = roleIn(deps.db, userId, orgIdOf(c));
  if (!role) throw notFound('Member');
  return role;
}

const lastOwner = () =>
  new ApiError('CONFLICT', 'The organization needs an owner: make someone else owner first');

/** `/team`: the people of the organization and their roles; owners (`team:admin`) change them. */
export function teamApi(deps: AppDeps) {
  const app = newRouter();
  const member = (c: Context<AppEnv>, userId: string) =>
    teamOf(deps.db, orgIdOf(c)).find((person) => person.userId === userId);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/team',
      tags,
      security,
      summary: 'List the organization’s people',
      middleware: [requireScope('team:read')],
      responses: {
        200: jsonResponse(z.object({ data: z.array(teamMemberSchema) }), 'Members'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ data: teamOf(deps.db, orgIdOf(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/team/{userId}',
      tags,
      security,
      summary: 'Change a member’s role',
      middleware: [requireScope('team:admin')],
      request: { params, body: jsonBody(z.object({ role: roleField }).strict()) },
      responses: {
        200: jsonResponse(teamMemberSchema, 'Changed'),
        409: { description: 'Last owner' },
        ...errorResponses,
      },
    }),
    (c) => {
      const { userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const organizationId = orgIdOf(c);
      deps.db.transaction(() => {
        const current = memberRole(deps, c, userId);
        if (current === 'owner' && role !== 'owner' && countOwners(deps.db, organizationId) <= 1)
          throw lastOwner();
        upsertMembership(deps.db, deps.clock, userId, organizationId, role);
      })();
      return c.json(member(c, userId)!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/team/{userId}',
      tags,
      security,
      summary: 'Remove a member',
      description: 'They keep their account (and other organizations) but lose access to this one at once.',
      middleware: [requireScope('team:admin')],
      request: { params },
      responses: { 204: { description: 'Removed' }, 409: { description: 'Last owner' }, ...errorResponses },
    }),
    (c) => {
      const { userId } = c.req.valid('param');
      const organizationId = orgIdOf(c);
      deps.db.transaction(() => {
        const current = memberRole(deps, c, userId);
        if (current === 'owner' && countOwners(deps.db, organizationId) <= 1) throw lastOwner();
        deleteMembership(deps.db, userId, organizationId);
      })();
      return c.body(null, 204);
    },
  );
  return app;
}
