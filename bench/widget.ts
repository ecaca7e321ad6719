import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '../server/app';
import { defaultConfig } from '../server/config';
import { silentLogger } from '../server/logger';
import { clearWidgetCache } from '../server/pages/widget-cache';
import { type Db, openDb } from '../server/store/db';
import { bareHono, capture, formatRounds, inRounds, loadTest, replayHono, withServer } from './load';

const BUSINESSES = 1_000;
const REVIEWS = 100_000;
const SECONDS = 5;

function seed(db: Db): string[] {
  const now = '2026-01-01T00:00:00.000Z';
  const ids: string[] = [];
  db.transaction(() => {
    db.prepare('INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      'org_b',
      'Bench',
      now,
      now,
    );
    const biz = db.prepare(
      'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const rev = db.prepare(
      `INSERT INTO reviews (id, organization_id, business_id, source, rating, content, author_name, published_at,
         show_on_widget, hidden, sentiment, sentiment_score, created_at, updated_at)
       VALUES (?, 'org_b', ?, 'google', ?, ?, ?, ?, ?, ?, 'neutral', 0, ?, ?)`,
    );
    for (let b = 0; b < BUSINESSES; b++) {
      const id = `biz_bench${b}`;
      ids.push(id);
      biz.run(id, 'org_b', `Business ${b}`, `bench-${b}`, now, now);
    }
    for (let r = 0; r < REVIEWS; r++) {
      const day = String((r % 28) + 1).padStart(2, '0');
      rev.run(
        `rev_bench${r}`,
        ids[r % BUSINESSES],
        (r % 5) + 1,
        `Review number ${r}, a sentence or two of text.`,
        `Author ${r}`,
        `2025-${String((r % 12) + 1).padStart(2, '0')}-${day}T10:00:00.000Z`,
        r % 3 === 0 ? 0 : 1,
        r % 17 === 0 ? 1 : 0,
        now,
        now,
      );
    }
  })();
  return ids;
}

/** Bare Hono hello-world vs the widget data endpoint (cold: cache cleared per request; warm), plus widget.js size. */
export async function benchWidget(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const ids = seed(db);
    // The app production serves: request id, access log, compression and error handling included.
    const app = createApp({ db, config: defaultConfig(), logger: silentLogger, clock: () => new Date() });
    const random = (n: number) => Math.floor(Math.random() * n);
    const warmPaths = ids.map((id) => `/widget/v1/${id}.json`);
    // Cold: each request names a filter combination not seen before (100 limits × 5 ratings × 1k businesses),
    // so nearly every one misses the cache and builds its document from SQLite.
    const coldPaths = Array.from(
      { length: 20_000 },
      () => `/widget/v1/${ids[random(ids.length)]}.json?limit=${1 + random(100)}&minRating=${1 + random(5)}`,
    );
    const load = { connections: 10, duration: SECONDS };
    const captured = [];
    for (const path of warmPaths) captured.push(await capture(await app.request(path)));
    const floorApp = replayHono(captured);
    const runs = await inRounds(async () => {
      const bare = await withServer(bareHono().fetch, (url) => loadTest({ url, ...load }));
      const floor = await withServer(floorApp.fetch, (url) => loadTest({ url, ...load, paths: warmPaths }));
      const [warm, cold] = await withServer(app.fetch, async (url) => {
        // Warm means every business's default document is cached, as it is moments after a page is first
        // viewed, and nothing else: measured first, before the cold run fills the heap with 10k documents.
        clearWidgetCache(db);
        for (const path of warmPaths) await fetch(`${url}${path}`).then((r) => r.arrayBuffer());
        const warmRun = await loadTest({ url, ...load, paths: warmPaths });
        clearWidgetCache(db);
        const coldRun = await loadTest({ url, ...load, paths: coldPaths, warmup: false });
        return [warmRun, coldRun];
      });
      return { bare, floor, warm, cold };
    });
    console.log(formatRounds('bare Hono hello-world', runs.bare));
    console.log(formatRounds('widget JSON, cold (cache misses)', runs.cold, runs.bare));
    console.log(formatRounds('widget JSON, warm', runs.warm, runs.bare));
    console.log(formatRounds('floor: the warm answers replayed', runs.floor, runs.bare));
    console.log(
      '  target: warm ≥ 0.80 × bare (the floor sends the same headers and bytes, computing nothing)',
    );
    try {
      const raw = readFileSync('dist/widget.js');
      console.log(`widget.js ${raw.length} bytes raw, ${gzipSync(raw, { level: 9 }).length} bytes gzip`);
    } catch {
      console.log('widget.js not built (npm run build)');
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
