import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { defaultConfig } from '../../../server/config';
import { setup } from '../helpers';
import { insertFeedbackRow } from '../rows';
import { encode, inputOf, RESOURCE_PREFIX, resolve, type Schema, validBody } from './fuzz-inputs';

/**
 * Generated bad input over the whole OpenAPI document: for every operation, path and query parameters and
 * JSON bodies built from malformed and boundary values. No answer may be a 5xx, and every 4xx must be the
 * documented error shape. Deterministic (fixed seed) and bounded (RUNS per operation).
 */

const SEED = 20_261_128;
const RUNS = 25;
/** Writes with a body get more runs: their handlers, past the schema, are where bad ids reach the store. */
const BODY_RUNS = 100;

type Operation = { method: string; path: string; op: Schema };
type Setup = ReturnType<typeof setup>;

/** One object of each kind in Acme, so generated ids can be real ones, of the right kind or not. */
async function fixturesOf(t: Setup): Promise<Record<string, string>> {
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await t.call(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const business = await t.createBusiness();
  const customer = await ok('POST', '/api/v1/customers', { name: 'Jo', email: 'jo@example.com' });
  const request = await ok('POST', '/api/v1/review-requests', {
    businessId: business.id,
    customerEmail: 'jo@example.com',
    method: 'email',
  });
  const review = await ok('POST', '/api/v1/reviews', {
    businessId: business.id,
    source: 'direct',
    rating: 5,
    authorName: 'Ana',
    content: 'Great',
  });
  const card = await ok('POST', '/api/v1/cards', { businessId: business.id });
  const webhook = await ok('POST', '/api/v1/webhooks', {
    url: 'https://hooks.example.com/plaudit',
    events: ['review.created'],
  });
  const delivery = await ok('POST', `/api/v1/webhooks/${webhook.id}/test`);
  const template = await ok('POST', '/api/v1/templates', {
    name: 'SMS',
    channel: 'sms',
    body: 'Hi {{link}}',
  });
  const campaign = await ok('POST', '/api/v1/campaigns', { name: 'After visit', businessId: business.id });
  const key = await ok('POST', '/api/v1/keys', { name: 'spare' });
  const messages = await ok('GET', '/api/v1/messages');
  return {
    biz: business.id,
    cust: customer.id,
    rr: request.id,
    rev: review.id,
    card: card.data[0].id,
    wh: webhook.id,
    del: delivery.deliveryId,
    tpl: template.id,
    camp: campaign.id,
    key: key.id,
    msg: messages.data[0].id,
    fb: insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: business.id }),
    org: t.otherOrg().id,
  };
}

const errorShape = (json: any) =>
  json !== null &&
  typeof json === 'object' &&
  typeof json.error === 'string' &&
  typeof json.code === 'string' &&
  (json.details === undefined ||
    (typeof json.details === 'object' &&
      json.details !== null &&
      Object.values(json.details).every((v) => typeof v === 'string')));

type Caller = 'admin' | 'org';

/**
 * The sign-in routes slow down and lock an account or address after a few failures (issue 14's brute-force
 * rule): there a 429 in the error shape is the right answer to a stream of wrong passwords, not a mask.
 */
const LOCKS_OUT_BY_DESIGN = /^\/api\/v1\/auth\//;

/** Sends one request; answers what is wrong with the response, or undefined when it is a proper answer. */
async function probe(
  t: Setup,
  method: string,
  url: string,
  caller: Caller,
  body: string | undefined,
  contentType?: string,
): Promise<string | undefined> {
  const headers: Record<string, string> = caller === 'admin' ? { 'plaudit-organization': t.org.id } : {};
  if (contentType) headers['content-type'] = contentType;
  const res = await t.call(method.toUpperCase(), url, {
    key: caller === 'admin' ? t.admin : t.orgKey,
    headers,
    body,
  });
  const problem =
    res.status >= 500
      ? `${res.status} ${res.text.slice(0, 160)}`
      : res.status === 429 && !LOCKS_OUT_BY_DESIGN.test(url)
        ? 'rate limited: the remaining input would never reach the handlers'
        : res.status >= 400 && !errorShape(res.json)
          ? `${res.status} not the error shape: ${res.text.slice(0, 160)}`
          : undefined;
  if (!problem) return undefined;
  return `${method.toUpperCase()} ${url.slice(0, 160)} [${caller}] body=${JSON.stringify(body ?? null).slice(0, 240)} → ${problem}`;
}

async function context() {
  // The per-IP limit of public routes (the OAuth callback) would stop the walk before its input reaches them.
  const t = setup({
    config: defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, publicRateLimit: 100_000 }),
  });
  const fixtures = await fixturesOf(t);
  const doc = (await t.call('GET', OPENAPI_PATH)).json;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) operations.push({ method, path, op });
  }
  // Deletions last, so the fixtures the other operations aim at exist while they run.
  operations.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
  return { t, fixtures, doc, operations };
}

/** Values every field meets at least once in the boundary walk, whatever its type. */
const BOUNDARY: unknown[] = [
  '',
  ' ',
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  'x'.repeat(20_000),
  '\uD800',
  '\u202Eevil',
  '𝕏😀',
  [],
  {},
  [{}],
];
const BOUNDARY_TEXT = [
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999',
  '\uD800',
  '\u202E',
  'x'.repeat(300),
];

describe('bad input on every operation of the OpenAPI document', () => {
  it('boundary values in each field of a valid body, query and path: never 5xx, always the error shape', {
    timeout: 120_000,
  }, async () => {
    const { t, fixtures, doc, operations } = await context();
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      const prefix = RESOURCE_PREFIX[path.split('/')[3]];
      const params: Record<string, string> = { id: fixtures[prefix] ?? 'x_none', deliveryId: fixtures.del };
      const at = (values: Record<string, string>) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? ''));
      const caller: Caller = failures.length % 2 ? 'admin' : 'org';
      const base = validBody(`${method} ${path}`, fixtures);
      const schema = resolve(doc, op.requestBody?.content?.['application/json']?.schema);
      if (base && !Array.isArray(base)) {
        const fields = new Set([...Object.keys(base), ...Object.keys(schema.properties ?? {})]);
        for (const field of fields) {
          const item = resolve(doc, resolve(doc, schema.properties?.[field]).items);
          for (const value of BOUNDARY) {
            const bodies: unknown[] = [{ ...base, [field]: value }];
            // Inside an array of objects too (campaign steps): each of the item's fields.
            for (const inner of Object.keys(item.properties ?? {}))
              bodies.push({ ...base, [field]: [{ [inner]: value }] });
            for (const body of bodies) {
              for (const who of ['org', 'admin'] as const) {
                const problem = await probe(t, method, at(params), who, JSON.stringify(body));
                if (problem) failures.push(problem);
              }
            }
          }
        }
      }
      for (const parameter of (op.parameters ?? []) as Schema[]) {
        for (const value of BOUNDARY_TEXT) {
          const url =
            parameter.in === 'path'
              ? at({ ...params, [parameter.name]: value })
              : `${at(params)}?${encode(parameter.name)}=${encode(value)}`;
          const body = base && method !== 'get' ? JSON.stringify(base) : undefined;
          const problem = await probe(t, method, url, caller, body);
          if (problem) failures.push(problem);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('generated input (fast-check): never 5xx, always the error shape', { timeout: 120_000 }, async () => {
    const { t, fixtures, doc, operations } = await context();
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      await fc.assert(
        fc.asyncProperty(inputOf(doc, method, path, op, fixtures), async (input) => {
          const url =
            path.replace(/\{(\w+)\}/g, (_, name: string) => encode(input.params[name] ?? '')) +
            (input.query.length
              ? `?${input.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`
              : '');
          const body =
            input.body.kind === 'json'
              ? (JSON.stringify(input.body.value) ?? 'null')
              : input.body.kind === 'raw'
                ? input.body.text
                : undefined;
          const type = input.body.kind === 'raw' ? input.body.type : undefined;
          const problem = await probe(t, method, url, input.caller, body, type);
          if (problem) failures.push(problem);
        }),
        { seed: SEED, numRuns: op.requestBody ? BODY_RUNS : RUNS },
      );
    }
    expect(failures).toEqual([]);
  });
});
