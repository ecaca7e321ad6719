import type { AppDeps } from '../http/context';
import { newRouter } from '../http/router';
import { publicAuthGuards } from './auth-common';
import { registerInvitationAccept } from './auth-invitation-accept';
import { registerInvitations } from './auth-invitations';
import { registerLogin, registerLogout } from './auth-login';
import { registerReset } from './auth-reset';
import { registerSessions } from './auth-sessions';
import { registerSetup } from './auth-setup';

/**
 * The sign-in routes that answer without a key or session (login, setup, sign-up, forgot, reset, invitation
 * lookup and accept): mounted before the `/api/v1` gate, each guarded by a per-IP limit and the origin check.
 */
export function authPublicApi(deps: AppDeps) {
  const app = newRouter();
  const guards = publicAuthGuards(deps);
  registerLogin(app, deps, guards);
  registerSetup(app, deps, guards);
  registerReset(app, deps, guards);
  registerInvitationAccept(app, deps, guards);
  return app;
}

/** The sign-in routes of a signed-in caller: sign out, sessions, password, invitations. */
export function authApi(deps: AppDeps) {
  const app = newRouter();
  registerLogout(app, deps);
  registerSessions(app, deps);
  registerInvitations(app, deps);
  return app;
}
