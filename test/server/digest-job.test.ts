import { describe, expect, it } from 'vitest';
import { startDigests } from '../../server/digest-job';
import { silentLogger } from '../../server/logger';
import { upsertMembership } from '../../server/store/memberships';
import { savePreferences } from '../../server/store/notification-preferences';
import { createUser } from '../../server/store/users';
import { setup, testClock } from './helpers';

describe('the daily digest job', () => {
  it('queues a due digest at start and on its timer, once per local day', async () => {
    const clock = testClock('2026-06-15T09:30:00.000Z');
    const t = setup({ clock });
    const user = createUser(t.db, clock, { email: 'owner@example.com', name: 'Owner', passwordHash: 'x' });
    upsertMembership(t.db, clock, user.id, t.org.id, 'owner');
    savePreferences(t.db, clock, user.id, t.org.id, {
      feedback: true,
      lowRating: 2,
      digestHour: 9,
      timeZone: 'UTC',
    });
    const digests = () =>
      (t.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'account_email'`).get() as { n: number })
        .n;
    const job = startDigests(
      { db: t.db, config: { publicUrl: 'http://plaudit.test' }, logger: silentLogger, clock },
      20,
    );
    try {
      await expect.poll(digests).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // several more runs the same day
      expect(digests()).toBe(1);
      clock.advance(86_400_000);
      await expect.poll(digests).toBe(2);
    } finally {
      job.stop();
    }
  });
});
