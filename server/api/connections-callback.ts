import { createRoute, z } from '@hono/zod-openapi';
import { finishConsent } from '../connectors/connect';
import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import { clientIp, rateLimit } from '../http/rate-limit';
import { newRouter } from '../http/router';
import { errorResponses, jsonResponse } from './common-schemas';
import { connectionSchema, presentConnection, connectionTags as tags } from './connection-schemas';

const query = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/**
 * Where a provider's consent screen sends the person back. It answers before the API-key gate (a browser
 * redirect carries no key): the `state` proves which organization asked. Browsers are redirected to the
 * dashboard; other clients get the connection as JSON.
 */
export function connectionsCallbackApi(deps: AppDeps) {
  const app = newRouter();
  app.use(
    '/connections/callback',
    rateLimit({
      limit: deps.config.publicRateLimit,
      clock: deps.clock,
      keyOf: (c) => `oauth:${clientIp(c, deps.config.trustProxy)}`,
    }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/connections/callback',
      tags,
      summary: 'OAuth callback of a platform consent',
      description:
        'Public: checks `state` (400 when unknown, expired or reused), exchanges `code` for tokens, stores them ' +
        'encrypted. A browser (Accept: text/html) is redirected to the dashboard, failures included ' +
        '(`?error=refused`, `expired` or `exchange_failed`).',
      request: { query },
      responses: {
        200: jsonResponse(connectionSchema, 'Connected'),
        302: { description: 'Back to the dashboard' },
        400: errorResponses[400],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const { code, state, error } = c.req.valid('query');
      // A person's browser lands on the dashboard either way, with a short reason code the screen explains.
      const browser = (c.req.header('accept') ?? '').includes('text/html');
      const back = (outcome: string) =>
        c.redirect(`${deps.config.publicUrl}/dashboard/connections?${outcome}`, 302);
      if (error) {
        if (browser) return back('error=refused');
        throw new ApiError('VALIDATION_ERROR', 'The consent was refused', { error });
      }
      if (!code || !state) {
        if (browser) return back('error=expired');
        throw new ApiError('VALIDATION_ERROR', 'code and state are required', {
          ...(code ? {} : { code: 'required' }),
          ...(state ? {} : { state: 'required' }),
        });
      }
      let connection: Awaited<ReturnType<typeof finishConsent>>;
      try {
        connection = await finishConsent(deps, { code, state });
      } catch (e) {
        if (!browser || !(e instanceof ApiError)) throw e;
        return back(`error=${e.details?.state ? 'expired' : 'exchange_failed'}`);
      }
      if (browser) return back(`connected=${connection.id}`);
      return c.json(presentConnection(deps, connection), 200);
    },
  );
  return app;
}
