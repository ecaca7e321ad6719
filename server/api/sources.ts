import { createRoute, z } from '@hono/zod-openapi';
import { SOURCES } from '../domain/sources';
import { newRouter } from '../http/router';
import { errorResponses, jsonResponse, security } from './common-schemas';

const sourceSchema = z
  .object({ id: z.string(), name: z.string(), deepLinkSupported: z.boolean(), firstParty: z.boolean() })
  .openapi('Source');

/** `GET /sources`: the platform catalog. */
export function sourcesApi() {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/sources',
      tags: ['Sources'],
      security,
      summary: 'List review sources',
      description:
        '`deepLinkSupported`: Plaudit can send a customer straight to that platform’s review form.',
      responses: {
        200: jsonResponse(z.object({ data: z.array(sourceSchema) }), 'Sources'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ data: SOURCES.map((s) => ({ ...s })) }, 200),
  );
  return app;
}
