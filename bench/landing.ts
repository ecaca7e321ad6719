import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createApp } from '../server/app';
import { defaultConfig } from '../server/config';
import { systemClock } from '../server/domain/clock';
import { newId, newPublicCode } from '../server/domain/ids';
import { silentLogger } from '../server/logger';
import { insertBusiness } from '../server/store/businesses';
import { openDb } from '../server/store/db';
import { createOrganization } from '../server/store/organizations';
import { createVisit } from '../server/store/visits';

const SECONDS = 5;
const CODES = 10_000;
const UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1';

type Result = { name: string; rps: number; p50: number; p99: number; non2xx: number; total: number };

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  let server!: ReturnType<typeof serve>;
  await new Promise<void>((ready) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function run(name: string, options: autocannon.Options): Promise<Result> {
  const result = await autocannon({ connections: 20, duration: SECONDS, ...options });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/**
 * Bare Hono vs `GET /r/:code` (random among 10k) vs the feedback post, on loopback; rows counted after.
 * The app is the one production serves (`createApp`, with its request id, access log, compression and
 * error handling) over a SQLite file in WAL mode, so every acknowledged write went through a real commit.
 */
export async function benchLanding() {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
  try {
    return await benchLandingIn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchLandingIn(dir: string) {
  const db = openDb(join(dir, 'bench.db'));
  const clock = systemClock;
  const config = defaultConfig({ publicUrl: 'http://127.0.0.1', publicRateLimit: 100_000_000 });
  const org = createOrganization(db, clock, { name: 'Bench' });
  const business = insertBusiness(db, clock, org.id, {
    name: 'Bench Coffee',
    slug: 'bench-coffee',
    address: null,
    phone: null,
    website: null,
    timezone: 'UTC',
    locale: 'en',
    brandColor: null,
    logoUrl: null,
    gatingMode: 'soft',
    gatingThreshold: 4,
    gatingScale: 'stars',
    policyRiskAcknowledgedAt: null,
    testimonialAutoPublishMin: null,
    platforms: { google: { placeId: 'bench' } },
    sendWindowStart: '09:00',
    sendWindowEnd: '20:00',
    dedupDays: 14,
  });
  const now = new Date().toISOString();
  const codes: string[] = [];
  db.transaction(() => {
    const customer = db.prepare(
      'INSERT INTO customers (id, organization_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const request = db.prepare(
      `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'sms', ?, 'sent', ?, ?)`,
    );
    for (let i = 0; i < CODES; i++) {
      const customerId = newId('cust');
      const code = newPublicCode();
      customer.run(customerId, org.id, `Customer ${i}`, now, now);
      request.run(newId('rr'), org.id, business.id, customerId, code, now, now);
      codes.push(code);
    }
  })();
  // One visit per feedback post: a visit takes one feedback, so each post must be a new one to count rows.
  const visits: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 150_000; i++) {
      visits.push(
        createVisit(db, clock, {
          organizationId: org.id,
          businessId: business.id,
          origin: 'business_link',
          lang: 'en',
        }).id,
      );
    }
  })();

  const bare = new Hono().get('/', (c) => c.text('Hello Hono!'));
  const app = createApp({ db, config, logger: silentLogger, clock });
  const a = await listen(bare.fetch);
  const b = await listen(app.fetch);
  const headers = { 'user-agent': UA, 'accept-language': 'en' };
  const random = () => codes[Math.floor(Math.random() * codes.length)];
  let next = 0;

  const results: Result[] = [];
  results.push(await run('bare Hono hello', { url: `${a.url}/` }));
  results.push(
    await run('GET /r/:code', {
      url: b.url,
      requests: [{ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: `/r/${random()}` }) }],
    }),
  );
  results.push(
    await run('POST feedback', {
      url: b.url,
      requests: [
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/x-www-form-urlencoded',
            'sec-fetch-site': 'same-origin',
          },
          setupRequest: (req) => ({
            ...req,
            path: `/v/${visits[next++ % visits.length]}/feedback`,
            body: 'rating=2&comments=Bench+feedback',
          }),
        },
      ],
    }),
  );
  a.server.close();
  b.server.close();

  const feedbackRows = (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  const feedbackPost = results[2];
  const redirects = feedbackPost.non2xx; // a successful post answers 303, which autocannon counts as non-2xx
  const [hello, page, post] = results;
  console.table(
    results.map((r) => ({
      scenario: r.name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      requests: r.total,
    })),
  );
  console.log(`landing page / bare Hono: ${(page.rps / hello.rps).toFixed(2)} (target ≥ 0.5)`);
  console.log(`feedback post / bare Hono: ${(post.rps / hello.rps).toFixed(2)} (target ≥ 0.3)`);
  console.log(
    `feedback rows ${feedbackRows} for ${redirects} accepted posts (${post.total} sent; visits used ${Math.min(next, visits.length)})`,
  );
  db.close();
  return { results, feedbackRows, acceptedPosts: redirects };
}
