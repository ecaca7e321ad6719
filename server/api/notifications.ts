import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { ApiError } from '../http/errors';
import { newRouter } from '../http/router';
import { type AlertRecipient, preferencesOf, savePreferences } from '../store/notification-preferences';
import { requireUser, userIdOf } from './auth-common';
import { errorResponses, jsonBody, jsonResponse, security } from './common-schemas';
import { notificationPreferencesBody, notificationPreferencesSchema } from './notification-schemas';

const tags = ['Account'];
const DESCRIPTION =
  'Per organization (the one the request acts in): a person in two organizations chooses for each. ' +
  'A new owner or manager gets private feedback and reviews at or below 2★; staff get nothing until they ' +
  'opt in. Every email carries a one-click unsubscribe. Needs a signed-in person: an API key gets 403.';

/** The member's preferences in the acting organization; a stranger to it gets 404. */
function memberPreferences(c: Context<AppEnv>, deps: AppDeps): AlertRecipient & { organizationId: string } {
  const organizationId = orgIdOf(c);
  const prefs = preferencesOf(deps.db, userIdOf(c), organizationId);
  if (!prefs) throw new ApiError('NOT_FOUND', 'You are not a member of this organization');
  return { ...prefs, organizationId };
}

const present = (p: AlertRecipient & { organizationId: string }) => ({
  organizationId: p.organizationId,
  feedback: p.feedback,
  lowRating: p.lowRating,
  digestHour: p.digestHour,
  timeZone: p.timeZone,
});

/** `GET|PUT /me/notifications`: which owner alerts and digest the signed-in person receives. */
export function notificationsApi(deps: AppDeps) {
  const app = newRouter();
  const people = [requireUser()];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/notifications',
      tags,
      security,
      summary: 'My email alerts in this organization',
      description: DESCRIPTION,
      middleware: people,
      responses: {
        200: jsonResponse(notificationPreferencesSchema, 'The alerts in effect'),
        ...errorResponses,
      },
    }),
    (c) => c.json(present(memberPreferences(c, deps)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/notifications',
      tags,
      security,
      summary: 'Choose my email alerts in this organization',
      description: `${DESCRIPTION} Leaving out timeZone keeps the current one.`,
      middleware: people,
      request: { body: jsonBody(notificationPreferencesBody) },
      responses: {
        200: jsonResponse(notificationPreferencesSchema, 'The alerts now in effect'),
        ...errorResponses,
      },
    }),
    (c) => {
      const input = c.req.valid('json');
      const current = memberPreferences(c, deps);
      const next = { ...input, timeZone: input.timeZone ?? current.timeZone };
      savePreferences(deps.db, deps.clock, userIdOf(c), current.organizationId, next);
      return c.json(present(memberPreferences(c, deps)), 200);
    },
  );
  return app;
}
