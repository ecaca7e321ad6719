import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/domain/clock';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { createApiKey } from '../../../server/store/api-keys';
import { openDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import { runCliInProcess, tempDir } from './run-cli';

const root = resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A data directory holding one organization with a business and a key. */
async function seeded() {
  const temp = tempDir('plaudit-mcp-');
  cleanups.push(() => temp.remove());
  const db = openDb(join(temp.dir, 'plaudit.db'));
  const org = createOrganization(db, systemClock, { name: 'Acme' });
  const { secret } = createApiKey(db, systemClock, {
    organizationId: org.id,
    name: 'assistant',
    mode: 'live',
    scopes: DEFAULT_SCOPES,
  });
  db.close();
  const created = await runCliInProcess(temp.dir, [
    'businesses',
    'create',
    '--org',
    org.id,
    '--name',
    'Stdio Bakery',
  ]);
  expect(created.code, created.stderr).toBe(0);
  const reopened = openDb(join(temp.dir, 'plaudit.db'));
  const business = reopened.prepare('SELECT id FROM businesses').get() as { id: string };
  reopened.close();
  return { dir: temp.dir, secret, business };
}

describe('plaudit mcp (stdio)', () => {
  it('answers tools/list and a tool call for the key given with --key', async () => {
    const { dir, secret, business } = await seeded();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'server/cli.ts', 'mcp', '--key', secret],
      cwd: root,
      env: { ...(process.env as Record<string, string>), PLAUDIT_DATA_DIR: dir, LOG_LEVEL: 'error' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    cleanups.push(() => client.close());
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('draft_reply');
    expect(tools).toHaveLength(16);
    const listed = await client.callTool({ name: 'list_businesses', arguments: {} });
    const text = (listed.content as Array<{ text: string }>)[0].text;
    expect(JSON.parse(text).data.map((b: { id: string }) => b.id)).toEqual([business.id]);
  }, 60_000);

  it('refuses a missing or unknown key with one line', async () => {
    const { dir } = await seeded();
    const missing = await runCliInProcess(dir, ['mcp']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--key or PLAUDIT_API_KEY');
    const unknown = await runCliInProcess(dir, ['mcp', '--key', 'sk_live_notarealkey000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Invalid or revoked API key');
  });
});
