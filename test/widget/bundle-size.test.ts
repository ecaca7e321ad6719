import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const BUDGET = 10 * 1024;
// Paths from the project root: vitest runs there, and this file runs under happy-dom (no file: import.meta.url).
const bundle = resolve(process.cwd(), 'dist/widget.js');

it('keeps dist/widget.js within 10 KB gzip', { timeout: 120_000 }, () => {
  if (!existsSync(bundle)) {
    execFileSync('npx', ['vite', 'build', '--mode', 'widget'], { cwd: process.cwd(), stdio: 'ignore' });
  }
  const raw = readFileSync(bundle);
  const gzip = gzipSync(raw, { level: 9 }).length;
  console.log(`widget.js: ${raw.length} bytes raw, ${gzip} bytes gzip (budget ${BUDGET})`);
  expect(gzip).toBeLessThanOrEqual(BUDGET);
});
