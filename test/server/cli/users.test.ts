import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { defaultConfig } from '../../../server/config';
import { type Db, openDb } from '../../../server/store/db';
import { runCli, runCliInProcess, tempDir } from './run-cli';

const temp = tempDir();
const dataDir = temp.dir;
let db: Db;
let setupLine: string;

beforeAll(async () => {
  const first = await runCli(dataDir, ['init', '--no-demo']);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  setupLine = first.stdout.split('\n').find((line) => line.startsWith('Set up the first account:')) ?? '';
  db = openDb(join(dataDir, 'plaudit.db'));
}, 30_000);
afterAll(() => {
  db?.close();
  temp.remove();
});

/** Signs in through the real app on the CLI's database file. */
const login = (email: string, password: string) =>
  createApp({ db, config: defaultConfig({ publicUrl: 'http://plaudit.test' }) }).request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://plaudit.test', 'x-plaudit-csrf': '1' },
      body: JSON.stringify({ email, password }),
    },
  );

describe('plaudit users', { timeout: 60_000 }, () => {
  it('init prints the one-time setup link beside the admin key', () => {
    expect(setupLine).toMatch(
      /^Set up the first account: http:\/\/localhost:8787\/dashboard\/setup\?token=[\w-]{43}$/,
    );
  });

  it('creates a person with a password from stdin; they sign in; list shows them', async () => {
    const org = await runCliInProcess(dataDir, ['orgs', 'create', '--name', 'Acme']);
    const orgId = org.stdout.match(/org_[A-Za-z0-9]+/)![0];
    const created = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/cli.ts',
          'users',
          'create',
          '--email',
          'Ana@Example.com',
          '--name',
          'Ana',
          '--org',
          orgId,
          '--role',
          'manager',
          '--password-stdin',
        ],
        {
          cwd: join(import.meta.dirname, '../../..'),
          env: { ...process.env, PLAUDIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        },
        (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
      );
      child.stdin?.end('a strong password\n');
    });
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created usr_\w+ \(Ana@Example\.com\)\.$/m);
    expect((await login('ana@example.com', 'a strong password')).status).toBe(200);

    const list = await runCliInProcess(dataDir, ['users', 'list', '--json']);
    const users = JSON.parse(list.stdout);
    expect(users).toEqual([
      expect.objectContaining({
        email: 'Ana@Example.com',
        instanceAdmin: false,
        memberships: [{ organizationId: orgId, organizationName: 'Acme', role: 'manager' }],
      }),
    ]);
    const dup = await runCliInProcess(dataDir, [
      'users',
      'create',
      '--email',
      'ana@example.com',
      '--name',
      'Again',
    ]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });

  it('without a password prints a single-use link; reset-password prints one too', async () => {
    const created = await runCliInProcess(dataDir, [
      'users',
      'create',
      '--email',
      'root@example.com',
      '--name',
      'Root',
      '--instance-admin',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/instance admin/);
    expect(created.stdout).toMatch(
      /Choose a password \(single use, 24 h\): http:\/\/localhost:8787\/dashboard\/reset\?token=[\w-]{43}/,
    );
    const reset = await runCliInProcess(dataDir, ['users', 'reset-password', '--email', 'ROOT@example.com']);
    expect(reset.code).toBe(0);
    const token = reset.stdout.match(/token=([\w-]{43})/)![1];
    const app = createApp({ db, config: defaultConfig({ publicUrl: 'http://plaudit.test' }) });
    const res = await app.request('/api/v1/auth/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://plaudit.test', 'x-plaudit-csrf': '1' },
      body: JSON.stringify({ token, password: 'root password 123' }),
    });
    expect(res.status).toBe(200);
    expect((await login('root@example.com', 'root password 123')).status).toBe(200);
    const unknown = await runCliInProcess(dataDir, [
      'users',
      'reset-password',
      '--email',
      'nobody@example.com',
    ]);
    expect(unknown).toMatchObject({ code: 1, stderr: 'plaudit: No user with email nobody@example.com\n' });
    const badRole = await runCliInProcess(dataDir, [
      'users',
      'create',
      '--email',
      'x@example.com',
      '--name',
      'X',
      '--role',
      'staff',
    ]);
    expect(badRole.code).toBe(1);
  });
});
