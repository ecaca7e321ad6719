import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/bootstrap';
import { defaultConfig } from '../../server/config';
import { findApiKeyBySecret, revokeApiKey } from '../../server/store/api-keys';
import { openDb, openMemoryDb } from '../../server/store/db';
import { tempDir } from './cli/run-cli';
import { testClock } from './helpers';
import { type ServerProcess, startServerProcess } from './server-process';

const temp = tempDir('plaudit-bootstrap-');
const running: ServerProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  temp.remove();
});

describe('first-run bootstrap', () => {
  it('creates an admin key once and a demo business a newcomer can explore', async () => {
    const db = openMemoryDb();
    const clock = testClock();
    const config = defaultConfig();
    const first = bootstrap(db, clock, config);
    expect(first.generatedAdminKey).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
    expect(bootstrap(db, clock, config).generatedAdminKey).toBeUndefined();

    const app = createApp({ db, clock, config });
    const headers = {
      authorization: `Bearer ${first.generatedAdminKey}`,
      'plaudit-organization': first.demo!.organizationId,
    };
    const business = await (
      await app.request(`/api/v1/businesses/${first.demo!.businessId}`, { headers })
    ).json();
    expect(business.name).toBe('Demo Coffee');
    expect(business.gating.mode).toBe('soft');
    expect(business.reviewLinks.map((l: { platform: string }) => l.platform)).toEqual([
      'google',
      'yelp',
      'facebook',
    ]);
    expect(business.totalReviews).toBeGreaterThanOrEqual(15);
    expect(business.totalReviews).toBeLessThanOrEqual(25);
    expect(Object.keys(business.platformBreakdown).length).toBeGreaterThanOrEqual(3);
    expect(business.reviewBreakdown['1'] + business.reviewBreakdown['2']).toBeGreaterThan(0);
    const widget = await (await app.request(`/widget/v1/${business.id}.json`)).json();
    expect(widget.reviews.length).toBeGreaterThan(0);
    expect(widget.reviews.length).toBeLessThan(business.totalReviews);
  });

  it('takes the operator’s bootstrap key, storing only its hash, and skips the demo when asked', async () => {
    const db = openMemoryDb();
    const secret = `sk_live_${'a1B2'.repeat(8)}`;
    const result = bootstrap(db, testClock(), defaultConfig({ bootstrapKey: secret, demo: false }));
    expect(result).toEqual({ adminKeyFromEnvironment: true });
    const app = createApp({ db });
    const me = await (
      await app.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })
    ).json();
    expect(me.admin).toBe(true);
    const stored = JSON.stringify(db.prepare('SELECT * FROM api_keys').all());
    expect(stored).not.toContain(secret);
    expect(db.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 0 });
  });

  it('serves a home page that links to the API reference and the demo', async () => {
    const db = openMemoryDb();
    bootstrap(db, testClock(), defaultConfig());
    const html = await (await createApp({ db }).request('/')).text();
    expect(html).toContain('href="/docs"');
    expect(html).toContain('/b/demo-coffee');
    expect(html).toContain('data-plaudit-widget="biz_');
  });

  it('starts and logs one clear line when PLAUDIT_BOOTSTRAP_KEY names a revoked key', {
    timeout: 30_000,
  }, async () => {
    const secret = `sk_live_${'Rv0k'.repeat(8)}`;
    const db = openDb(join(temp.dir, 'plaudit.db'));
    const clock = testClock();
    bootstrap(db, clock, defaultConfig({ bootstrapKey: secret, demo: false }));
    // The operator revoked the only admin key out of band (the API refuses to revoke the last one).
    revokeApiKey(db, clock, null, findApiKeyBySecret(db, secret)!.id);
    db.close();

    const server = await startServerProcess({
      PLAUDIT_DATA_DIR: temp.dir,
      PLAUDIT_BOOTSTRAP_KEY: secret,
      PLAUDIT_DEMO: 'false',
    });
    running.push(server);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(401);
    const { stdout, stderr } = server.output();
    const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.includes('PLAUDIT_BOOTSTRAP_KEY'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 40, msg: expect.stringMatching(/revoked/) });
    expect(stdout).not.toContain(secret);
  });
});
