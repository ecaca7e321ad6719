import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RunningPlaudit = { base: string; output: () => string; close: () => Promise<void> };

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/**
 * The real server process (`server/main.ts`), as an operator starts it: a fresh data directory, the demo
 * organization, its outbox sending mail to `smtpUrl`. Waits until `ready` matches what it printed.
 * `env` adds operator settings (e.g. allowing loopback webhook targets).
 */
export async function startPlaudit(
  smtpUrl: string,
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<RunningPlaudit> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'plaudit-dashboard-browser-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PLAUDIT_DATA_DIR: dataDir,
      PLAUDIT_PUBLIC_URL: base,
      PLAUDIT_SMTP_URL: smtpUrl,
      PLAUDIT_MAIL_FROM: 'Plaudit <plaudit@example.com>',
      PLAUDIT_RATE_LIMIT: '10000',
      PLAUDIT_PUBLIC_RATE_LIMIT: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((done, fail) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (ready.test(output) && output.includes('listening')) {
        clearInterval(timer);
        done();
      } else if (child.exitCode !== null || Date.now() - started > 30_000) {
        clearInterval(timer);
        fail(new Error(`plaudit did not start:\n${output}`));
      }
    }, 100);
  });
  return {
    base,
    output: () => output,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
