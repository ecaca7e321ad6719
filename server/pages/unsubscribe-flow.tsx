import type { Hono } from 'hono';
import { renderToString } from 'preact-render-to-string';
import type { AppEnv } from '../http/context';
import { newNonce } from '../render/nonce';
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

/** What one kind of unsubscribe link differs in; the pages and the GET/POST plumbing are shared. */
export type UnsubscribeFlow<Found> = {
  /** The route prefix before `:token`, e.g. `/u` or `/u/a`. */
  prefix: string;
  lookup(token: string): Found | undefined;
  /** The explanation on the 404 page of an unknown or expired link. */
  notFoundHint: string;
  /** The confirmation question shown by GET. */
  question(found: Found): preact.ComponentChildren;
  /** Does the unsubscribing, on POST only. */
  unsubscribe(found: Found): void;
  /** What the done page says. */
  done(found: Found): preact.ComponentChildren;
};

/**
 * Mounts `GET`/`POST <prefix>/:token`: GET asks for confirmation and never unsubscribes (mail scanners
 * follow links); POST — the button or a mail provider's RFC 8058 one-click — unsubscribes and answers 200
 * itself, no redirect, no cookie. An unknown token is a 404 page either way.
 */
export function mountUnsubscribe<Found>(app: Hono<AppEnv>, flow: UnsubscribeFlow<Found>): void {
  const path = `${flow.prefix}/:token`;
  const notFound = (nonce: string) =>
    html(
      <Page nonce={nonce} title="Link not found">
        <h1>This link is not valid</h1>
        <p>{flow.notFoundHint}</p>
      </Page>,
    );

  app.get(path, (c) => {
    const nonce = newNonce();
    setLandingHeaders(c, nonce);
    const token = c.req.param('token') ?? '';
    const found = flow.lookup(token);
    if (!found) return c.html(notFound(nonce), 404);
    return c.html(
      html(
        <Page nonce={nonce} title="Unsubscribe">
          <h1>Unsubscribe</h1>
          <p>{flow.question(found)}</p>
          <form method="post" action={`${flow.prefix}/${token}`}>
            <button type="submit">Unsubscribe</button>
          </form>
        </Page>,
      ),
      200,
    );
  });

  app.post(path, (c) => {
    const nonce = newNonce();
    setLandingHeaders(c, nonce);
    const token = c.req.param('token') ?? '';
    const found = flow.lookup(token);
    if (!found) return c.html(notFound(nonce), 404);
    flow.unsubscribe(found);
    return c.html(
      html(
        <Page nonce={nonce} title="Unsubscribed">
          <h1>You are unsubscribed</h1>
          <p>{flow.done(found)}</p>
        </Page>,
      ),
      200,
    );
  });
}
