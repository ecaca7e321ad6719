import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { silentLogger } from '../../../server/logger';
import { openDb } from '../../../server/store/db';
import { testClock } from '../helpers';
import { startSmtpPeer } from './smtp-peer';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** Runs the child until it prints `marker`, then kills it with SIGKILL. */
function runChildUntil(args: string[], marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes(marker)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('crash safety', () => {
  it('a process killed with SIGKILL between commit and send loses nothing and sends nothing twice', {
    timeout: 60_000,
  }, async () => {
    const smtp = await startSmtpPeer();
    cleanup.push(smtp.close);
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'plaudit.db');

    await runChildUntil([dbPath, smtp.url, '20', '5'], 'hung');
    expect(smtp.raw).toHaveLength(5);

    // Restart: a new process opens the same file; the killed worker's lease runs out and everything due goes.
    const db = openDb(dbPath);
    cleanup.push(() => {
      db.close();
    });
    const clock = testClock(new Date(Date.now() + 5 * 60_000).toISOString());
    const worker = createDeliveryWorker({
      db,
      clock,
      logger: silentLogger,
      config: defaultConfig({ publicUrl: 'http://plaudit.test', smtpUrl: smtp.url }),
    });
    while ((await worker.runOnce()) > 0);
    await worker.stop();

    const ids = smtp.received.map((mail) => mail.messageId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const recipients = smtp.received.map((mail) => (Array.isArray(mail.to) ? '' : mail.to?.text)).sort();
    expect(new Set(recipients).size).toBe(20);
    const statuses = db.prepare('SELECT status, count(*) AS n FROM review_requests GROUP BY status').all();
    expect(statuses).toEqual([{ status: 'sent', n: 20 }]);
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'done'").get()).toEqual({ n: 0 });
  });
});
