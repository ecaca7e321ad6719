import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import { insertFeedbackRow, insertReviewRow } from '../rows';
import { accountsSetup } from './accounts-fixtures';

/** Counts every statement run on `db` from now on (statements prepared later are wrapped as they are made). */
function countStatements(db: Db) {
  let runs = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          runs += 1;
          return original(...args);
        },
      });
    }
    return statement;
  }) as Db['prepare'];
  return () => runs;
}

async function seeded(organizations: number) {
  const t = accountsSetup();
  const count = countStatements(t.db);
  const joes = await t.createBusiness();
  const annex = await t.createBusiness({ name: 'Annex' });
  const other = t.otherOrg();
  const elsewhere = (
    await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Elsewhere' } })
  ).json;
  const review = (
    organizationId: string,
    businessId: string,
    rating: number,
    publishedAt: string,
    hidden = false,
  ) => insertReviewRow(t.db, { organizationId, businessId, rating, publishedAt, hidden });
  // "Now" is 2026-06-15: June is this month.
  review(t.org.id, joes.id, 5, '2026-06-01T00:00:00.000Z');
  review(t.org.id, annex.id, 4, '2026-06-14T10:00:00.000Z');
  review(t.org.id, joes.id, 2, '2026-05-31T23:59:59.999Z');
  review(t.org.id, joes.id, 1, '2026-06-10T10:00:00.000Z', true);
  review(other.id, elsewhere.id, 3, '2026-06-02T10:00:00.000Z');
  insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: joes.id });
  insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: annex.id });
  insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: annex.id, status: 'resolved' });
  insertFeedbackRow(t.db, { organizationId: other.id, businessId: elsewhere.id });
  for (let i = 2; i < organizations; i += 1)
    createOrganization(t.db, t.clock, { name: `Client ${String(i).padStart(2, '0')}` });
  return { t, count, joes, annex, other, elsewhere };
}

describe('GET /organizations/overview', () => {
  it('lists every organization with its businesses and figures', async () => {
    const { t, joes, annex, other, elsewhere } = await seeded(2);
    const res = await t.call('GET', '/api/v1/organizations/overview', { key: t.admin });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      {
        id: t.org.id,
        name: 'Acme',
        businesses: [
          { id: annex.id, name: 'Annex' },
          { id: joes.id, name: 'Joe’s Coffee' },
        ],
        reviewsThisMonth: 2,
        averageRating: 3.67,
        openFeedback: 2,
      },
      {
        id: other.id,
        name: 'Other',
        businesses: [{ id: elsewhere.id, name: 'Elsewhere' }],
        reviewsThisMonth: 1,
        averageRating: 3,
        openFeedback: 1,
      },
    ]);
  });

  it('costs the same number of queries for 40 organizations as for 2 (no query per organization)', async () => {
    const small = await seeded(2);
    await small.t.call('GET', '/api/v1/organizations/overview', { key: small.t.admin });
    const beforeSmall = small.count();
    await small.t.call('GET', '/api/v1/organizations/overview', { key: small.t.admin });
    const smallRuns = small.count() - beforeSmall;

    const big = await seeded(40);
    await big.t.call('GET', '/api/v1/organizations/overview', { key: big.t.admin });
    const beforeBig = big.count();
    const res = await big.t.call('GET', '/api/v1/organizations/overview', { key: big.t.admin });
    const bigRuns = big.count() - beforeBig;

    expect(res.json.data).toHaveLength(40);
    expect(res.json.data.filter((o: { name: string }) => o.name.startsWith('Client'))).toHaveLength(38);
    expect(bigRuns).toBe(smallRuns);
    expect(smallRuns).toBeGreaterThanOrEqual(5);
    expect(smallRuns).toBeLessThan(15);
  });

  it('answers the instance admin’s session, and refuses organization keys and other people', async () => {
    const { t } = await seeded(2);
    await t.addUser('admin@example.com', null, t.org.id, { instanceAdmin: true });
    await t.addUser('owner@example.com', 'owner');
    const admin = await t.login('admin@example.com');
    const owner = await t.login('owner@example.com');
    expect((await t.asUser(admin.cookie, 'GET', '/api/v1/organizations/overview')).json.data).toHaveLength(2);

    const refused = await t.asUser(owner.cookie, 'GET', '/api/v1/organizations/overview');
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('FORBIDDEN');
    expect((await t.call('GET', '/api/v1/organizations/overview')).status).toBe(403);
    expect((await t.call('GET', '/api/v1/organizations/overview', { key: null })).status).toBe(401);
  });

  it('leaves /organizations/{id} to its own route', async () => {
    const { t } = await seeded(2);
    const res = await t.call('GET', `/api/v1/organizations/${t.org.id}`, { key: t.admin });
    expect(res.json.name).toBe('Acme');
  });
});
