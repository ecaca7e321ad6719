import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { freshBundle } from '../bundles';

const BUDGET = 10 * 1024;

it('keeps dist/widget.js (rebuilt when older than widget/) within 10 KB gzip', { timeout: 120_000 }, () => {
  const raw = freshBundle('widget');
  const gzip = gzipSync(raw, { level: 9 }).length;
  console.log(`widget.js: ${raw.length} bytes raw, ${gzip} bytes gzip (budget ${BUDGET})`);
  expect(gzip).toBeLessThanOrEqual(BUDGET);
});
