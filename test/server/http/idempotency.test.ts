import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('Idempotency-Key fingerprint', () => {
  it('treats the same key and body with another query string as another request: 422, nothing replayed', async () => {
    const t = setup();
    const a = await t.createBusiness({ name: 'A' });
    const b = await t.createBusiness({ name: 'B' });
    const headers = { 'idempotency-key': 'import-1' };
    const body = [{ source: 'google', externalId: 'g-1', rating: 5, authorName: 'Ana' }];
    const first = await t.call('POST', `/api/v1/reviews/import?businessId=${a.id}`, { headers, body });
    expect(first.status).toBe(200);

    const other = await t.call('POST', `/api/v1/reviews/import?businessId=${b.id}`, { headers, body });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect((await t.call('GET', `/api/v1/reviews?businessId=${b.id}`)).json.pagination.total).toBe(0);

    const replay = await t.call('POST', `/api/v1/reviews/import?businessId=${a.id}`, { headers, body });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
  });
});
