import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../../server/domain/scopes';
import { setup } from '../../helpers';
import { routeWalk, writableRows } from '../route-walk';
import { BASE, cloutlySetup } from './cloutly-setup';

const expectCloutlyError = (res: { status: number; json: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
  });
};

describe('Cloutly compat: bad input answers Cloutly’s status codes and changes nothing', () => {
  it('401 without x-api-key, with a wrong key, or with the key only as a Bearer token', async () => {
    const t = await cloutlySetup();
    expectCloutlyError(await t.cloutly('GET', '/businesses', { key: null }), 401);
    expectCloutlyError(await t.cloutly('GET', '/reviews', { key: 'sk_live_wrongwrongwrong' }), 401);
    expectCloutlyError(await t.cloutly('GET', '/reviews', { key: 'not-a-key' }), 401);
    const bearer = await t.call('GET', '/compat/cloutly/api/v1/businesses');
    expectCloutlyError(bearer, 401);
    const scoped = t.keyWithScopes(['reviews:read']);
    expectCloutlyError(await t.cloutly('GET', '/businesses', { key: scoped }), 403);
    expectCloutlyError(await t.cloutly('GET', '/nothing-here'), 404);
  });

  it('GET /businesses and GET /reviews refuse parameters they do not document, and bad values', async () => {
    const t = await cloutlySetup();
    const bad: Array<[string, string]> = [
      ['/businesses?page=2', 'page'],
      ['/reviews?page=2', 'page'],
      ['/reviews?limit=0', 'limit'],
      ['/reviews?limit=101', 'limit'],
      ['/reviews?limit=ten', 'limit'],
      ['/reviews?offset=-1', 'offset'],
      ['/reviews?sort=newest', 'sort'],
      ['/reviews?showOnWidget=yes', 'showOnWidget'],
      ['/reviews?source=myspace', 'source'],
    ];
    for (const [path, field] of bad) {
      const res = await t.cloutly('GET', path);
      expectCloutlyError(res, 400);
      expect(Object.keys(res.json.details ?? {}).join()).toContain(field);
    }
    expectCloutlyError(await t.cloutly('GET', '/reviews?businessId=biz_missing'), 404);
  });

  it('POST /send-review-invite: 400 naming Cloutly’s fields, 404 for unknown ids, nothing written', async () => {
    const t = await cloutlySetup();
    const good = {
      firstName: 'John',
      channel: { email: 'john@example.com' },
      businessId: t.business.id,
      campaignId: t.campaign.id,
    };
    const counts = async () => ({
      customers: (await t.call('GET', '/api/v1/customers')).json.pagination.total,
      requests: (await t.call('GET', '/api/v1/review-requests')).json.pagination.total,
    });
    const before = await counts();
    const bad: Array<[unknown, string]> = [
      [{ ...good, firstName: undefined }, 'firstName'],
      [{ ...good, channel: {} }, 'channel.email'],
      [{ ...good, channel: { email: 'nope' } }, 'channel.email'],
      [{ ...good, channel: { phoneNumber: '12' } }, 'channel.phoneNumber'],
      [{ ...good, channel: { phoneNumber: '+1 999 000 0000' } }, 'channel.phoneNumber'],
      [{ ...good, inviteDelayDays: 2 }, 'inviteDelayDays'],
      [{ ...good, businessId: undefined }, 'businessId'],
      [{ ...good, campaignId: undefined }, 'campaignId'],
      [{ ...good, tags: ['x'] }, 'tags'],
    ];
    for (const [body, field] of bad) {
      const res = await t.cloutly('POST', '/send-review-invite', { body });
      expectCloutlyError(res, 400);
      expect(Object.keys(res.json.details ?? {}).join()).toContain(field);
    }
    expectCloutlyError(await t.cloutly('POST', '/send-review-invite', { body: '{"firstName":' }), 400);
    expectCloutlyError(
      await t.cloutly('POST', '/send-review-invite', { body: { ...good, businessId: 'biz_missing' } }),
      404,
    );
    expectCloutlyError(
      await t.cloutly('POST', '/send-review-invite', { body: { ...good, campaignId: 'camp_missing' } }),
      404,
    );
    const readOnly = t.keyWithScopes(DEFAULT_SCOPES.filter((s) => s !== 'requests:write'));
    expectCloutlyError(await t.cloutly('POST', '/send-review-invite', { key: readOnly, body: good }), 403);
    expect(await counts()).toEqual(before);
  });

  it('answers a second invite inside the dedup window 409, and an invite past the allowance 429', async () => {
    const t = await cloutlySetup();
    const invite = (email: string) => ({
      firstName: 'John',
      channel: { email },
      businessId: t.business.id,
      campaignId: t.campaign.id,
    });
    expect((await t.cloutly('POST', '/send-review-invite', { body: invite('a@example.com') })).status).toBe(
      200,
    );
    const again = await t.cloutly('POST', '/send-review-invite', { body: invite('a@example.com') });
    expectCloutlyError(again, 409);
    expect(again.json.message).toContain('dedupDays');

    await t.call('PUT', `/api/v1/organizations/${t.org.id}/limits`, {
      key: t.admin,
      body: { smsPerMonth: null, emailPerMonth: 1 },
    });
    const messages = (await t.call('GET', '/api/v1/messages')).json.pagination.total;
    const over = await t.cloutly('POST', '/send-review-invite', { body: invite('b@example.com') });
    expectCloutlyError(over, 429);
    expect(over.json.message).toContain('allowance');
    expect(over.headers.get('retry-after')).toBeTruthy();
    expect((await t.call('GET', '/api/v1/messages')).json.pagination.total).toBe(messages);
  });

  it('every route: bad input answers 400 in Cloutly’s shape naming the field, and writes nothing', async () => {
    const t = await cloutlySetup();
    await t.addReview({ source: 'google', externalId: 'g-1' });
    const walk = routeWalk(t.app, BASE);
    const before = writableRows(t.db);
    const invite = { firstName: 'John', businessId: t.business.id, campaignId: t.campaign.id };
    const bad: Array<[string, string, unknown, string]> = [
      ['GET', '/businesses?sources=google', undefined, 'sources'],
      ['GET', '/reviews?offset=one', undefined, 'offset'],
      ['POST', '/send-review-invite', { ...invite, channel: { email: 'nope' } }, 'channel.email'],
    ];
    for (const [method, path, body, field] of bad) {
      walk.record(method, path);
      const res = await t.cloutly(method, path, { body });
      expectCloutlyError(res, 400);
      expect(Object.keys(res.json.details ?? {}), `${method} ${path}`).toContain(field);
    }
    expect(writableRows(t.db)).toBe(before);
    // Walked from the app: a route added to the router must join this table.
    walk.expectAllHit();
  });

  it('allows 200 requests a minute per key, then 429 with Retry-After until the minute is over', async () => {
    const t = setup({ config: undefined });
    const call = (key = t.orgKey) =>
      t.call('GET', '/compat/cloutly/api/v1/businesses', { key: null, headers: { 'x-api-key': key } });
    for (let i = 0; i < 200; i += 1) expect((await call()).status).toBe(200);
    const limited = await call();
    expectCloutlyError(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call(t.keyWithScopes(['businesses:read']))).status).toBe(200);
    t.clock.advance(60_000);
    expect((await call()).status).toBe(200);
  });
});
