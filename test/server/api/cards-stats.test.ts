import { describe, expect, it } from 'vitest';
import { pruneOldVisits } from '../../../server/store/visit-retention';
import { landingSetup, PHONE_UA, PLATFORMS } from '../pages/landing-fixtures';

type Setup = ReturnType<typeof landingSetup>;

/** One person on their own phone taps a card, rates, and maybe goes on to a platform. */
async function tapAndRate(t: Setup, n: number, code: string, rating: number, click: boolean) {
  const headers = { 'user-agent': PHONE_UA, 'x-forwarded-for': `203.0.113.${n}` };
  const page = await t.open(`/t/${code}`, headers);
  await t.post(`/v/${page.token}/rate`, { rating: String(rating) }, headers);
  if (click) await t.get(`/go/${page.token}/google`, headers);
}

async function threeCards(t: Setup) {
  const biz = await t.createBusiness({ platforms: PLATFORMS });
  const make = async (staffMember?: string) =>
    (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, staffMember } })).json.data[0] as {
      id: string;
      code: string;
    };
  return { biz, ana: await make('Ana'), ana2: await make('Ana'), nobody: await make() };
}

describe('GET /cards/stats', () => {
  it('answers taps, ratings and completions per card and per staff member, old visits rolled up included', async () => {
    const t = landingSetup();
    const { biz, ana, ana2, nobody } = await threeCards(t);
    await tapAndRate(t, 1, ana.code, 5, true);
    await tapAndRate(t, 2, ana2.code, 4, false);
    // Visits older than the retention window become daily rows: they must still count.
    t.clock.advance(400 * 86_400_000);
    pruneOldVisits(t.db, t.clock, 180);
    await tapAndRate(t, 3, ana.code, 2, false);
    await tapAndRate(t, 4, nobody.code, 5, true);

    const perCard = await t.call('GET', `/api/v1/cards/stats?businessId=${biz.id}`);
    expect(perCard.status).toBe(200);
    expect(perCard.json.groupBy).toBe('card');
    const byId = Object.fromEntries(perCard.json.data.map((row: { cardId: string }) => [row.cardId, row]));
    expect(byId[ana.id]).toMatchObject({ staffMember: 'Ana', taps: 2, ratings: 2, completions: 1, cards: 1 });
    expect(byId[ana2.id]).toMatchObject({ taps: 1, ratings: 1, completions: 0 });
    expect(byId[nobody.id]).toMatchObject({ staffMember: null, taps: 1, ratings: 1, completions: 1 });

    const perStaff = await t.call('GET', '/api/v1/cards/stats?groupBy=staff');
    expect(perStaff.json.data).toEqual([
      expect.objectContaining({ staffMember: 'Ana', cards: 2, taps: 3, ratings: 3, completions: 1 }),
      expect.objectContaining({ staffMember: null, cards: 1, taps: 1, ratings: 1, completions: 1 }),
    ]);
  });

  it('follows a card reassigned to another staff member and refuses a bad groupBy', async () => {
    const t = landingSetup();
    const { ana } = await threeCards(t);
    await tapAndRate(t, 1, ana.code, 5, false);
    await t.call('PATCH', `/api/v1/cards/${ana.id}`, { body: { staffMember: 'Bo' } });
    const perStaff = await t.call('GET', '/api/v1/cards/stats?groupBy=staff');
    expect(perStaff.json.data[0]).toMatchObject({ staffMember: 'Bo', taps: 1, ratings: 1 });
    const bad = await t.call('GET', '/api/v1/cards/stats?groupBy=table');
    expect(bad.status).toBe(400);
    expect(bad.json.details.groupBy).toBeDefined();
  });

  it('shows another organization nothing: 404 for its business, empty lists, 403 without cards:read', async () => {
    const t = landingSetup();
    const { biz, ana } = await threeCards(t);
    await tapAndRate(t, 1, ana.code, 5, false);
    const other = t.otherOrg();
    expect((await t.call('GET', `/api/v1/cards/stats?businessId=${biz.id}`, { key: other.key })).status).toBe(
      404,
    );
    expect((await t.call('GET', '/api/v1/cards/stats', { key: other.key })).json.data).toEqual([]);
    expect((await t.call('GET', '/api/v1/cards/stats?groupBy=staff', { key: other.key })).json.data).toEqual(
      [],
    );
    const noScope = t.keyWithScopes(['reviews:read']);
    expect((await t.call('GET', '/api/v1/cards/stats', { key: noScope })).status).toBe(403);
  });
});

describe('GET /cards order', () => {
  it('lists a batch in its numbering order, not by random id', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, count: 12, labelPrefix: 'Table' } });
    const labels = Array.from({ length: 12 }, (_, i) => `Table ${i + 1}`);
    const list = await t.call('GET', '/api/v1/cards?perPage=100');
    expect(list.json.data.map((c: { label: string }) => c.label)).toEqual(labels);
    const stats = await t.call('GET', '/api/v1/cards/stats');
    expect(stats.json.data.map((c: { label: string }) => c.label)).toEqual(labels);
  });
});
