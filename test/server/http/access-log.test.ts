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
    await t.app.request(`/widget/v1/${biz.id}.json?limit=3`, { headers: { 'x-request-id': 'embed-1' } });
    const entries = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    const paths = entries.map((entry) => entry.path);
    expect(paths).toContain('/r/:code');
    expect(paths).toContain('/b/:slug');
    expect(paths).toContain(`/api/v1/businesses/${biz.id}`);
    // The widget data route logs itself (it runs ahead of the app-wide middleware): once, with its id.
    const widget = entries.filter((entry) => entry.requestId === 'embed-1');
    expect(widget).toEqual([
      expect.objectContaining({ path: '/widget/v1/:file{[^/]+\\.json}', status: 200, method: 'GET' }),
    ]);
    expect(lines.join('')).not.toContain('SeCrEtCoDe123');
    expect(lines.join('')).not.toContain('secret-campaign');
  });
});
