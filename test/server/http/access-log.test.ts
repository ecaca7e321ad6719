import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger';
import { setup } from '../helpers';

describe('access log', () => {
  it('logs public links by their route pattern, never their codes, and API paths as they are', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = setup({ logger: createLogger('info', sink) });
    const biz = await t.createBusiness();
    await t.app.request('/r/SeCrEtCoDe123');
    await t.app.request(`/b/${biz.slug}?utm=secret-campaign`);
    await t.call('GET', `/api/v1/businesses/${biz.id}`);
    const entries = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    const paths = entries.map((entry) => entry.path);
    expect(paths).toContain('/r/:code');
    expect(paths).toContain(`/api/v1/businesses/${biz.id}`);
    expect(lines.join('')).not.toContain('SeCrEtCoDe123');
    expect(lines.join('')).not.toContain('secret-campaign');
  });
});
