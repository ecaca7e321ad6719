import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../../server/store/api-keys';
import { recordingTransports } from '../../delivery/fixtures';
import { routeWalk } from '../route-walk';
import { ROUTES } from './routes';
import { RR, rr, seededSetup } from './seed';

const idsOf = (seed: Awaited<ReturnType<typeof seededSetup>>['seed']) => ({
  businessId: seed.shop.id,
  reviewId: seed.latest.id,
  customerId: seed.emily.id,
});

describe('RatingsRise authentication, scopes and sk_live_ / sk_test_', () => {
  it('answers 401 in its error shape without a Bearer key, with a malformed, unknown or revoked one', async () => {
    const { t } = await seededSetup();
    const revoked = createApiKey(t.db, t.clock, {
      organizationId: t.org.id,
      name: 'old',
      mode: 'live',
      scopes: ['reviews:read'],
    });
    revokeApiKey(t.db, t.clock, t.org.id, revoked.key.id);
    const attempts = [
      { key: null },
      { key: 'sk_live_' },
      { key: 'sk_live_unknownunknownunknownunknown1234' },
      { key: revoked.secret },
      { key: null, headers: { 'x-api-key': t.orgKey } },
    ];
    for (const attempt of attempts) {
      const res = await rr(t, 'GET', '/reviews', attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(401);
      expect(Object.keys(res.json)).toEqual(['error', 'code']);
      expect(res.json.code).toBe('UNAUTHORIZED');
    }
  });

  it('turns repeated wrong keys from one address into its 429', async () => {
    const { t } = await seededSetup();
    let last = await rr(t, 'GET', '/reviews', { key: 'sk_live_wrongwrongwrongwrongwrongwrong00' });
    for (let i = 0; i < 25; i++) {
      last = await rr(t, 'GET', '/reviews', { key: 'sk_live_wrongwrongwrongwrongwrongwrong00' });
    }
    expect(last.status).toBe(429);
    expect(last.json).toEqual({ error: expect.any(String), code: 'RATE_LIMIT_EXCEEDED' });
    expect(last.headers.get('retry-after')).not.toBeNull();
  });

  it('needs the scope the native route needs, on every route (403 FORBIDDEN)', async () => {
    const { t, seed } = await seededSetup();
    const none = t.keyWithScopes(['webhooks:read']);
    const walk = routeWalk(t.app, RR);
    for (const route of ROUTES(idsOf(seed))) {
      walk.record(route.method, route.path);
      const denied = await rr(t, route.method, route.path, { key: none, body: route.body });
      expect(denied.status, route.path).toBe(403);
      expect(denied.json.code).toBe('FORBIDDEN');
      const allowed = await rr(t, route.method, route.path, {
        key: t.keyWithScopes([route.scope]),
        body: route.body,
      });
      expect(allowed.status, `${route.method} ${route.path}`).toBeLessThan(300);
    }
    walk.expectAllHit();
  });

  it('lets the admin key act inside an organization it names with Plaudit-Organization', async () => {
    const { t, seed } = await seededSetup();
    const unnamed = await rr(t, 'GET', '/businesses', { key: t.admin });
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.code).toBe('VALIDATION_ERROR');
    const named = await rr(t, 'GET', '/businesses', {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
    });
    expect(named.json.data.map((b: any) => b.id)).toContain(seed.shop.id);
    const unknown = await rr(t, 'GET', '/businesses', {
      key: t.admin,
      headers: { 'plaudit-organization': 'org_nope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('NOT_FOUND');
  });

  it('answers unknown paths and methods with its 404', async () => {
    const { t } = await seededSetup();
    for (const [method, path] of [
      ['GET', '/widgets'],
      ['DELETE', '/reviews'],
      ['GET', '/webhooks'],
    ]) {
      const res = await rr(t, method, path);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    }
  });

  it('a sk_test_ key never transmits a real message; a sk_live_ key does', async () => {
    const { t, seed } = await seededSetup();
    const testKey = t.keyWithScopes(['requests:write', 'requests:read'], 'test');
    expect(testKey.startsWith('sk_test_')).toBe(true);
    const body = (email: string) => ({
      customerName: 'Jo',
      customerEmail: email,
      method: 'email',
      businessId: seed.shop.id,
    });
    const sandboxed = await rr(t, 'POST', '/review-requests', {
      key: testKey,
      body: body('test@example.com'),
    });
    const live = await rr(t, 'POST', '/review-requests', { body: body('live@example.com') });
    expect([sandboxed.status, live.status]).toEqual([201, 201]);
    const { sent, transports } = recordingTransports();
    const worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
    expect(sent.map((m) => m.to)).toEqual(['live@example.com']);
    const native = await t.call('GET', `/api/v1/review-requests/${sandboxed.json.id}`);
    expect(native.json.sandbox).toBe(true);
  });
});
