import { defaultConfig } from '../../../server/config';
import { newId, newPublicCode } from '../../../server/domain/ids';
import type { AppDeps } from '../../../server/http/context';
import { silentLogger } from '../../../server/logger';
import type { Db } from '../../../server/store/db';
import { setup } from '../helpers';

export const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export const PLATFORMS = {
  google: { placeId: 'ChIJ-test-place' },
  yelp: { url: 'https://www.yelp.com/biz/joes-coffee' },
};

/** The app (landing pages and cards are part of it), plus helpers to browse it like a phone. */
export function landingSetup(
  options: { publicRateLimit?: number; webhooksAllowPrivate?: boolean; trustProxy?: number; db?: Db } = {},
) {
  const config = defaultConfig({
    publicUrl: 'http://plaudit.test',
    rateLimit: 10_000,
    publicRateLimit: options.publicRateLimit ?? 1000,
    webhooksAllowPrivate: options.webhooksAllowPrivate ?? false,
    trustProxy: options.trustProxy ?? 0,
  });
  const t = setup({ config, db: options.db });
  const deps: AppDeps = { db: t.db, config, logger: silentLogger, clock: t.clock };

  /** A review request as the requests API would leave it after sending (test fixture, written directly). */
  function createRequest(businessId: string, status = 'sent', customerName: string | null = 'Jessica Jones') {
    const now = t.clock().toISOString();
    const customerId = newId('cust');
    const id = newId('rr');
    const code = newPublicCode();
    t.db
      .prepare(
        `INSERT INTO customers (id, organization_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(customerId, t.org.id, customerName, `+1555${Math.floor(Math.random() * 1e7)}`, now, now);
    t.db
      .prepare(
        `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'sms', ?, ?, ?, ?)`,
      )
      .run(id, t.org.id, businessId, customerId, code, status, now, now);
    return { id, code };
  }

  const requestRow = (id: string) =>
    t.db
      .prepare('SELECT status, opened_at, completed_at, rating FROM review_requests WHERE id = ?')
      .get(id) as {
      status: string;
      opened_at: string | null;
      completed_at: string | null;
      rating: number | null;
    };
  const events = (type?: string) =>
    t.db
      .prepare('SELECT * FROM events WHERE (? IS NULL OR type = ?) ORDER BY rowid')
      .all(type ?? null, type ?? null) as Array<Record<string, unknown>>;
  const count = (table: string) =>
    (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await t.app.request(path, { headers: { 'user-agent': PHONE_UA, ...headers } });
    return { res, html: await res.text() };
  }

  async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await t.app.request(path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: {
        'user-agent': PHONE_UA,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
    });
    return { res, html: await res.text() };
  }

  /** Opens an entry link and returns the visit token the page carries. */
  async function open(path: string, headers: Record<string, string> = {}) {
    const page = await get(path, headers);
    const token = page.html.match(/\/v\/(visit_[A-Za-z0-9]+)\/rate/)?.[1];
    return { ...page, token: token ?? '' };
  }

  return { ...t, deps, createRequest, requestRow, events, count, get, post, open };
}
