import { type CreateAppOptions, createApp } from '../../server/app';
import { type Config, defaultConfig } from '../../server/config';
import type { Clock } from '../../server/domain/clock';
import { DEFAULT_SCOPES } from '../../server/domain/scopes';
import { createApiKey } from '../../server/store/api-keys';
import { openMemoryDb } from '../../server/store/db';
import { createOrganization } from '../../server/store/organizations';

export type TestRequest = {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
};

/** A clock tests can move: `clock.set('2026-01-01T10:00:00Z')`, `clock.advance(60_000)`. */
export function testClock(start = '2026-06-15T12:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock: Clock & { set(iso: string): void; advance(ms: number): void } = Object.assign(
    () => new Date(now),
    {
      set: (iso: string) => {
        now = new Date(iso).getTime();
      },
      advance: (ms: number) => {
        now += ms;
      },
    },
  );
  return clock;
}

/**
 * A fresh app on a fresh in-memory database with an admin key and one organization ("Acme") holding a
 * full-scope live key. `call()` sends JSON through `app.request()` with the org key unless told otherwise.
 */
export type TestClock = ReturnType<typeof testClock>;

/**
 * Tests never reach a real review platform: without a stand-in, each platform's base URL is a loopback port
 * that refuses connections (an API key is then stored unchecked, as when a platform is down).
 */
function offlineConnectors(config: Config): Config {
  const connectors = Object.fromEntries(
    Object.entries(config.connectors).map(([platform, settings]) => [
      platform,
      { ...settings, baseUrl: settings.baseUrl ?? 'http://127.0.0.1:9' },
    ]),
  ) as Config['connectors'];
  return { ...config, connectors };
}

export function setup(options: Partial<Omit<CreateAppOptions, 'clock'>> & { clock?: TestClock } = {}) {
  const db = options.db ?? openMemoryDb();
  const clock = options.clock ?? testClock();
  const config =
    options.config ??
    offlineConnectors(defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000 }));
  const app = createApp({ ...options, db, clock, config });
  const admin = createApiKey(db, clock, {
    organizationId: null,
    name: 'admin',
    mode: 'live',
    scopes: [],
  }).secret;
  const org = createOrganization(db, clock, { name: 'Acme' });
  const orgKey = createApiKey(db, clock, {
    organizationId: org.id,
    name: 'acme',
    mode: 'live',
    scopes: [...DEFAULT_SCOPES, 'keys:admin'],
  }).secret;

  /** Another organization with its own key, for tenancy tests. */
  const otherOrg = () => {
    const other = createOrganization(db, clock, { name: 'Other' });
    const key = createApiKey(db, clock, {
      organizationId: other.id,
      name: 'other',
      mode: 'live',
      scopes: [...DEFAULT_SCOPES, 'keys:admin'],
    }).secret;
    return { id: other.id, key };
  };

  /** A key of Acme with only the given scopes. */
  const keyWithScopes = (scopes: string[], mode: 'live' | 'test' = 'live') =>
    createApiKey(db, clock, { organizationId: org.id, name: 'scoped', mode, scopes }).secret;

  async function call(method: string, path: string, request: TestRequest = {}) {
    const headers: Record<string, string> = { ...request.headers };
    const key = request.key === undefined ? orgKey : request.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  /** Creates a business in Acme through the API and returns its JSON. */
  async function createBusiness(body: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/v1/businesses', { body: { name: 'Joe’s Coffee', ...body } });
    if (res.status !== 201) throw new Error(`createBusiness failed: ${res.status} ${res.text}`);
    return res.json;
  }

  return { app, db, clock, config, admin, org, orgKey, otherOrg, keyWithScopes, call, createBusiness };
}
