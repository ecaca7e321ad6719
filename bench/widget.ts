import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createApp } from '../server/app';
import { defaultConfig } from '../server/config';
import { silentLogger } from '../server/logger';
import { clearWidgetCache } from '../server/pages/widget-cache';
import { type Db, openDb } from '../server/store/db';

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

async function listen(app: {
  fetch: (req: Request) => Response | Promise<Response>;
}): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((done) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      done({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((c) => server.close(() => c())),
      }),
    );
  });
}

type Result = { name: string; rps: number; p50: number; p99: number };

async function run(name: string, url: string, paths: () => string, beforeEach?: () => void): Promise<Result> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: SECONDS,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          beforeEach?.();
          return { ...req, path: paths() };
        },
      },
    ],
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Bare Hono hello-world vs the widget data endpoint (cold: cache cleared per request; warm), plus widget.js size. */
export async function benchWidget(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const ids = seed(db);
    const bare = new Hono();
    bare.get('/', (c) => c.text('Hello Hono!'));
    // The app production serves: request id, access log, compression and error handling included.
    const widget = createApp({ db, config: defaultConfig(), logger: silentLogger, clock: () => new Date() });
    const pick = () => `/widget/v1/${ids[Math.floor(Math.random() * ids.length)]}.json`;

    const bareServer = await listen(bare);
    const base = await run('bare hono', bareServer.url, () => '/');
    await bareServer.close();
    const server = await listen(widget);
    const cold = await run('widget cold', server.url, pick, () => clearWidgetCache(db));
    // Warm means every business's document is already cached, as it is moments after a page is first viewed.
    for (const id of ids) await fetch(`${server.url}/widget/v1/${id}.json`).then((r) => r.arrayBuffer());
    const warm = await run('widget warm', server.url, pick);
    await server.close();

    for (const r of [base, cold, warm]) {
      console.log(
        `${r.name.padEnd(12)} ${Math.round(r.rps).toString().padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`,
      );
    }
    console.log(
      `warm/bare ${(warm.rps / base.rps).toFixed(2)}  cold/bare ${(cold.rps / base.rps).toFixed(2)}  (target warm ≥ 0.80)`,
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
