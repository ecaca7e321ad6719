import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { defaultConfig } from '../../../server/config';
import { type Db, openDb } from '../../../server/store/db';
import { lines, runCli, runCliInProcess, tempDir } from './run-cli';

const temp = tempDir();
const dataDir = temp.dir;
let db: Db;

beforeAll(async () => {
  const first = await runCli(dataDir, ['init', '--no-demo']);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  db = openDb(join(dataDir, 'plaudit.db'));
}, 30_000);
afterAll(() => {
  db?.close();
  temp.remove();
});

/** `GET /api/v1/me` through the real app on the CLI's database file. */
const me = (secret: string) =>
  createApp({ db, config: defaultConfig() }).request('/api/v1/me', {
    headers: { authorization: `Bearer ${secret}` },
  });

const secretIn = (stdout: string) => stdout.match(/sk_(?:live|test)_[A-Za-z0-9]{32,}/)?.[0];

// Each child process starts tsx (about a second here), so these tests get generous time limits.
describe('plaudit orgs, keys and businesses', { timeout: 60_000 }, () => {
  it('creates, lists and revokes keys; a revoked key then gets 401 from the API on the same file', async () => {
    const org = await runCliInProcess(dataDir, ['orgs', 'create', '--name', 'Acme']);
    expect(org.code).toBe(0);
    const orgId = org.stdout.match(/org_[A-Za-z0-9]+/)![0];

    const created = await runCli(dataDir, [
      'keys',
      'create',
      '--org',
      orgId,
      '--name',
      'website',
      '--mode',
      'test',
      '--scopes',
      'reviews:read,businesses:read',
    ]);
    expect(created.code).toBe(0);
    const secret = secretIn(created.stdout)!;
    expect(secret).toMatch(/^sk_test_/);
    const keyId = created.stdout.match(/key_[A-Za-z0-9]+/)![0];
    const before = await me(secret);
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({
      keyId,
      mode: 'test',
      scopes: ['reviews:read', 'businesses:read'],
    });

    const listed = await runCli(dataDir, ['keys', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(keyId);
    expect(listed.stdout).toContain('(admin)');
    expect(listed.stdout).toContain(secret.slice(0, 12));
    expect(listed.stdout).not.toContain(secret);
    expect(secretIn(listed.stdout)).toBeUndefined();

    const revoked = await runCli(dataDir, ['keys', 'revoke', keyId]);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toContain(`Revoked ${keyId}`);
    const after = await me(secret);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHORIZED' });

    const json = await runCliInProcess(dataDir, ['keys', 'list', '--org', orgId, '--json']);
    const keys = JSON.parse(json.stdout) as Array<{ id: string; revokedAt: string | null }>;
    expect(keys.find((k) => k.id === keyId)?.revokedAt).toBeTruthy();
    expect(json.stdout).not.toContain(secret);
  });

  it('creates businesses with the API’s validation and lists them with hostile names made inert', async () => {
    const org = await runCliInProcess(dataDir, ['orgs', 'create', '--name', 'Shops']);
    const orgId = org.stdout.match(/org_[A-Za-z0-9]+/)![0];
    const hostile = 'Evil\u001b[2J\u001b]8;;https://x.test\u0007Cafe\u202e\r\nFake line';
    const created = await runCli(dataDir, [
      'businesses',
      'create',
      '--org',
      orgId,
      '--name',
      hostile,
      '--slug',
      'evil-cafe',
      '--timezone',
      'Europe/Paris',
      '--country',
      'fr',
      '--google',
      'ChIJN1t_tDeuEmsRUsoyG83frY4',
      '--yelp',
      'https://www.yelp.com/biz/evil-cafe-paris',
    ]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain('placeid=ChIJN1t_tDeuEmsRUsoyG83frY4');
    expect(created.stdout).toContain('https://www.yelp.com/writeareview/biz/evil-cafe-paris');
    const business = db.prepare('SELECT * FROM businesses WHERE slug = ?').get('evil-cafe') as Record<
      string,
      unknown
    >;
    expect(business).toMatchObject({
      organization_id: orgId,
      timezone: 'Europe/Paris',
      country: 'FR',
      gating_mode: 'soft',
      name: hostile,
    });

    const listed = await runCli(dataDir, ['businesses', 'list', '--org', orgId]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(business.id as string);
    expect(listed.stdout).toContain('EvilCafe');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
    expect(listed.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(lines(listed.stdout)).toHaveLength(2); // the header and one row: the name's newline is gone
  });

  it('answers bad input with one line on stderr, a non-zero exit, and no change', async () => {
    const count = () => (db.prepare('SELECT count(*) AS n FROM businesses').get() as { n: number }).n;
    const before = count();
    const orgId = (db.prepare('SELECT id FROM organizations LIMIT 1').get() as { id: string }).id;
    const cases: Array<[string[], RegExp]> = [
      [
        [
          'businesses',
          'create',
          '--org',
          orgId,
          '--name',
          'X',
          '--timezone',
          'Mars/Olympus',
          '--slug',
          'Bad Slug',
        ],
        /^plaudit: --slug: .*--timezone: must be an IANA/,
      ],
      [
        ['businesses', 'create', '--org', orgId, '--name', 'X', '--gating', 'strict'],
        /--acknowledge-policy-risk: must be true/,
      ],
      [
        ['businesses', 'create', '--org', orgId, '--name', 'X', '--slug', 'evil-cafe'],
        /--slug: evil-cafe is already used/,
      ],
      [['businesses', 'create', '--org', 'org_missing', '--name', 'X'], /No organization org_missing/],
      [['businesses', 'create', '--org', orgId], /required option '--name <name>'/],
      [
        ['keys', 'create', '--org', orgId, '--name', 'k', '--scopes', 'reviews:read,reviews:destroy'],
        /--scopes: unknown scope reviews:destroy/,
      ],
      [
        ['keys', 'create', '--org', orgId, '--name', 'k', '--mode', 'prod'],
        /'prod' is invalid\. Allowed choices are live, test/,
      ],
      [['keys', 'create', '--name', 'k'], /exactly one of --org <id> or --admin/],
      [['keys', 'revoke', 'key_doesnotexist'], /No API key key_doesnotexist/],
      [['nonsense'], /^plaudit: unknown command 'nonsense'/],
    ];
    // Two through the real process (its exit code and stderr), the rest in-process, for speed.
    const spawned = await Promise.all([
      runCli(dataDir, cases[0][0]),
      runCli(dataDir, cases[cases.length - 1][0]),
    ]);
    const results = [spawned[0]];
    for (const [args] of cases.slice(1, -1)) results.push(await runCliInProcess(dataDir, args));
    results.push(spawned[1]);
    results.forEach((result, i) => {
      const name = cases[i][0].join(' ');
      expect(result.code, name).toBe(1);
      expect(lines(result.stderr), name).toEqual([expect.stringMatching(cases[i][1])]);
      expect(result.stdout, name).toBe('');
    });
    expect(count()).toBe(before);
    const keys = (db.prepare('SELECT count(*) AS n FROM api_keys').get() as { n: number }).n;
    expect(
      (await runCliInProcess(dataDir, ['keys', 'create', '--org', orgId, '--name', 'k', '--scopes', '']))
        .code,
    ).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM api_keys').get() as { n: number }).n).toBe(keys);
  });
});
