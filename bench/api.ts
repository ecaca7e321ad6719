import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app';
import { defaultConfig } from '../server/config';
import { systemClock } from '../server/domain/clock';
import { createApiKey } from '../server/store/api-keys';
import { type Db, openDb } from '../server/store/db';
import { listInboxJson } from '../server/store/inbox';
import { unreadCounts } from '../server/store/inbox-counts';
import { listReviewsJson } from '../server/store/review-queries';
import { addApiFloor, apiFloorPath } from './app-floor';
import {
  bareHono,
  type CapturedResponse,
  capture,
  formatRounds,
  inRounds,
  loadTest,
  withServer,
} from './load';
import { seedInbox } from './seed-inbox';
import { prng, seedReviews } from './seed-reviews';

/** The size of the store benchmark: 1M reviews unless BENCH_API_REVIEWS says otherwise (a quick check). */
const BIG = Number(process.env.BENCH_API_REVIEWS ?? 1_000_000);
const BENCH_READER = 'key_bench_reader';

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (value: number) => `${value.toFixed(3)} ms`;

type Timing = { p50: number; p95: number; p99: number; cpuP95: number };

/** Wall-clock and CPU (user + system) percentiles of `run` over `times` calls, after a warm-up. */
function timeQuery(times: number, run: () => unknown): Timing {
  for (let i = 0; i < Math.min(200, times); i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    cpu.push(cpuMs(process.cpuUsage(cpuStart)));
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 0.5),
    p95: percentile(wall, 0.95),
    p99: percentile(wall, 0.99),
    cpuP95: percentile(cpu, 0.95),
  };
}

/** The store's review list at 1M reviews: the benchmarked business page, plus the heavier shapes for context. */
export function timeStoreQueries(db: Db, orgId: string, businessIds: string[]) {
  const random = prng(7);
  const pick = () => businessIds[Math.floor(random() * businessIds.length)];
  const firstPage = { limit: 25, offset: 0 };
  const line = (name: string, t: Timing) =>
    `${name.padEnd(46)} p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  p99 ${ms(t.p99)}  (CPU p95 ${ms(t.cpuP95)})`;
  const business = () => listReviewsJson(db, orgId, { businessId: pick() }, 'newest', firstPage);
  console.log(line('listReviewsJson(businessId, newest, 25) ×2000', timeQuery(2000, business)));
  console.log(
    line(
      '  same, page 20 ×500',
      timeQuery(500, () =>
        listReviewsJson(db, orgId, { businessId: pick() }, 'newest', { limit: 25, offset: 475 }),
      ),
    ),
  );
  console.log(
    line(
      '  same, sort=highest ×500',
      timeQuery(500, () => listReviewsJson(db, orgId, { businessId: pick() }, 'highest', firstPage)),
    ),
  );
  console.log(
    line(
      '  same, minRating=4 ×500',
      timeQuery(500, () =>
        listReviewsJson(db, orgId, { businessId: pick(), minRating: 4 }, 'newest', firstPage),
      ),
    ),
  );
  console.log(
    line(
      'org-wide (1M rows), newest, 25 ×20',
      timeQuery(20, () => listReviewsJson(db, orgId, {}, 'newest', firstPage)),
    ),
  );
  console.log(
    line(
      'org-wide, sort=highest ×20',
      timeQuery(20, () => listReviewsJson(db, orgId, {}, 'highest', firstPage)),
    ),
  );
  timeInboxQueries(db, orgId, pick, line);
  db.pragma('mmap_size = 1073741824');
  console.log(line('listReviewsJson(businessId…) with mmap_size=1GB ×2000', timeQuery(2000, business)));
  db.pragma('mmap_size = 0');
}

/** The inbox beside the review list: the same pages with feedback merged in and the reader's read state. */
function timeInboxQueries(
  db: Db,
  orgId: string,
  pick: () => string,
  line: (name: string, t: Timing) => string,
) {
  const firstPage = { limit: 25, offset: 0 };
  const filter = { types: ['review', 'feedback'] as Array<'review' | 'feedback'>, readerId: BENCH_READER };
  const inbox = (extra: Record<string, unknown>) => () =>
    listInboxJson(db, orgId, { ...filter, ...extra }, firstPage);
  console.log(
    line(
      'listInboxJson(businessId, 25) ×2000',
      timeQuery(2000, () => inbox({ businessId: pick() })()),
    ),
  );
  console.log(
    line(
      '  same, unread=true ×500',
      timeQuery(500, () => inbox({ businessId: pick(), read: false })()),
    ),
  );
  console.log(
    line(
      '  same, minRating=4 ×500',
      timeQuery(500, () => inbox({ businessId: pick(), minRating: 4 })()),
    ),
  );
  console.log(line('inbox org-wide, newest, 25 ×20', timeQuery(20, inbox({}))));
  console.log(line('inbox org-wide, unread=true ×20', timeQuery(20, inbox({ read: false }))));
  console.log(
    line(
      'unreadCounts(org-wide) ×20',
      timeQuery(20, () => unreadCounts(db, orgId, BENCH_READER, filter.types)),
    ),
  );
}

/** `GET /api/v1/reviews?businessId=…` under load against a bare Hono server, then the list query at 1M reviews. */
export async function benchApi(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
  try {
    let started = performance.now();
    const db = openDb(join(dir, 'api.db'));
    const { orgId, businessIds } = seedReviews(db, 1000, 100_000);
    const { secret, key } = createApiKey(db, systemClock, {
      organizationId: orgId,
      name: 'bench',
      mode: 'live',
      scopes: ['reviews:read', 'feedback:read'],
    });
    // The key is the reader: a third of the items read, so each listed item's read state is looked up.
    seedInbox(db, { orgId, businessIds }, { feedback: 10_000, readerId: key.id, readEvery: 3 });
    console.log(
      `seeded 100k reviews / 1k businesses in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const random = prng(1);
    const paths = Array.from(
      { length: 5000 },
      () => `/api/v1/reviews?businessId=${businessIds[Math.floor(random() * businessIds.length)]}&perPage=25`,
    );
    const inboxPaths = paths.map((path) => path.replace('/reviews?', '/inbox?'));
    const load = { connections: 50, duration: 5 };
    const app = createApp({ db, config: defaultConfig({ rateLimit: 1_000_000_000 }) });
    const inboxAnswers: CapturedResponse[] = [];
    addApiFloor(app, inboxAnswers);
    const auth = { authorization: `Bearer ${secret}` };
    // A key that has marked nothing read (most integrations): its pages skip the per-row read-state lookup.
    const freshKey = createApiKey(db, systemClock, {
      organizationId: orgId,
      name: 'bench, nothing read',
      mode: 'live',
      scopes: ['reviews:read', 'feedback:read'],
    });
    const freshAuth = { authorization: `Bearer ${freshKey.secret}` };
    for (const path of inboxPaths.slice(0, 200))
      inboxAnswers.push(await capture(await app.request(path, { headers: auth })));
    const floorPaths = inboxPaths.map((_, i) => apiFloorPath(String(i)));
    // The list's own work seen through the inbox (its reviews only, no read state to look up): what the
    // inbox adds to it is its unread count and item wrapping; the lines above add feedback and read state.
    const reviewsOnlyPaths = inboxPaths.map((path) => `${path}&type=review`);
    const runs = await inRounds(async () => {
      const bare = await withServer(bareHono().fetch, (url) => loadTest({ url, ...load }));
      const [list, inbox, inboxNothingRead, inboxReviewsOnly, inboxFloor, me] = await withServer(
        app.fetch,
        async (url) => [
          await loadTest({ url, ...load, paths, headers: auth }),
          await loadTest({ url, ...load, paths: inboxPaths, headers: auth }),
          await loadTest({ url, ...load, paths: inboxPaths, headers: freshAuth }),
          await loadTest({ url, ...load, paths: reviewsOnlyPaths, headers: freshAuth }),
          await loadTest({ url, ...load, paths: floorPaths, headers: auth }),
          await loadTest({ url: `${url}/api/v1/me`, ...load, headers: auth }),
        ],
      );
      return { bare, list, inbox, inboxNothingRead, inboxReviewsOnly, inboxFloor, me };
    });
    db.close();
    console.log(formatRounds('bare Hono hello-world', runs.bare));
    console.log(formatRounds('GET /api/v1/reviews?businessId=…', runs.list, runs.bare));
    const list = 'the list';
    console.log(formatRounds('GET /api/v1/inbox?businessId=… (⅓ read)', runs.inbox, runs.list, list));
    console.log(formatRounds('  same, by a key with nothing read', runs.inboxNothingRead, runs.list, list));
    console.log(formatRounds('  same, reviews only, nothing read', runs.inboxReviewsOnly, runs.list, list));
    // The same inbox bytes through the same middleware, computed by nothing: the route's own floor.
    console.log(formatRounds('  floor: inbox answers replayed in the app', runs.inboxFloor, runs.bare));
    console.log(formatRounds('GET /api/v1/me (authenticated floor)', runs.me, runs.bare));
    const failures = [...runs.list, ...runs.inbox, ...runs.inboxNothingRead, ...runs.inboxReviewsOnly].reduce(
      (n, r) => n + r.errors + r.non2xx,
      0,
    );
    console.log(`  errors + non-2xx ${failures} (targets: p99 ≤ 25 ms at 50 connections)`);

    started = performance.now();
    const big = openDb(join(dir, 'store.db'));
    const bigSeed = seedReviews(big, 1000, BIG);
    seedInbox(big, bigSeed, { feedback: Math.floor(BIG / 10), readerId: BENCH_READER, readEvery: 3 });
    console.log(
      `seeded ${BIG} reviews, ${Math.floor(BIG / 10)} feedback / 1k businesses in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    timeStoreQueries(big, bigSeed.orgId, bigSeed.businessIds);
    big.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
