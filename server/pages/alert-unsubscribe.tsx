import { Hono } from 'hono';
import {
  ALERT_DESCRIPTIONS,
  type AlertKind,
  type AlertSubscription,
  readAlertToken,
} from '../delivery/alert-token';
import type { AppDeps, AppEnv } from '../http/context';
import { clientIp, rateLimit } from '../http/rate-limit';
import {
  type NotificationPreferences,
  preferencesOf,
  savePreferences,
} from '../store/notification-preferences';
import { getOrganization } from '../store/organizations';
import { mountUnsubscribe } from './unsubscribe-flow';

const OFF: Record<AlertKind, Partial<NotificationPreferences>> = {
  feedback: { feedback: false },
  lowRating: { lowRating: null },
  digest: { digestHour: null },
};

/**
 * `/u/a/:token`: a member's one-click unsubscribe from one kind of alert in one organization. GET asks for
 * confirmation (mail scanners follow links); POST — the button or a mail provider's RFC 8058 one-click —
 * switches that kind off and answers 200 itself, no redirect. Rate limited per address: it needs no sign-in.
 */
export function alertUnsubscribeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(
    '/u/a/*',
    rateLimit({
      limit: deps.config.publicRateLimit,
      clock: deps.clock,
      keyOf: (c) => `unsubscribe:${clientIp(c, deps.config.trustProxy)}`,
    }),
  );

  mountUnsubscribe(app, {
    prefix: '/u/a',
    lookup: (token) => {
      const subscription = readAlertToken(deps.db, deps.clock, token);
      const organization = subscription && getOrganization(deps.db, subscription.organizationId);
      return subscription && organization ? { subscription, organization } : undefined;
    },
    notFoundHint: 'Sign in to Plaudit and choose your emails on your profile page.',
    question: (found) => (
      <>
        Stop {ALERT_DESCRIPTIONS[found.subscription.kind]} from {found.organization.name}?
      </>
    ),
    unsubscribe: (found) => switchOff(deps, found.subscription),
    done: (found) => (
      <>
        No more {ALERT_DESCRIPTIONS[found.subscription.kind]} from {found.organization.name}. You can turn
        them back on from your profile in Plaudit.
      </>
    ),
  });
  return app;
}

/** Turns the kind off for that member; someone who has left the organization is sent nothing anyway. */
function switchOff(deps: AppDeps, subscription: AlertSubscription): void {
  const current = preferencesOf(deps.db, subscription.userId, subscription.organizationId);
  if (!current) return;
  const { feedback, lowRating, digestHour, timeZone } = current;
  savePreferences(deps.db, deps.clock, subscription.userId, subscription.organizationId, {
    ...{ feedback, lowRating, digestHour, timeZone },
    ...OFF[subscription.kind],
  });
}
