import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { validationHook } from './errors';
import { strictRoute } from './strict-input';

/**
 * A resource router: OpenAPI-described routes whose validation failures use our one error shape, and
 * whose every route refuses query parameters and body fields it does not declare (DESIGN §4).
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const register = router.openapi;
  router.openapi = ((route, handler, hook) =>
    register(strictRoute(route), handler, hook)) as typeof router.openapi;
  return router;
}
