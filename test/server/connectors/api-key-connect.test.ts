import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { startYelpStandIn, type YelpStandIn } from './stand-ins/yelp';

let yelp: YelpStandIn;
let env: ConnectorEnv;
beforeEach(async () => {
  yelp = await startYelpStandIn();
  env = connectorEnv({ platforms: { yelp: { baseUrl: yelp.baseUrl } } });
});
afterEach(async () => {
  await env.worker.stop();
  await yelp.close();
});

describe('connecting an API-key platform (POST /connections/{platform})', () => {
  it('takes the owner’s places with the key: the connection lists them, maps one and syncs its reviews', async () => {
    const res = await env.call('POST', '/api/v1/connections/yelp', {
      body: { apiKey: yelp.apiKey, locationIds: 'https://www.yelp.com/biz/harbor-bakery-san-francisco' },
    });
    expect(res.status).toBe(201);
    const locations = await env.call('GET', `/api/v1/connections/${res.json.id}/locations`);
    expect(locations.json.data.map((l: { name: string }) => l.name)).toEqual(['Harbor Bakery']);
    const mapped = await env.mapLocation(res.json.id, locations.json.data[0].externalId);
    await env.drain();
    expect(env.reviewsOf(mapped.businessId)).toHaveLength(3);
  });

  it('a Yelp search names its place, and the key is never in the answer', async () => {
    const res = await env.call('POST', '/api/v1/connections/yelp', {
      body: { apiKey: yelp.apiKey, searchQuery: 'harbor', searchLocation: 'San Francisco' },
    });
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(yelp.apiKey);
    const locations = await env.call('GET', `/api/v1/connections/${res.json.id}/locations`);
    expect(locations.json.data.map((l: { name: string }) => l.name)).toEqual(['Harbor Bakery']);
  });

  it('an unknown field is still a 400 naming it, and nothing is connected', async () => {
    const res = await env.call('POST', '/api/v1/connections/yelp', {
      body: { apiKey: yelp.apiKey, places: 'harbor-bakery-san-francisco' },
    });
    expect(res.status).toBe(400);
    expect(res.json.details).toHaveProperty('places');
    expect((await env.call('GET', '/api/v1/connections')).json.data).toEqual([]);
  });
});
