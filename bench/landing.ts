import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app';
import { defaultConfig } from '../server/config';
import { systemClock } from '../server/domain/clock';
import { newId, newPublicCode } from '../server/domain/ids';
import { silentLogger } from '../server/logger';
import { insertBusiness } from '../server/store/businesses';
import { openDb } from '../server/store/db';
import { createOrganization } from '../server/store/organizations';
import { createVisit } from '../server/store/visits';
import { addAppFloors, appFloorPagePath, appFloorPostPath } from './app-floor';
import {
  bareHono,
  type CapturedResponse,
  capture,
  formatRounds,
  inRounds,
  loadTest,
  ROUNDS,
  replayHono,
  withServer,
} from './load';

const SECONDS = 5;
const CODES = 10_000;
/** Visits the post warm-up may use; the measured run takes the rest. */
const WARM_VISITS = 50_000;
const UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1';

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
    for (let i = 0; i < 250_000; i++) {
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

  const app = createApp({ db, config, logger: silentLogger, clock });
  const pages: CapturedResponse[] = [];
  addAppFloors(app, db, pages);
  const headers = { 'user-agent': UA, 'accept-language': 'en' };
  const load = { connections: 20, duration: SECONDS };
  const postLoad = (
    url: string,
    paths: string[],
    duration: number,
    order: 'sequential' | 'random' = 'sequential',
  ) =>
    loadTest({
      url,
      ...load,
      duration,
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: 'rating=2&comments=Bench+feedback',
      paths,
      order,
    });
  const countFeedback = () => (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  // Posts are warmed up like pages (V8 compiles the hot paths in the first seconds), on visits of their own;
  // each measured run then posts to visits never posted to, and rows are counted from after the warm-up.
  const perRound = Math.floor((visits.length - WARM_VISITS) / ROUNDS);
  let round = 0;
  let rowsBefore = 0;
  // Both page floors replay real pages (each with its own nonce and visit cookie) without computing anything.
  for (const code of codes.slice(0, 200))
    pages.push(await capture(await app.request(`/r/${code}`, { headers })));
  const floorApp = replayHono(pages);
  const feedbackPaths = (from: number, to: number) =>
    visits.slice(from, to).map((visit) => `/v/${visit}/feedback`);
  const floorPostPaths = visits.slice(0, 10_000).map(appFloorPostPath);
  const floorPagePaths = codes.map((_, i) => appFloorPagePath(String(i)));
  const runs = await inRounds(async () => {
    const bare = await withServer(bareHono().fetch, (url) => loadTest({ url, ...load }));
    const floor = await withServer(floorApp.fetch, (url) => loadTest({ url, ...load, headers }));
    return withServer(app.fetch, async (url) => {
      const appPageFloor = await loadTest({ url, ...load, headers, paths: floorPagePaths });
      const page = await loadTest({ url, ...load, headers, paths: codes.map((code) => `/r/${code}`) });
      if (round === 0) {
        await postLoad(url, feedbackPaths(0, WARM_VISITS), 2);
        await postLoad(url, floorPostPaths, 2, 'random');
        rowsBefore = countFeedback();
      }
      const start = WARM_VISITS + round++ * perRound;
      const appPostFloor = await postLoad(url, floorPostPaths, SECONDS, 'random');
      const post = await postLoad(url, feedbackPaths(start, start + perRound), SECONDS);
      return { bare, floor, appPageFloor, page, appPostFloor, post };
    });
  });

  const feedbackRows = countFeedback() - rowsBefore;
  console.log(formatRounds('bare Hono hello-world', runs.bare));
  console.log(formatRounds('GET /r/:code (10k codes)', runs.page, runs.bare));
  console.log(formatRounds('floor: /r/:code pages replayed', runs.floor, runs.bare));
  console.log(formatRounds('app floor: same, behind middleware', runs.appPageFloor, runs.bare));
  console.log(formatRounds('POST /v/:token/feedback', runs.post, runs.bare));
  console.log(formatRounds('app floor: post storing one row', runs.appPostFloor, runs.bare));
  console.log('  targets: landing page ≥ 0.5 × bare, feedback post ≥ 0.3 × bare');
  // A post that succeeds answers 303; every one of them must have left a row (in-flight ones at the cut may add a few).
  const acknowledged = runs.post.reduce((n, r) => n + r.status3xx, 0);
  const sent = runs.post.reduce((n, r) => n + r.total, 0);
  console.log(`  feedback rows ${feedbackRows} for ${acknowledged} acknowledged posts (${sent} sent)`);
  db.close();
  return { runs, feedbackRows, acknowledged };
}
