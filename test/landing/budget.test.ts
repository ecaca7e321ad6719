// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { landingSetup, PLATFORMS } from '../server/pages/landing-fixtures';

const BUDGET = 14 * 1024;
const BUNDLE = 'dist/landing.js';

describe('first-view budget', () => {
  it('HTML + inlined CSS + island JS of a request link fit in 14 KB gzip (one round trip)', async () => {
    if (!existsSync(BUNDLE)) execFileSync('npx', ['vite', 'build', '--mode', 'landing'], { stdio: 'ignore' });
    const t = landingSetup({ assetPath: resolve(BUNDLE) });
    const biz = await t.createBusiness({
      name: 'Joe’s Coffee & Bakery on Main Street',
      platforms: PLATFORMS,
      logoUrl: 'https://example.com/logo.png',
    });
    const rr = t.createRequest(biz.id, 'sent', 'Jessica Jones');
    const page = await t.get(`/r/${rr.code}`);
    const script = page.html.match(/<script[^>]+src="([^"]+)"/)?.[1];
    expect(script).toMatch(/^\/assets\/landing\.js\?v=/);
    const html = gzipSync(page.html, { level: 9 }).length;
    const js = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
    console.info(`first view: HTML+CSS ${html} B + JS ${js} B = ${html + js} B gzip (budget ${BUDGET})`);
    expect(html + js).toBeLessThanOrEqual(BUDGET);
  });
});
