import { Hono } from 'hono';
import { renderToString } from 'preact-render-to-string';
import { optOutCustomer } from '../delivery/opt-out';
import type { AppDeps, AppEnv } from '../http/context';
import { newNonce } from '../render/nonce';
import { getBusiness } from '../store/businesses';
import { findMessageByUnsubscribeToken } from '../store/messages';
import { setLandingHeaders } from './security-headers';

/** The frame of the small unsubscribe pages (customers' and members'). */
export function Page({
  nonce,
  title,
  children,
}: {
  nonce: string;
  title: string;
  children: preact.ComponentChildren;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style nonce={nonce}>
          {
            'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}button{font-size:1rem;min-height:44px;padding:.5rem 1.5rem;cursor:pointer}'
          }
        </style>
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}

/** A page as an HTML document. */
export const html = (page: preact.VNode) => `<!doctype html>${renderToString(page)}`;

/**
 * `/u/:token`: GET asks for confirmation and never unsubscribes (mail scanners follow links); POST — the
 * button, or a mail provider's RFC 8058 one-click `List-Unsubscribe=One-Click` — unsubscribes and answers
 * 200 itself: no redirect, no cookie.
 */
export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const lookup = (token: string) => {
    const message = /^[A-Za-z0-9]{1,64}$/.test(token)
      ? findMessageByUnsubscribeToken(deps.db, token)
      : undefined;
    const business = message && getBusiness(deps.db, message.organizationId, message.businessId);
    return message?.customerId && business ? { message, business } : undefined;
  };

  const notFound = (nonce: string) =>
    html(
      <Page nonce={nonce} title="Link not found">
        <h1>This link is not valid</h1>
        <p>It may have expired. Reply STOP to a text message, or contact the business, to stop messages.</p>
      </Page>,
    );

  app.get('/u/:token', (c) => {
    const nonce = newNonce();
    setLandingHeaders(c, nonce);
    const found = lookup(c.req.param('token'));
    if (!found) return c.html(notFound(nonce), 404);
    return c.html(
      html(
        <Page nonce={nonce} title="Unsubscribe">
          <h1>Unsubscribe</h1>
          <p>Stop receiving review requests from {found.business.name}?</p>
          <form method="post" action={`/u/${c.req.param('token')}`}>
            <button type="submit">Unsubscribe</button>
          </form>
        </Page>,
      ),
      200,
    );
  });

  app.post('/u/:token', (c) => {
    const nonce = newNonce();
    setLandingHeaders(c, nonce);
    const found = lookup(c.req.param('token'));
    if (!found) return c.html(notFound(nonce), 404);
    optOutCustomer(
      deps.db,
      deps.clock,
      { id: found.message.customerId!, organizationId: found.message.organizationId },
      'email_unsubscribe',
    );
    return c.html(
      html(
        <Page nonce={nonce} title="Unsubscribed">
          <h1>You are unsubscribed</h1>
          <p>{found.business.name} will not send you review requests any more.</p>
        </Page>,
      ),
      200,
    );
  });

  return app;
}
