import { Hono } from 'hono';
import { dashboardLink } from '../../api/auth-common';
import { inviteTeammate } from '../../api/auth-invitations';
import { emailField } from '../../api/customer-schemas';
import type { AppDeps } from '../../http/context';
import { lastAccessOf } from '../../store/account-counts';
import { countOwners, deleteMembership, type TeamMember, teamOf } from '../../store/memberships';
import { type FapiEnv, needScope, orgOf } from './auth';
import { badParam, FapiError, notFoundError } from './errors';
import {
  bodyParams,
  bool,
  LIST_PARAMS,
  listBody,
  listWindow,
  onlyKnown,
  queryParams,
  requiredText,
  text,
  time,
  unix,
} from './input';

/** Owners and managers run the account ("standard"); staff answer feedback only ("restricted"). */
const typeOf = (member: TeamMember) => (member.role === 'staff' ? 'restricted' : 'standard');

/** `/users`: the members of the organization (Plaudit users with a membership in it). */
export function userRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  const present = (members: TeamMember[]) => {
    const access = lastAccessOf(
      deps.db,
      members.map((m) => m.userId),
    );
    return members.map((member) => ({
      id: member.userId,
      created: unix(member.createdAt),
      name: member.name,
      email: member.email,
      type: typeOf(member),
      status: 'active',
      last_access: unix(access.get(member.userId)),
    }));
  };

  app.get('/users', needScope('team:read'), (c) => {
    const params = queryParams(c);
    onlyKnown(params, [...LIST_PARAMS, 'created_before', 'created_after', 'type']);
    const window = listWindow(params, ['created'], 'created-desc');
    const after = time(params, 'created_after');
    const before = time(params, 'created_before');
    const type = text(params, 'type', 20);
    if (type && type !== 'standard' && type !== 'restricted')
      throw badParam('type', 'type must be standard or restricted');
    const matching = teamOf(deps.db, orgOf(c)).filter(
      (m) =>
        (!after || m.createdAt >= after) &&
        (!before || m.createdAt < before) &&
        (!type || typeOf(m) === type),
    );
    if (!window.ascending) matching.reverse();
    const page = matching.slice(window.offset, window.offset + window.limit);
    return c.json(listBody(present(page), matching.length, window));
  });

  app.post('/users', needScope('team:admin'), async (c) => {
    const orgId = orgOf(c);
    const params = await bodyParams(c);
    onlyKnown(params, ['email', 'send_invite']);
    const email = emailField.safeParse(requiredText(params, 'email', 254));
    if (!email.success) throw badParam('email', 'email must be an email address');
    const { token } = inviteTeammate(deps, {
      organizationId: orgId,
      email: email.data,
      role: 'manager',
      sendEmail: bool(params, 'send_invite') ?? false,
    });
    return c.json({
      email: email.data,
      type: 'standard',
      status: 'pending',
      invite_url: dashboardLink(deps, 'accept', token),
    });
  });

  app.get('/users/:id', needScope('team:read'), (c) => {
    const member = teamOf(deps.db, orgOf(c)).find((m) => m.userId === c.req.param('id'));
    if (!member) throw notFoundError('user');
    return c.json(present([member])[0]);
  });

  app.delete('/users/:id', needScope('team:admin'), (c) => {
    const orgId = orgOf(c);
    const id = c.req.param('id');
    deps.db.transaction(() => {
      const member = teamOf(deps.db, orgId).find((m) => m.userId === id);
      if (!member) throw notFoundError('user');
      if (member.role === 'owner' && countOwners(deps.db, orgId) <= 1) {
        throw new FapiError(
          402,
          'invalid_request_error',
          'This is the last owner of the account: make another owner first',
          'id',
        );
      }
      deleteMembership(deps.db, id, orgId);
    })();
    return c.json({ id, deleted: true });
  });

  return app;
}
