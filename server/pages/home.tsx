import { Hono } from 'hono';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../http/context';
import { firstDemoBusiness } from '../store/demo-lookup';

/** `/`: what a fresh install shows — where the API reference, the widget and the landing links are. */
export function homeRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get('/', (c) => {
    const demo = firstDemoBusiness(deps.db);
    const html = renderToString(<HomePage publicUrl={deps.config.publicUrl} demo={demo} />);
    return c.html(`<!doctype html>${html}`);
  });
  return app;
}

type HomeProps = { publicUrl: string; demo?: { id: string; name: string; slug: string } };

function HomePage({ publicUrl, demo }: HomeProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Plaudit</title>
        <style>
          {
            'body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0}code{background:#f3f3f3;padding:.1em .3em;border-radius:4px}'
          }
        </style>
      </head>
      <body>
        <h1>Plaudit is running</h1>
        <p>Self-hosted review collection and display.</p>
        <ul>
          <li>
            <a href="/docs">API reference</a> (<a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>)
          </li>
          <li>
            <a href="/dashboard">Dashboard</a>: the inbox of reviews and feedback, replies, and the widget
            builder
          </li>
          {demo && (
            <li>
              Demo landing page for {demo.name}:{' '}
              <a href={`/b/${demo.slug}`}>{`${publicUrl}/b/${demo.slug}`}</a>
            </li>
          )}
        </ul>
        {demo && (
          <>
            <h2>The demo widget</h2>
            <div data-plaudit-widget={demo.id} data-layout="grid" />
            <script src="/widget.js" async />
          </>
        )}
        <p>
          Call the API with the admin key printed at first start:{' '}
          <code>curl -H "Authorization: Bearer sk_live_…" {publicUrl}/api/v1/me</code>
        </p>
      </body>
    </html>
  );
}
