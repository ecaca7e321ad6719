import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('organization pause and resume (admin key)', () => {
  it('sets and clears pausedAt; pausing twice keeps the first time', async () => {
    const t = setup();
    const admin = { key: t.admin };
    const fresh = await t.call('GET', `/api/v1/organizations/${t.org.id}`, admin);
    expect(fresh.json.pausedAt).toBeNull();
    const paused = await t.call('POST', `/api/v1/organizations/${t.org.id}/pause`, admin);
    expect(paused.status).toBe(200);
    expect(paused.json.pausedAt).toBe(t.clock().toISOString());
    t.clock.advance(60_000);
    const again = await t.call('POST', `/api/v1/organizations/${t.org.id}/pause`, admin);
    expect(again.json.pausedAt).toBe(paused.json.pausedAt);
    const resumed = await t.call('POST', `/api/v1/organizations/${t.org.id}/resume`, admin);
    expect(resumed.status).toBe(200);
    expect(resumed.json.pausedAt).toBeNull();
  });

  it('is the admin key’s alone; an unknown organization is a 404', async () => {
    const t = setup();
    const asOrg = await t.call('POST', `/api/v1/organizations/${t.org.id}/pause`);
    expect(asOrg.status).toBe(403);
    expect(
      (await t.call('GET', `/api/v1/organizations/${t.org.id}`, { key: t.admin })).json.pausedAt,
    ).toBeNull();
    expect((await t.call('POST', '/api/v1/organizations/org_nope/pause', { key: t.admin })).status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const t = setup();
    const doc = await t.call('GET', '/api/v1/openapi.json', { key: null });
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations/{id}/pause', '/api/v1/organizations/{id}/resume']),
    );
  });
});
