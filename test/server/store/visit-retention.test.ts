import { describe, expect, it } from 'vitest';
import { analyticsFunnel } from '../../../server/store/analytics';
import { cardStats } from '../../../server/store/cards';
import { pruneOldVisits } from '../../../server/store/visit-retention';
import { landingSetup, PLATFORMS } from '../pages/landing-fixtures';

const DAY = 86_400_000;

/** Rows as a Plaudit before signed tokens left them: one visit per view, with `opened` and `card_tapped`. */
function legacyVisit(
  t: ReturnType<typeof landingSetup>,
  ids: { businessId: string; cardId: string | null; n: number },
  steps: Array<{ type: string; rating?: number; platform?: string }>,
) {
  const at = t.clock().toISOString();
  const id = `visit_legacy${ids.n}`;
  t.db
    .prepare(
      `INSERT INTO visits (id, organization_id, business_id, origin, card_id, lang, rating, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?)`,
    )
    .run(
      id,
      t.org.id,
      ids.businessId,
      ids.cardId ? 'card' : 'business_link',
      ids.cardId,
      steps.find((s) => s.rating)?.rating ?? null,
      at,
      at,
    );
  const insert = t.db.prepare(
    `INSERT INTO events (id, organization_id, business_id, type, visit_id, card_id, rating, platform, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [i, step] of [{ type: 'opened' }, ...steps].entries())
    insert.run(
      `evt_legacy${ids.n}_${i}`,
      t.org.id,
      ids.businessId,
      step.type,
      id,
      ids.cardId,
      step.rating ?? null,
      step.platform ?? null,
      at,
    );
}

describe('visit retention', () => {
  it('rolls visits older than the retention into daily figures and deletes them, keeping every figure', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    const tap = { type: 'card_tapped' };
    // Day 0: legacy rows (a looker, a happy card visitor who clicked twice, an unhappy one).
    legacyVisit(t, { businessId: biz.id, cardId: null, n: 1 }, []);
    legacyVisit(t, { businessId: biz.id, cardId: card.id, n: 2 }, [
      tap,
      { type: 'rated', rating: 5 },
      { type: 'platform_clicked', platform: 'google', rating: 5 },
      { type: 'platform_clicked', platform: 'yelp', rating: 5 },
    ]);
    legacyVisit(t, { businessId: biz.id, cardId: card.id, n: 3 }, [
      tap,
      { type: 'rated', rating: 2 },
      { type: 'feedback_submitted', rating: 2 },
    ]);
    // Day 100: a visitor of today's kind (token, first rating writes the visit).
    t.clock.advance(100 * DAY);
    const { token } = await t.open(`/t/${card.code}`);
    await t.post(`/v/${token}/rate`, { rating: '4' });

    const scope = { organizationId: t.org.id };
    const funnel = analyticsFunnel(t.db, scope);
    const stats = cardStats(t.db, t.org.id, card.id);
    expect(funnel).toMatchObject({ opens: 4, taps: 3, rated: 3, platformClicked: 1, completed: 2 });
    expect(stats).toEqual({ ratings: 3, averageRating: 3.67, completions: 2 });

    // Day 150 with 180 days kept: nothing is old enough.
    t.clock.advance(50 * DAY);
    expect(pruneOldVisits(t.db, t.clock, 180)).toEqual({ visits: 0, events: 0 });

    // Day 181: the legacy visits go (3 visits, 10 events), today's kind stays.
    t.clock.advance(31 * DAY);
    expect(pruneOldVisits(t.db, t.clock, 180)).toEqual({ visits: 3, events: 10 });
    expect(t.db.prepare('SELECT id FROM visits').pluck().all()).toEqual([token]);
    expect(analyticsFunnel(t.db, scope)).toEqual(funnel);
    expect(cardStats(t.db, t.org.id, card.id)).toEqual(stats);
    // Running again changes nothing: nothing is counted twice.
    expect(pruneOldVisits(t.db, t.clock, 180)).toEqual({ visits: 0, events: 0 });
    expect(analyticsFunnel(t.db, scope)).toEqual(funnel);

    // Day 281: the rest goes too; the day's figures hold everything.
    t.clock.advance(100 * DAY);
    expect(pruneOldVisits(t.db, t.clock, 180)).toEqual({ visits: 1, events: 1 });
    expect(t.count('visits') + t.count('events')).toBe(0);
    expect(analyticsFunnel(t.db, scope)).toEqual(funnel);
    expect(cardStats(t.db, t.org.id, card.id)).toEqual(stats);
    const days = t.db.prepare('SELECT count(*) FROM visit_daily').pluck().get();
    expect(days).toBe(3);
  });

  it('keeps a request’s steps, which its campaign funnel and the customer’s export read', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    await t.post(`/v/${token}/rate`, { rating: '5' });
    await t.get(`/go/${token}/google`);
    t.clock.advance(181 * DAY);
    expect(pruneOldVisits(t.db, t.clock, 180)).toEqual({ visits: 1, events: 0 });
    expect(t.events().map((e) => e.type)).toEqual(['opened', 'rated', 'platform_clicked']);
    expect(analyticsFunnel(t.db, { organizationId: t.org.id })).toMatchObject({
      opens: 1,
      rated: 1,
      platformClicked: 1,
    });
  });
});
