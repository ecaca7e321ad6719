import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cli/run-cli';
import { type ServerProcess, startServerProcess } from './server-process';

const ADMIN = 'sk_live_DurabilityTestAdminKey0123456789abcdef';
const ATTEMPTS = 300;
const CLIENTS = 8;
const KILL_AFTER = 150; // acknowledged writes before the SIGKILL; the other clients are mid-request then

const temp = tempDir('plaudit-durability-');
const running: ServerProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  temp.remove();
});

const env = {
  PLAUDIT_DATA_DIR: temp.dir,
  PLAUDIT_BOOTSTRAP_KEY: ADMIN,
  PLAUDIT_DEMO: 'false',
  PLAUDIT_RATE_LIMIT: '1000000',
  LOG_LEVEL: 'info',
};

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { id: string } };
}

describe('durability', { timeout: 120_000 }, () => {
  it('keeps every acknowledged write through a SIGKILL mid-stream', async () => {
    const first = await startServerProcess(env);
    running.push(first);
    const org = await post(first.url, '/api/v1/organizations', { name: 'Durable' });
    expect(org.status).toBe(201);
    const asOrg = { 'plaudit-organization': org.json.id };
    const business = await post(first.url, '/api/v1/businesses', { name: 'Durable Diner' }, asOrg);
    expect(business.status).toBe(201);

    const acknowledged: string[] = [];
    let attempted = 0;
    let failures = 0;
    let killed = false;
    const writer = async (client: number) => {
      while (attempted < ATTEMPTS) {
        const n = attempted++;
        try {
          const res = await post(
            first.url,
            '/api/v1/reviews',
            {
              businessId: business.json.id,
              source: 'direct',
              rating: (n % 5) + 1,
              authorName: `client ${client} write ${n}`,
              content: `Review number ${n}, written by client ${client}, should survive a crash once acknowledged.`,
            },
            asOrg,
          );
          if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.json)}`);
          acknowledged.push(res.json.id);
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
          failures++;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, client) => writer(client)));
    expect(await first.exited).toBe('SIGKILL');
    expect(killed).toBe(true);
    expect(failures).toBeGreaterThan(0); // the kill really landed mid-stream
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restart on the same directory (through `plaudit serve` this time) and look for every acknowledged write.
    const second = await startServerProcess(env, { entry: 'server/cli.ts', args: ['serve'] });
    running.push(second);
    const list = await fetch(`${second.url}/api/v1/reviews?businessId=${business.json.id}&perPage=1`, {
      headers: { authorization: `Bearer ${ADMIN}`, ...asOrg },
    });
    expect(list.status).toBe(200);
    const { pagination } = (await list.json()) as { pagination: { total: number } };
    expect(pagination.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(pagination.total).toBeLessThanOrEqual(ATTEMPTS);

    const db = new Database(join(temp.dir, 'plaudit.db'), { readonly: true });
    const stored = new Set(db.prepare('SELECT id FROM reviews').pluck().all() as string[]);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const writable = new Database(join(temp.dir, 'plaudit.db'));
    expect(() =>
      writable.prepare("INSERT INTO reviews_fts(reviews_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
    writable.close();

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
