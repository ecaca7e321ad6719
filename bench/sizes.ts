import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DASHBOARD_FIRST_SCREEN_BUDGET, FIRST_SCREENS, firstScreenSize } from './dashboard-size';

/** Budgets in bytes, gzip: the widget script (DESIGN §6) and the landing island script (part of the 14 KB first view). */
export const BUDGETS = { 'dist/widget.js': 10 * 1024, 'dist/landing.js': 14 * 1024 } as const;

/** Raw and gzip sizes of the built bundles, and of each dashboard first screen (JS + CSS). Run `npm run build` first. */
export function bundleSizes() {
  const files = Object.entries(BUDGETS).map(([file, budget]) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, budget };
  });
  const screens = (Object.keys(FIRST_SCREENS) as (keyof typeof FIRST_SCREENS)[]).map((screen) => {
    const { raw, gzip } = firstScreenSize(screen);
    return {
      file: `dist/dashboard (first screen: ${screen})`,
      raw,
      gzip,
      budget: DASHBOARD_FIRST_SCREEN_BUDGET,
    };
  });
  return [...files, ...screens];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const { file, raw, gzip, budget } of bundleSizes()) {
    const ok = gzip <= budget;
    over ||= !ok;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${file}: ${raw} B raw, ${gzip} B gzip (budget ${budget} B gzip)`);
  }
  if (over && process.argv.includes('--check')) process.exit(1);
}
