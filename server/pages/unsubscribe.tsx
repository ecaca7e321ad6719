import { Hono } from 'hono';
import { optOutCustomer } from '../delivery/opt-out';
import type { AppDeps, AppEnv } from '../http/context';
import { getBusiness } from '../store/businesses';
import { findMessageByUnsubscribeToken } from '../store/messages';
import { mountUnsubscribe } from './unsubscribe-flow';

/**
 * `/u/:token`: GET asks for confirmation and never unsubscribes (mail scanners follow links); POST — the
 * button, or a mail provider's RFC 8058 one-click `List-Unsubscribe=One-Click` — unsubscribes and answers
 * 200 itself: no redirect, no cookie.
 */
export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  mountUnsubscribe(app, {
    prefix: '/u',
    lookup: (token) => {
      const message = /^[A-Za-z0-9]{1,64}$/.test(token)
        ? findMessageByUnsubscribeToken(deps.db, token)
        : undefined;
      const business = message && getBusiness(deps.db, message.organizationId, message.businessId);
      return message?.customerId && business
        ? { message, business, customerId: message.customerId }
        : undefined;
    },
    notFoundHint:
      'It may have expired. Reply STOP to a text message, or contact the business, to stop messages.',
    question: (found) => <>Stop receiving review requests from {found.business.name}?</>,
    unsubscribe: (found) =>
      optOutCustomer(
        deps.db,
        deps.clock,
        { id: found.customerId, organizationId: found.message.organizationId },
        'email_unsubscribe',
      ),
    done: (found) => <>{found.business.name} will not send you review requests any more.</>,
  });
  return app;
}
