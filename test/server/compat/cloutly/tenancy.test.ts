import { describe, expect, it } from 'vitest';
import { routeWalk } from '../route-walk';
import { BASE, cloutlySetup } from './cloutly-setup';

describe('Cloutly compat tenancy: a key of organization B reaches nothing of A', () => {
  it('on every route', async () => {
    const t = await cloutlySetup();
    await t.addReview({ source: 'google', externalId: 'g-1' });
    const other = t.otherOrg();
    const asOther = { key: other.key };
    const walk = routeWalk(t.app, BASE);
    const cloutly = t.cloutly;
    t.cloutly = (method, path, request) => {
      walk.record(method, path);
      return cloutly(method, path, request);
    };

    const businesses = await t.cloutly('GET', '/businesses', asOther);
    expect(businesses.status).toBe(200);
    expect(businesses.json).toEqual([]);

    const reviews = await t.cloutly('GET', '/reviews', asOther);
    expect(reviews.json).toEqual({ total: 0, reviews: [] });
    const theirBusiness = await t.cloutly('GET', `/reviews?businessId=${t.business.id}`, asOther);
    expect(theirBusiness.status).toBe(404);
    expect(theirBusiness.json).toMatchObject({ statusCode: 404, error: 'Not Found' });

    const before = (await t.call('GET', '/api/v1/customers')).json.pagination.total;
    const invite = {
      firstName: 'Eve',
      channel: { email: 'eve@example.com' },
      businessId: t.business.id,
      campaignId: t.campaign.id,
    };
    const intoTheirs = await t.cloutly('POST', '/send-review-invite', { ...asOther, body: invite });
    expect(intoTheirs.status).toBe(404);
    expect(intoTheirs.json.message).toBe('Campaign not found');

    const ownBusiness = await t.call('POST', '/api/v1/businesses', {
      key: other.key,
      body: { name: 'B shop' },
    });
    const theirCampaign = await t.cloutly('POST', '/send-review-invite', {
      ...asOther,
      body: { ...invite, businessId: ownBusiness.json.id },
    });
    expect(theirCampaign.status).toBe(404);
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(before);
    expect((await t.call('GET', '/api/v1/customers', { key: other.key })).json.pagination.total).toBe(0);

    // The admin key acts inside one organization only when it names it, as on /api/v1.
    const admin = await t.cloutly('GET', '/businesses', {
      key: t.admin,
      headers: { 'plaudit-organization': other.id },
    });
    expect(admin.json).toEqual([expect.objectContaining({ id: ownBusiness.json.id })]);
    // Every route of the router was reached above (walked from the app: a new route must join this test).
    walk.expectAllHit();
  });
});
