import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

type T = ReturnType<typeof setup>;
const bulk = (t: T, body: Record<string, unknown>, headers?: Record<string, string>) =>
  t.call('POST', '/api/v1/review-requests/bulk', { body, headers });
const total = async (t: T, path: string) => (await t.call('GET', path)).json.pagination.total as number;

/** 20 rows: 2 opted-out customers, 3 repeats of earlier rows, 1 bad email, 1 customer invited last week. */
async function upload(t: T) {
  const biz = await t.createBusiness({ dedupDays: 14 });
  for (const n of [1, 2]) {
    const customer = await t.call('POST', '/api/v1/customers', { body: { email: `c${n}@example.com` } });
    await t.call('PATCH', `/api/v1/customers/${customer.json.id}`, { body: { optOut: true } });
  }
  await t.call('POST', '/api/v1/review-requests', {
    body: { businessId: biz.id, customerEmail: 'c3@example.com', method: 'email' },
  });
  const rows: Array<Record<string, string>> = [];
  for (let n = 1; n <= 15; n++) rows.push({ name: `Customer ${n}`, email: `c${n}@example.com` });
  rows.push({ email: 'C4@Example.com' }, { email: 'c5@example.com' }, { email: 'c6@example.com' });
  rows.push({ email: 'not an email' }, { name: 'Only a name' });
  return { biz, rows };
}

describe('POST /review-requests/bulk', () => {
  it('a dry run says what would be sent, suppressed, deduplicated and invalid, and writes nothing', async () => {
    const t = setup();
    const { biz, rows } = await upload(t);
    const before = {
      requests: await total(t, '/api/v1/review-requests'),
      messages: await total(t, '/api/v1/messages'),
    };
    const res = await bulk(t, { businessId: biz.id, method: 'email', dryRun: true, rows });
    expect(res.status).toBe(200);
    expect(res.json.totals).toEqual({
      rows: 20,
      send: 12,
      scheduled: 0,
      suppressed: 2,
      deduplicated: 4,
      invalid: 2,
    });
    expect(res.json.rows[0]).toEqual({
      row: 1,
      outcome: 'suppressed',
      reason: 'opted_out',
      requestId: null,
      sendAt: null,
    });
    expect(res.json.rows[2]).toMatchObject({ row: 3, outcome: 'deduplicated', reason: 'recent_request' });
    expect(res.json.rows[15]).toMatchObject({
      row: 16,
      outcome: 'deduplicated',
      reason: 'duplicate_in_file',
    });
    expect(res.json.rows[18]).toMatchObject({ outcome: 'invalid', reason: 'invalid_email' });
    expect(res.json.rows[19]).toMatchObject({ outcome: 'invalid', reason: 'no_email' });
    expect(await total(t, '/api/v1/review-requests')).toBe(before.requests);
    expect(await total(t, '/api/v1/messages')).toBe(before.messages);
    expect(await total(t, '/api/v1/customers')).toBe(3);
  });

  it('the real send matches its dry run, queues one message per sent row, and replays with the same Idempotency-Key', async () => {
    const t = setup();
    const { biz, rows } = await upload(t);
    const dry = await bulk(t, { businessId: biz.id, method: 'email', dryRun: true, rows });
    const headers = { 'idempotency-key': 'upload-1' };
    const sent = await bulk(t, { businessId: biz.id, method: 'email', dryRun: false, rows }, headers);
    expect(sent.status).toBe(200);
    expect(sent.json.totals).toEqual(dry.json.totals);
    expect(sent.json.rows.map((r: { outcome: string }) => r.outcome)).toEqual(
      dry.json.rows.map((r: { outcome: string }) => r.outcome),
    );
    expect(sent.json.rows[3].requestId).toMatch(/^rr_/);
    // 1 request made before, 12 sent, 2 suppressed (kept, with their reason).
    expect(await total(t, '/api/v1/review-requests')).toBe(15);
    expect(await total(t, '/api/v1/messages')).toBe(13);
    const again = await bulk(t, { businessId: biz.id, method: 'email', dryRun: false, rows }, headers);
    expect(again.json).toEqual(sent.json);
    expect(await total(t, '/api/v1/messages')).toBe(13);
  });

  it('schedules rows outside the send window, and refuses too many rows', async () => {
    const t = setup();
    t.clock.set('2026-06-15T02:00:00.000Z');
    const biz = await t.createBusiness({ timezone: 'UTC', sendWindow: { start: '09:00', end: '20:00' } });
    const res = await bulk(t, {
      businessId: biz.id,
      method: 'sms',
      dryRun: true,
      rows: [{ phone: '+14155550100' }, { phone: '12' }],
    });
    expect(res.json.totals).toMatchObject({ scheduled: 1, invalid: 1 });
    expect(res.json.rows[0].sendAt).toBe('2026-06-15T09:00:00.000Z');
    expect(res.json.rows[1].reason).toBe('invalid_phone');
    const many = await bulk(t, {
      businessId: biz.id,
      method: 'sms',
      dryRun: true,
      rows: Array.from({ length: 5001 }, () => ({ phone: '+14155550100' })),
    });
    expect(many.status).toBe(400);
    expect(await total(t, '/api/v1/review-requests')).toBe(0);
  });
});
