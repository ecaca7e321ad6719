import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/logger';
import { analyticsFunnel } from '../../server/store/analytics';
import { startVisitRetention } from '../../server/visit-retention-job';
import { landingSetup } from './pages/landing-fixtures';

const DAY = 86_400_000;

describe('the visit retention job', () => {
  it('reads PLAUDIT_VISIT_RETENTION_DAYS: 180 by default, at least 30', () => {
    expect(loadConfig({}).visitRetentionDays).toBe(180);
    expect(loadConfig({ PLAUDIT_VISIT_RETENTION_DAYS: '400' }).visitRetentionDays).toBe(400);
    expect(() => loadConfig({ PLAUDIT_VISIT_RETENTION_DAYS: '7' })).toThrow(/PLAUDIT_VISIT_RETENTION_DAYS/);
    expect(() => loadConfig({ PLAUDIT_VISIT_RETENTION_DAYS: 'soon' })).toThrow(
      /PLAUDIT_VISIT_RETENTION_DAYS/,
    );
  });

  it('is run by the server’s job at start and on its timer, with the configured retention', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    await t.post(`/v/${token}/rate`, { rating: '5' });
    t.clock.advance(40 * DAY);
    const job = startVisitRetention(
      { db: t.db, config: { visitRetentionDays: 30 }, logger: silentLogger, clock: t.clock },
      20,
    );
    try {
      await expect.poll(() => t.count('visits')).toBe(0);
      const again = await t.open(`/b/${biz.slug}`, { cookie: '' });
      await t.post(`/v/${again.token}/rate`, { rating: '4' });
      t.clock.advance(31 * DAY);
      await expect.poll(() => t.count('visits')).toBe(0);
    } finally {
      job.stop();
    }
    expect(analyticsFunnel(t.db, { organizationId: t.org.id })).toMatchObject({ opens: 2, rated: 2 });
  });
});
