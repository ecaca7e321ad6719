import { type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { ApiError } from './errors';

type Def = {
  type: string;
  catchall?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const wrappers = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'];

/** Where, in a request schema, an object would silently drop keys it does not know (`body.sendWindow`). */
export function looseObjectPaths(schema: z.ZodType, path: string): string[] {
  const def = defOf(schema);
  const children: Array<[z.ZodType | undefined, string]> = [];
  if (def.type === 'object') {
    const strict = def.catchall && defOf(def.catchall).type === 'never';
    const own = strict ? [] : [path];
    for (const [key, field] of Object.entries(def.shape ?? {})) children.push([field, `${path}.${key}`]);
    return [...own, ...children.flatMap(([child, at]) => (child ? looseObjectPaths(child, at) : []))];
  }
  if (wrappers.includes(def.type)) children.push([def.innerType, path]);
  else if (def.type === 'array') children.push([def.element, `${path}[]`]);
  else if (def.type === 'union') for (const option of def.options ?? []) children.push([option, path]);
  else if (def.type === 'pipe') children.push([def.in, path]);
  else if (def.type === 'intersection') children.push([def.left, path], [def.right, path]);
  else if (def.type === 'record') children.push([def.valueType, `${path}.*`]);
  else if (def.type === 'tuple')
    for (const [i, item] of (def.items ?? []).entries()) children.push([item, `${path}[${i}]`]);
  return children.flatMap(([child, at]) => (child ? looseObjectPaths(child, at) : []));
}

/**
 * `?organization=` on a GET: a signed-in person's plain links (a print sheet, a QR download) cannot send the
 * `Plaudit-Organization` header, so the session middleware reads the acting organization from here.
 */
const organizationQuery = {
  organization: z.string().max(64).optional().openapi({
    description:
      'Signed-in sessions only: the organization to act in, for links that cannot send `Plaudit-Organization`.',
    example: 'org_3kTz9QwErTyUiOpA',
  }),
};

/**
 * A route as the native API registers it: its query refuses parameters it does not declare (a route that
 * declares none refuses any), and every object of its JSON body must already be strict. A loose body is a
 * programming error caught when the router is built, so a new route cannot quietly accept unknown fields.
 */
export function strictRoute<R extends RouteConfig>(route: R): R {
  const label = `${route.method.toUpperCase()} ${route.path}`;
  const request = route.request ?? {};
  const declared = request.query ? queryObject(request.query as z.ZodType, label) : z.object({});
  const query = (route.method === 'get' ? declared.safeExtend(organizationQuery) : declared).strict();
  for (const [mediaType, content] of Object.entries(request.body?.content ?? {})) {
    const schema = (content as { schema?: unknown }).schema;
    if (!mediaType.includes('json') || !(schema instanceof z.ZodType)) continue;
    const loose = looseObjectPaths(schema, 'body');
    if (loose.length) throw new Error(`${label}: make ${loose.join(', ')} strict (.strict())`);
  }
  if (route.method !== 'get') return { ...route, request: { ...request, query } };
  const middleware = [organizationIsForSessions, ...[route.middleware ?? []].flat()];
  return { ...route, middleware, request: { ...request, query } };
}

/** A key's `?organization=` would be ignored (keys act in their own, or the header's): refused, not ignored. */
const organizationIsForSessions: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('auth')?.keyId && c.req.query('organization') !== undefined) {
    throw new ApiError(
      'VALIDATION_ERROR',
      'API keys name the organization in the Plaudit-Organization header',
      {
        organization: 'signed-in sessions only: send the Plaudit-Organization header',
      },
    );
  }
  await next();
};

function queryObject(schema: z.ZodType, label: string): z.ZodObject {
  if (schema instanceof z.ZodObject) return schema;
  throw new Error(`${label}: a query schema must be a z.object (found ${defOf(schema).type})`);
}
