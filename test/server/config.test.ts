import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { tempDir } from './cli/run-cli';
import { startServerProcess } from './server-process';

const BOOTSTRAP_KEY = 'sk_live_ConfigTestBootstrapKey0123456789abcd';
const temps: Array<ReturnType<typeof tempDir>> = [];
afterAll(() => {
  for (const temp of temps) temp.remove();
});
const newDir = () => {
  const temp = tempDir('plaudit-config-');
  temps.push(temp);
  return temp.dir;
};

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './data',
      publicUrl: 'http://localhost:8787',
      bootstrapKey: undefined,
      demo: true,
      logLevel: 'info',
    });
  });

  it('points links at the port it listens on when PLAUDIT_PUBLIC_URL is unset', () => {
    expect(loadConfig({ PORT: '3000' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3000', PLAUDIT_PUBLIC_URL: 'https://r.example.com' }).publicUrl).toBe(
      'https://r.example.com',
    );
  });

  it('reads each variable, treats empty as unset, and trims a trailing slash from the public URL', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      PLAUDIT_DATA_DIR: '/var/lib/plaudit',
      PLAUDIT_PUBLIC_URL: 'https://reviews.example.com/',
      PLAUDIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY,
      PLAUDIT_DEMO: 'off',
      LOG_LEVEL: 'warn',
      PLAUDIT_RATE_LIMIT: '',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/plaudit',
      publicUrl: 'https://reviews.example.com',
      bootstrapKey: BOOTSTRAP_KEY,
      demo: false,
      logLevel: 'warn',
      rateLimit: 100,
    });
  });

  it('reads PLAUDIT_TRUST_PROXY as off, one proxy, or a number of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ PLAUDIT_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ PLAUDIT_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ PLAUDIT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['PLAUDIT_PUBLIC_URL', 'ftp://example.com'],
    ['PLAUDIT_PUBLIC_URL', 'not a url'],
    ['PLAUDIT_BOOTSTRAP_KEY', 'sk_live_tooshort'],
    ['PLAUDIT_BOOTSTRAP_KEY', 'sk_test_ConfigTestBootstrapKey0123456789abcd'],
    ['PLAUDIT_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['PLAUDIT_RATE_LIMIT', '0'],
    ['PLAUDIT_TRUST_PROXY', 'maybe'],
    ['PLAUDIT_TRUST_PROXY', '-1'],
  ])('%s=%s is refused with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}:`);
    expect(message).not.toContain('\n');
  });
});

/** Runs `node --import tsx server/main.ts` to completion. */
const runMain = (env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts'],
      { cwd: resolve(import.meta.dirname, '../..'), env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

/** Sends raw bytes on a socket and collects the whole answer until the server closes or the response ends. */
function rawRequest(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk.toString();
  });
  const ended = new Promise<string>((done) => {
    socket.on('close', () => done(answer));
    socket.on('error', () => done(answer));
  });
  return { socket, ended };
}

/** Resolves once connecting to `url` is refused: the server has stopped listening. */
async function untilRefused(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  for (;;) {
    const refused = await new Promise<boolean>((done) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        done(false);
      });
      socket.once('error', () => done(true));
    });
    if (refused) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the server process', { timeout: 60_000 }, () => {
  it('exits 1 with one line on stderr for a bad value, before touching the data directory', async () => {
    const dataDir = newDir();
    const result = await runMain({ PORT: 'abc', PLAUDIT_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^plaudit: Invalid configuration: PORT: /),
    ]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('exits 1 with one line on stderr when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const result = await runMain({
        PORT: port,
        HOST: '127.0.0.1',
        PLAUDIT_DATA_DIR: newDir(),
        PLAUDIT_DEMO: 'false',
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^plaudit: .*in use/);
    } finally {
      taken.close();
    }
  });

  it('on SIGTERM finishes the in-flight request, closes the database (WAL checkpointed) and exits 0', async () => {
    const dataDir = newDir();
    const server = await startServerProcess({
      PLAUDIT_DATA_DIR: dataDir,
      PLAUDIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY,
      PLAUDIT_DEMO: 'false',
    });
    expect(server.output().stdout).not.toContain(BOOTSTRAP_KEY);

    // A request whose body is still arriving when the signal comes: in flight.
    const body = JSON.stringify({ name: 'Created during shutdown' });
    const slow = rawRequest(server.url);
    slow.socket.write(
      `POST /api/v1/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${BOOTSTRAP_KEY}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
    );
    // A full request on another connection answered after the first one's headers were sent and read.
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
    });
    expect(me.status).toBe(200);

    server.child.kill('SIGTERM');
    await untilRefused(server.url);
    expect(existsSync(join(dataDir, 'plaudit.db-wal'))).toBe(true); // still open: the request is in flight
    slow.socket.write(body.slice(5));
    const answer = await slow.ended;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer).toContain('Created during shutdown');
    expect(await server.exited).toBe(0);

    expect(existsSync(join(dataDir, 'plaudit.db-wal'))).toBe(false); // the last connection closed cleanly
    const db = new Database(join(dataDir, 'plaudit.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM organizations').all()).toEqual([{ name: 'Created during shutdown' }]);
    db.close();
  });
});
