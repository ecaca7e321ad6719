import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { createLogger } from '../../../server/logger';
import { setup } from '../helpers';

describe('cross-cutting API behaviour', () => {
  it('answers unknown routes with 404 and wrong methods with 405 + Allow, in the error shape', async () => {
    const t = setup();
    const missing = await t.call('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND', error: expect.any(String) });
    const wrong = await t.call('PUT', '/api/v1/businesses');
    expect(wrong.status).toBe(405);
    expect(wrong.json.code).toBe('METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toContain('GET');
    expect(wrong.headers.get('allow')).toContain('POST');
  });

  it('answers malformed JSON with a 400 and never a stack trace', async () => {
    const t = setup();
    const res = await t.call('POST', '/api/v1/businesses', {
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('VALIDATION_ERROR');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('gives every response an X-Request-Id, echoing a sane one from the caller', async () => {
    const t = setup();
    const generated = await t.call('GET', '/api/v1/me');
    expect(generated.headers.get('x-request-id')).toMatch(/^req_[0-9A-Za-z]{24}$/);
    const echoed = await t.call('GET', '/api/v1/me', { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
    const error = await t.call('GET', '/api/v1/businesses/biz_x', { headers: { 'x-request-id': 'trace-9' } });
    expect(error.json.requestId).toBe('trace-9');
  });

  it('rate limits per key with X-RateLimit-* headers and Retry-After on 429', async () => {
    const t = setup({ config: defaultConfig({ rateLimit: 3, publicUrl: 'http://plaudit.test' }) });
    const first = await t.call('GET', '/api/v1/me');
    expect(first.headers.get('x-ratelimit-limit')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    await t.call('GET', '/api/v1/me');
    await t.call('GET', '/api/v1/me');
    const limited = await t.call('GET', '/api/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key has its own budget.
    expect((await t.call('GET', '/api/v1/me', { key: t.admin })).status).toBe(200);
    t.clock.advance(61_000);
    expect((await t.call('GET', '/api/v1/me')).status).toBe(200);
  });

  it('replays an Idempotency-Key POST without a second write', async () => {
    const t = setup();
    const headers = { 'idempotency-key': 'create-joes-1' };
    const first = await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Joe' } });
    const replay = await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Joe' } });
    expect(replay.status).toBe(201);
    expect(replay.json.id).toBe(first.json.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.call('GET', '/api/v1/businesses')).json.pagination.total).toBe(1);
  });

  it('answers 422 for a reused Idempotency-Key with another body, and scopes keys per API key', async () => {
    const t = setup();
    const headers = { 'idempotency-key': 'k1' };
    await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Joe' } });
    const mismatch = await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Other' } });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.code).toBe('IDEMPOTENCY_MISMATCH');
    const otherKey = t.keyWithScopes(['businesses:write', 'businesses:read']);
    const separate = await t.call('POST', '/api/v1/businesses', {
      key: otherKey,
      headers,
      body: { name: 'Other' },
    });
    expect(separate.status).toBe(201);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const t = setup();
    // The first request is mid-flight: its claim is recorded but not completed.
    const keyId = (t.db.prepare("SELECT id FROM api_keys WHERE name = 'acme'").get() as { id: string }).id;
    const { claimIdempotencyKey } = await import('../../../server/store/idempotency');
    const { sha256 } = await import('../../../server/domain/ids');
    const body = JSON.stringify({ name: 'Joe' });
    claimIdempotencyKey(t.db, t.clock, keyId, 'busy', sha256(`POST /api/v1/businesses ${t.org.id}\n${body}`));
    const res = await t.call('POST', '/api/v1/businesses', { headers: { 'idempotency-key': 'busy' }, body });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('CONFLICT');
  });

  it('expires idempotency records after 24 hours', async () => {
    const t = setup();
    const headers = { 'idempotency-key': 'daily' };
    const first = await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Joe' } });
    t.clock.advance(25 * 3600_000);
    const second = await t.call('POST', '/api/v1/businesses', { headers, body: { name: 'Joe' } });
    expect(second.json.id).not.toBe(first.json.id);
  });

  it('compresses larger responses for clients that accept gzip, and only those', async () => {
    const t = setup();
    for (let i = 0; i < 5; i++) await t.createBusiness({ name: `Shop ${i}` });
    const gz = await t.app.request('/api/v1/businesses', {
      headers: { authorization: `Bearer ${t.orgKey}`, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await t.call('GET', '/api/v1/businesses');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.json.data).toHaveLength(5);
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(plain.json);
    // Caches must key on Accept-Encoding whether or not this answer was compressed.
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const deflated = await t.app.request('/api/v1/businesses', {
      headers: { authorization: `Bearer ${t.orgKey}`, 'accept-encoding': 'deflate' },
    });
    expect(deflated.headers.get('content-encoding')).toBe('deflate');
  });

  it('never writes an API key into the logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('debug', sink);
    const t = setup({ logger });
    logger.info({ headers: { authorization: `Bearer ${t.orgKey}`, 'x-api-key': t.orgKey } }, 'request');
    await t.call('GET', '/api/v1/me');
    expect(lines.join('')).not.toContain(t.orgKey);
    expect(lines.join('')).toContain('[redacted]');
  });
});
