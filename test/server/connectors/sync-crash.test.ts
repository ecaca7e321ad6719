import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { silentLogger } from '../../../server/logger';
import { openDb } from '../../../server/store/db';
import { testClock } from '../helpers';
import { connectorEnv } from './connector-env';
import { googleReview, startGoogleStandIn } from './google-stand-in';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('a sync killed half-way', () => {
  it('leaves no duplicate and no gap once the server restarts', { timeout: 60_000 }, async () => {
    const google = await startGoogleStandIn();
    cleanup.push(google.close);
    for (let n = 1; n <= 130; n++) google.reviews().push(googleReview(n));
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-sync-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'plaudit.db');
    const secretKey = randomBytes(32);

    // Connect and map through the API; the first sync is queued, not run.
    const db = openDb(dbPath);
    const env = connectorEnv({ platforms: { google: { baseUrl: google.url } }, db, config: { secretKey } });
    const connection = await env.connectOAuth('google', google.approve);
    const { businessId } = await env.mapLocation(connection.id, 'accounts/1/locations/10');
    await env.worker.stop();
    db.close();

    // The child syncs page 1 and is killed while Google answers page 2.
    let pagesAsked = 0;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, 'sync-crash-child.ts'),
          dbPath,
          google.url,
          secretKey.toString('hex'),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      google.onReviewsPage(async () => {
        pagesAsked += 1;
        if (pagesAsked === 2) {
          child.kill('SIGKILL');
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
      );
    });
    google.onReviewsPage(null);

    const after = openDb(dbPath);
    cleanup.push(() => after.close());
    const count = () =>
      after.prepare('SELECT count(*) FROM reviews WHERE business_id = ?').pluck().get(businessId);
    expect(count()).toBe(50);
    const killedRun = after.prepare('SELECT fetched, finished_at FROM sync_runs').get();
    expect(killedRun).toEqual({ fetched: 50, finished_at: null });

    // While the server was down: a new review, and an old one edited.
    google.reviews().push(googleReview(900));
    Object.assign(google.reviews().find((r) => r.reviewId === 'g-review-10') ?? {}, {
      comment: 'Edited while down',
      updateTime: '2026-07-01T00:00:00.000Z',
    });

    // Restart: once the dead worker's lease has run out, the same job syncs again from the newest.
    const worker = createDeliveryWorker({
      db: after,
      config: env.config,
      logger: silentLogger,
      clock: testClock(new Date(Date.now() + 10 * 60_000).toISOString()),
      transports: {
        forChannel: () => ({ name: 'log', send: async () => ({ providerId: null }) }),
        close() {},
      },
    });
    cleanup.push(() => worker.stop());
    while ((await worker.runOnce()) > 0);

    expect(count()).toBe(131);
    const ids = after
      .prepare('SELECT external_id FROM reviews WHERE business_id = ?')
      .pluck()
      .all(businessId) as string[];
    expect(new Set(ids).size).toBe(131);
    for (let n = 1; n <= 130; n++) expect(ids).toContain(`g-review-${n}`);
    expect(ids).toContain('g-review-900');
    expect(after.prepare("SELECT content FROM reviews WHERE external_id = 'g-review-10'").pluck().get()).toBe(
      'Edited while down',
    );
    expect(
      after
        .prepare("SELECT count(*) FROM outbox WHERE kind = 'connector_sync' AND status = 'pending'")
        .pluck()
        .get(),
    ).toBe(1);
    const cursor = after.prepare('SELECT last_seen_update_time FROM connection_locations').pluck().get();
    expect(cursor).toBe('2026-07-01T00:00:00.000Z');
  });
});
