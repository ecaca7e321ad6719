import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../../server/http/errors';
import { newRouter } from '../../../server/http/router';
import { looseObjectPaths } from '../../../server/http/strict-input';
import { silentLogger } from '../../../server/logger';

const ok = { 200: { description: 'ok' } };

describe('newRouter’s strict input', () => {
  it('refuses to register a JSON body with an object that would drop unknown keys, naming where', () => {
    const router = newRouter();
    const body = z.object({ name: z.string(), window: z.object({ start: z.string() }).optional() }).strict();
    const route = createRoute({
      method: 'post',
      path: '/things',
      request: { body: { content: { 'application/json': { schema: body } } } },
      responses: ok,
    });
    expect(() => router.openapi(route, (c) => c.body(null, 200))).toThrow(
      'POST /things: make body.window strict',
    );
  });

  it('finds loose objects through optionals, arrays, unions and pipes', () => {
    const loose = z.object({ a: z.string() });
    const schema = z
      .object({
        list: z.array(loose).optional(),
        either: z.union([z.string(), loose]),
        piped: loose.transform((v) => v.a),
        fine: z.object({ b: z.string() }).strict().nullable(),
      })
      .strict();
    expect(looseObjectPaths(schema, 'body')).toEqual(['body.list[]', 'body.either', 'body.piped']);
  });

  it('answers an undeclared parameter with a 400, on routes with and without a query schema', async () => {
    const router = newRouter();
    router.onError(handleError(silentLogger));
    router.openapi(createRoute({ method: 'get', path: '/bare', responses: ok }), (c) => c.body(null, 200));
    router.openapi(
      createRoute({
        method: 'delete',
        path: '/with',
        request: { query: z.object({ erase: z.enum(['true', 'false']).optional() }) },
        responses: ok,
      }),
      (c) => c.body(null, 200),
    );
    expect((await router.request('/bare')).status).toBe(200);
    expect((await router.request('/bare?organization=org_1')).status).toBe(200);
    const bare = await router.request('/bare?x=1&y=2');
    expect(bare.status).toBe(400);
    expect((await bare.json()).details).toEqual({
      x: 'unknown query parameter',
      y: 'unknown query parameter',
    });
    expect((await router.request('/with?erase=true', { method: 'DELETE' })).status).toBe(200);
    // Only reads take ?organization= (for plain links); a write naming it is refused.
    const write = await router.request('/with?organization=org_1', { method: 'DELETE' });
    expect((await write.json()).details).toEqual({ organization: 'unknown query parameter' });
  });
});
