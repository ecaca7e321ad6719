// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DASHBOARD_FIRST_SCREEN_BUDGET, FIRST_SCREENS, firstScreenSize } from '../../bench/dashboard-size';
import { freshBundle } from '../bundles';

describe('dashboard first-screen budget', () => {
  it('the entry, its static imports, its CSS and the first screen’s chunk fit in 60 KB gzip', {
    timeout: 120_000,
  }, () => {
    freshBundle('dashboard');
    for (const screen of Object.keys(FIRST_SCREENS) as (keyof typeof FIRST_SCREENS)[]) {
      const { files, gzip } = firstScreenSize(screen);
      console.info(`dashboard first screen (${screen}): ${files.length} files, ${gzip} B gzip`);
      // The count is real: the shell's JS and CSS are in it, and the screen's own chunk.
      expect(files.some((f) => f.endsWith('.css'))).toBe(true);
      expect(files.some((f) => f.includes(screen === 'inbox' ? 'InboxPage' : 'LoginPage'))).toBe(true);
      expect(gzip).toBeGreaterThan(5 * 1024);
      expect(gzip).toBeLessThanOrEqual(DASHBOARD_FIRST_SCREEN_BUDGET);
    }
  });
});
