import { describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from '../delivery/fixtures';

async function customerWithHistory() {
  const t = deliverySetup();
  const biz = await t.business();
  const alice = t.customer({ name: 'Alice Martin', email: 'alice@example.com', phone: '+14155550123' });
  const { id: requestId } = t.request({ businessId: biz.id, customerId: alice.id });
  const recorder = recordingTransports();
  const worker = t.worker({ transports: recorder.transports });
  await worker.runOnce();
  await worker.stop();
  const at = (minutes: number) => new Date(t.clock().getTime() + minutes * 60_000).toISOString();
  const insertEvent = t.db.prepare(
    `INSERT INTO events (id, organization_id, business_id, type, request_id, rating, platform, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insertEvent.run('evt_open', t.org.id, biz.id, 'opened', requestId, null, null, at(5));
  insertEvent.run('evt_rate', t.org.id, biz.id, 'rated', requestId, 2, null, at(6));
  t.db
    .prepare(
      `INSERT INTO feedback (id, organization_id, business_id, request_id, customer_id, origin, type, score, comments,
         contact_name, contact_email, contact_phone, created_at, updated_at)
       VALUES ('fb_1', ?, ?, ?, ?, 'request', 'star', 2, 'Cold coffee', 'Alice', 'alice@example.com', '+14155550123', ?, ?)`,
    )
    .run(t.org.id, biz.id, requestId, alice.id, at(7), at(7));
  return { t, biz, alice, requestId };
}

describe('customer data', () => {
  it('activity lists messages, opens, ratings and feedback in order', async () => {
    const { t, alice, requestId } = await customerWithHistory();
    const res = await t.call('GET', `/api/v1/customers/${alice.id}/activity`);
    expect(res.status).toBe(200);
    expect(res.json.data.map((a: { type: string }) => a.type)).toEqual([
      'message.sent',
      'opened',
      'rated',
      'feedback',
    ]);
    expect(res.json.data[2]).toMatchObject({ requestId, details: { rating: 2 } });
    expect(res.json.data[3].details).toMatchObject({ comments: 'Cold coffee', score: 2 });
  });

  it('export holds everything about the customer', async () => {
    const { t, alice, requestId } = await customerWithHistory();
    const res = await t.call('GET', `/api/v1/customers/${alice.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`${alice.id}.json`);
    expect(res.json.customer).toMatchObject({
      id: alice.id,
      name: 'Alice Martin',
      email: 'alice@example.com',
      phone: '+14155550123',
    });
    expect(res.json.requests.map((r: { id: string }) => r.id)).toEqual([requestId]);
    expect(res.json.messages[0]).toMatchObject({ recipient: 'alice@example.com', requestId });
    expect(res.json.events).toHaveLength(2);
    expect(res.json.feedback[0]).toMatchObject({
      contactEmail: 'alice@example.com',
      comments: 'Cold coffee',
    });
  });

  it('erase removes personal data everywhere and keeps a hashed suppression so they are never messaged again', async () => {
    const { t, biz, alice, requestId } = await customerWithHistory();
    const res = await t.call('POST', `/api/v1/customers/${alice.id}/erase`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: alice.id, erased: true });

    const dump = JSON.stringify(
      ['customers', 'messages', 'feedback', 'events', 'suppressions', 'outbox', 'review_requests'].map(
        (table) => t.db.prepare(`SELECT * FROM ${table}`).all(),
      ),
    );
    for (const personal of ['alice@example.com', '+14155550123', 'Alice'])
      expect(dump).not.toContain(personal);
    expect(t.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM events WHERE request_id = ?').get(requestId)).toEqual({
      n: 0,
    });
    expect(t.db.prepare('SELECT count(*) AS n FROM suppressions').get()).toEqual({ n: 2 });
    expect((await t.call('GET', `/api/v1/customers/${alice.id}/activity`)).status).toBe(404);

    // The same person added again is suppressed by the hashed entry.
    const again = t.customer({ name: 'Alice', email: 'ALICE@example.com' });
    expect(again.id).not.toBe(alice.id);
    expect(t.request({ businessId: biz.id, customerId: again.id }).result).toEqual({
      status: 'suppressed',
      reason: 'suppression_list',
    });
    // Erasing again is harmless.
    expect((await t.call('POST', `/api/v1/customers/${alice.id}/erase`)).status).toBe(200);
  });

  it('erases through DELETE /customers/:id?erase=true as well', async () => {
    const { t, alice } = await customerWithHistory();
    const res = await t.call('DELETE', `/api/v1/customers/${alice.id}?erase=true`);
    expect(res.status).toBe(204);
    const row = t.db.prepare('SELECT name, email, phone FROM customers WHERE id = ?').get(alice.id);
    expect(JSON.stringify(row ?? {})).not.toMatch(/alice|4155550123/i);
    expect(t.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
  });

  it('checks key, scopes and tenancy', async () => {
    const { t, alice } = await customerWithHistory();
    expect((await t.call('GET', `/api/v1/customers/${alice.id}/activity`, { key: null })).status).toBe(401);
    expect(
      (
        await t.call('GET', `/api/v1/customers/${alice.id}/export`, {
          key: t.keyWithScopes(['customers:read']),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', `/api/v1/customers/${alice.id}/erase`, {
          key: t.keyWithScopes(['customers:read']),
        })
      ).status,
    ).toBe(403);
    const other = t.otherOrg();
    for (const [method, path] of [
      ['GET', `/api/v1/customers/${alice.id}/activity`],
      ['GET', `/api/v1/customers/${alice.id}/export`],
      ['POST', `/api/v1/customers/${alice.id}/erase`],
    ] as const) {
      expect((await t.call(method, path, { key: other.key })).status, path).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/customers/cust_nope/activity')).status).toBe(404);
    const bad = await t.call('GET', `/api/v1/customers/${'x'.repeat(80)}/activity`);
    expect(bad.status).toBe(400);
    expect(bad.json.details.id).toBeDefined();
  });
});
