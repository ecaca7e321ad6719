import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queueDueDigests } from '../../../server/delivery/digests';
import { openDb } from '../../../server/store/db';
import { upsertMembership } from '../../../server/store/memberships';
import { claimDigestDay, savePreferences } from '../../../server/store/notification-preferences';
import { insertReview } from '../../../server/store/reviews';
import { createUser } from '../../../server/store/users';
import { setup, testClock } from '../helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PUBLIC_URL = 'http://plaudit.test';

async function digestSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-digest-'));
  dirs.push(dir);
  const file = join(dir, 'plaudit.db');
  const clock = testClock('2026-06-15T11:00:00.000Z');
  const t = setup({ db: openDb(file), clock });
  const biz = await t.createBusiness({ timezone: 'America/New_York' });
  const user = createUser(t.db, clock, { email: 'owner@example.com', name: 'Owner', passwordHash: 'x' });
  upsertMembership(t.db, clock, user.id, t.org.id, 'owner');
  savePreferences(t.db, clock, user.id, t.org.id, {
    feedback: true,
    lowRating: 2,
    digestHour: 8,
    timeZone: 'America/New_York',
  });
  const review = (publishedAt: string, rating: number, extra: { reply?: string; hidden?: boolean } = {}) =>
    insertReview(t.db, clock, t.org.id, {
      businessId: biz.id,
      source: 'google',
      rating,
      authorName: 'Sam',
      publishedAt,
      ...extra,
    });
  const feedback = (createdAt: string, status: 'new' | 'resolved') =>
    t.db
      .prepare(
        `INSERT INTO feedback (id, organization_id, business_id, origin, type, score, comments, status, created_at, updated_at)
         VALUES (?, ?, ?, 'business_link', 'star', 2, 'meh', ?, ?, ?)`,
      )
      .run(`fb_${createdAt}`, t.org.id, biz.id, status, createdAt, createdAt);
  const digests = (db = t.db) =>
    db.prepare(`SELECT to_address AS "to", subject, text_body AS text FROM account_emails`).all() as Array<{
      to: string;
      subject: string;
      text: string;
    }>;
  return { ...t, file, clock, user, review, feedback, digests };
}

describe('daily digest', () => {
  it('queues once per local day at the chosen hour, across a restart, with the right figures', async () => {
    const t = await digestSetup();
    // Yesterday in New York (2026-06-14, UTC−4) runs from 04:00Z on the 14th to 04:00Z on the 15th.
    t.review('2026-06-14T05:00:00.000Z', 2);
    t.review('2026-06-15T03:00:00.000Z', 5, { reply: 'Thanks!' });
    t.review('2026-06-14T03:00:00.000Z', 1);
    t.review('2026-06-13T12:00:00.000Z', 1, { hidden: true });
    t.feedback('2026-06-14T12:00:00.000Z', 'new');
    t.feedback('2026-06-13T12:00:00.000Z', 'resolved');

    const deps = { db: t.db, clock: t.clock, publicUrl: PUBLIC_URL };
    expect(queueDueDigests(deps)).toBe(0); // 07:00 in New York: not yet
    t.clock.set('2026-06-15T12:05:00.000Z'); // 08:05
    expect(queueDueDigests(deps)).toBe(1);
    expect(queueDueDigests(deps)).toBe(0);
    // A second process that read the member before the claim still cannot take the same day.
    expect(claimDigestDay(t.db, t.user.id, t.org.id, '2026-06-15')).toBe(false);
    expect(claimDigestDay(t.db, t.user.id, t.org.id, '2026-06-16')).toBe(true);
    t.db.prepare(`UPDATE notification_preferences SET digest_last_day = '2026-06-15'`).run();

    const [digest] = t.digests();
    expect(digest.to).toBe('owner@example.com');
    expect(digest.subject).toBe('Your Plaudit digest for Acme: 2026-06-14');
    expect(digest.text).toContain('New reviews: 2');
    expect(digest.text).toContain('Their average rating: 3.5★');
    expect(digest.text).toContain('Reviews without a reply: 2');
    expect(digest.text).toContain('New private feedback: 1');
    expect(digest.text).toContain('Open private feedback: 1');
    expect(digest.text).toContain(`${PUBLIC_URL}/dashboard`);
    expect(digest.text).toMatch(/Unsubscribe from the daily digest: http:\/\/plaudit\.test\/u\/a\//);
    expect(t.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'account_email'`).get()).toEqual({
      n: 1,
    });

    // A restart later the same local day sends nothing more.
    t.db.close();
    const reopened = openDb(t.file);
    t.clock.set('2026-06-15T20:00:00.000Z');
    expect(queueDueDigests({ db: reopened, clock: t.clock, publicUrl: PUBLIC_URL })).toBe(0);
    // The next local day it goes out again, once.
    t.clock.set('2026-06-16T12:01:00.000Z');
    expect(queueDueDigests({ db: reopened, clock: t.clock, publicUrl: PUBLIC_URL })).toBe(1);
    expect(queueDueDigests({ db: reopened, clock: t.clock, publicUrl: PUBLIC_URL })).toBe(0);
    expect(t.digests(reopened).map((d) => d.subject)).toEqual([
      'Your Plaudit digest for Acme: 2026-06-14',
      'Your Plaudit digest for Acme: 2026-06-15',
    ]);
    reopened.close();
  });

  it('sends nothing to a member whose digest is off (the default)', async () => {
    const t = await digestSetup();
    savePreferences(t.db, t.clock, t.user.id, t.org.id, {
      feedback: true,
      lowRating: 2,
      digestHour: null,
      timeZone: 'UTC',
    });
    t.clock.set('2026-06-15T23:00:00.000Z');
    expect(queueDueDigests({ db: t.db, clock: t.clock, publicUrl: PUBLIC_URL })).toBe(0);
    t.db.close();
  });
});
