import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { mcpHarness } from './mcp-harness';

const withoutPii = DEFAULT_SCOPES.filter((scope) => scope !== 'pii:read');
const PERSONAL = [
  'Ana Silva',
  'ana.silva@example.com',
  'Bruno Costa',
  'bruno.costa@example.com',
  'Marta Quintero',
  '555 0199',
];

const deliveries = (db: any, type: string) =>
  db.prepare('SELECT payload FROM webhook_deliveries WHERE event_type = ?').all(type) as Array<{
    payload: string;
  }>;

async function withWebhook(h: Awaited<ReturnType<typeof mcpHarness>>) {
  const hook = await h.call('POST', '/api/v1/webhooks', {
    body: { url: 'https://hooks.example.com/plaudit', events: ['review.updated'] },
  });
  expect(hook.status).toBe(201);
}

describe('MCP redaction of personal data', () => {
  const reads = (h: Awaited<ReturnType<typeof mcpHarness>>) =>
    [
      ['list_reviews', {}],
      ['get_review', { reviewId: h.reviews[4].id }],
      ['search_reviews', { query: 'pastries' }],
      ['list_feedback', {}],
      ['list_review_requests', {}],
    ] as const;

  it('masks emails and phones and cuts names to initials without pii:read', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes(withoutPii));
    for (const [tool, args] of reads(h)) {
      const { text, isError } = await h.callTool(client, tool, args);
      expect(isError, `${tool}: ${text}`).toBe(false);
      for (const value of PERSONAL) expect(text, `${tool} leaks ${value}`).not.toContain(value);
    }
    const requests = (await h.callTool(client, 'list_review_requests')).json.data;
    expect(requests[0].customer).toMatchObject({ name: 'A. S.', email: 'a•••@example.com' });
    const feedback = (await h.callTool(client, 'list_feedback')).json.data[0];
    expect(feedback).toMatchObject({ contactName: 'B. C.', contactEmail: 'b•••@example.com' });
    expect(feedback.comments).toBe('Write to me at b•••@example.com please');
    expect((await h.callTool(client, 'get_review', { reviewId: h.reviews[4].id })).json.authorName).toBe(
      'M. Q.',
    );
  });

  it('shows them as stored with pii:read', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes([...withoutPii, 'pii:read']));
    const all = (await Promise.all(reads(h).map(([tool, args]) => h.callTool(client, tool, args))))
      .map((r) => r.text)
      .join('\n');
    for (const value of PERSONAL) expect(all).toContain(value);
  });
});

describe('MCP writes that publish or message a person wait for approval', () => {
  it('draft_reply publishes nothing until a person approves; then the review carries it and review.updated fires', async () => {
    const h = await mcpHarness();
    await withWebhook(h);
    const assistantKey = h.keyWithScopes(DEFAULT_SCOPES);
    const client = await h.connect(assistantKey);
    const review = h.reviews[0];
    const drafted = await h.callTool(client, 'draft_reply', {
      reviewId: review.id,
      reply: 'We are sorry, Marta.',
    });
    expect(drafted.json).toMatchObject({ status: 'pending', pendingActionId: expect.stringMatching(/^pa_/) });
    expect((await h.call('GET', `/api/v1/reviews/${review.id}`)).json.reply).toBeNull();
    expect(deliveries(h.db, 'review.updated')).toHaveLength(0);

    const listed = await h.call('GET', '/api/v1/pending-actions?status=pending');
    expect(listed.json.data).toHaveLength(1);
    expect(listed.json.data[0]).toMatchObject({
      kind: 'review_reply',
      targetId: review.id,
      payload: { reply: 'We are sorry, Marta.' },
    });

    // The assistant's own key cannot approve what it asked for.
    const self = await h.call('POST', `/api/v1/pending-actions/${drafted.json.pendingActionId}/approve`, {
      key: assistantKey,
    });
    expect(self.status).toBe(403);
    expect((await h.call('GET', `/api/v1/reviews/${review.id}`)).json.reply).toBeNull();

    const approver = h.keyWithScopes(['reviews:read', 'reviews:reply', 'actions:direct']);
    const approved = await h.call('POST', `/api/v1/pending-actions/${drafted.json.pendingActionId}/approve`, {
      key: approver,
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', resultId: review.id });
    const after = (await h.call('GET', `/api/v1/reviews/${review.id}`)).json;
    expect(after).toMatchObject({
      reply: 'We are sorry, Marta.',
      responded: true,
      repliedAt: expect.any(String),
    });
    const events = deliveries(h.db, 'review.updated');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].payload).data).toMatchObject({
      id: review.id,
      reply: 'We are sorry, Marta.',
    });

    const again = await h.call('POST', `/api/v1/pending-actions/${drafted.json.pendingActionId}/approve`, {
      key: approver,
    });
    expect(again.status).toBe(409);
    expect(deliveries(h.db, 'review.updated')).toHaveLength(1);
  });

  it('send_review_request sends nothing until approved, then creates the request and queues its message', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes(DEFAULT_SCOPES));
    const count = () => (h.db.prepare('SELECT count(*) AS n FROM review_requests').get() as { n: number }).n;
    const before = count();
    const asked = await h.callTool(client, 'send_review_request', {
      businessId: h.biz.id,
      customerName: 'Carla Diaz',
      customerEmail: 'carla@example.com',
      method: 'email',
    });
    expect(asked.json.status).toBe('pending');
    expect(count()).toBe(before);
    const approved = await h.call('POST', `/api/v1/pending-actions/${asked.json.pendingActionId}/approve`, {
      key: h.admin,
      headers: { 'plaudit-organization': h.org.id },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(count()).toBe(before + 1);
    const request = await h.call('GET', `/api/v1/review-requests/${approved.json.resultId}`);
    expect(request.json).toMatchObject({ status: 'pending', customer: { email: 'carla@example.com' } });
  });

  it('a rejected action changes nothing', async () => {
    const h = await mcpHarness();
    await withWebhook(h);
    const client = await h.connect(h.keyWithScopes(DEFAULT_SCOPES));
    const review = h.reviews[1];
    const reply = await h.callTool(client, 'draft_reply', { reviewId: review.id, reply: 'Nope' });
    const request = await h.callTool(client, 'send_review_request', {
      businessId: h.biz.id,
      customerEmail: 'dan@example.com',
      method: 'email',
    });
    const requestsBefore = h.db.prepare('SELECT count(*) AS n FROM review_requests').get();
    const outboxBefore = h.db.prepare('SELECT count(*) AS n FROM outbox').get();
    const reviewBefore = (await h.call('GET', `/api/v1/reviews/${review.id}`)).json;
    const approver = h.keyWithScopes(['reviews:read', 'reviews:reply', 'requests:write', 'actions:direct']);
    for (const id of [reply.json.pendingActionId, request.json.pendingActionId]) {
      const rejected = await h.call('POST', `/api/v1/pending-actions/${id}/reject`, { key: approver });
      expect(rejected.status, rejected.text).toBe(200);
      expect(rejected.json.status).toBe('rejected');
      expect((await h.call('POST', `/api/v1/pending-actions/${id}/approve`, { key: approver })).status).toBe(
        409,
      );
    }
    expect((await h.call('GET', `/api/v1/reviews/${review.id}`)).json).toEqual(reviewBefore);
    expect(h.db.prepare('SELECT count(*) AS n FROM review_requests').get()).toEqual(requestsBefore);
    expect(h.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore);
    expect(deliveries(h.db, 'review.updated')).toHaveLength(0);
  });

  it('new keys do not get actions:direct unless asked for', async () => {
    const h = await mcpHarness();
    const created = await h.call('POST', '/api/v1/keys', { body: { name: 'assistant', mode: 'live' } });
    expect(created.status, created.text).toBe(201);
    expect(created.json.scopes).not.toContain('actions:direct');
  });
});

describe('MCP tenancy', () => {
  it('a key of another organization reaches nothing of Acme through any tool', async () => {
    const h = await mcpHarness();
    const other = h.otherOrg();
    const client = await h.connect(other.key);
    const acme = [h.biz.id, h.reviews[0].id, h.feedbackId, h.request.id, 'Joe’s Coffee', 'Marta', 'Ana'];
    const review = h.reviews[0].id;
    const calls: Array<[string, Record<string, unknown>]> = [
      ['list_businesses', {}],
      ['get_business', { businessId: h.biz.id }],
      ['list_reviews', {}],
      ['list_reviews', { businessId: h.biz.id }],
      ['get_review', { reviewId: review }],
      ['search_reviews', { query: 'coffee' }],
      ['list_feedback', {}],
      ['list_review_requests', {}],
      ['list_campaigns', {}],
      ['list_cards', {}],
      ['get_metrics', {}],
      ['get_metrics', { businessId: h.biz.id }],
      ['get_insights', {}],
      ['draft_reply', { reviewId: review, reply: 'hi' }],
      ['set_show_on_widget', { reviewIds: [review], show: true }],
      ['tag_reviews', { reviewIds: [review], addTags: ['x'] }],
      ['resolve_feedback', { feedbackId: h.feedbackId }],
      ['send_review_request', { businessId: h.biz.id, customerEmail: 'x@example.com', method: 'email' }],
    ];
    for (const [tool, args] of calls) {
      const { text } = await h.callTool(client, tool, args);
      // An id the caller sent may be echoed back in a not-found error; anything else of Acme's may not.
      const unasked = acme.filter((value) => !JSON.stringify(args).includes(value));
      for (const value of unasked) expect(text, `${tool} answered ${value}`).not.toContain(value);
    }
    const metrics = (await h.callTool(client, 'get_metrics')).json;
    expect(metrics.current.reviews).toBe(0);
    expect((await h.callTool(client, 'get_insights')).json.analyzedReviews).toBe(0);
    await expect(client.readResource({ uri: `plaudit://businesses/${h.biz.id}` })).rejects.toThrow();
    const after = (await h.call('GET', `/api/v1/reviews/${review}`)).json;
    expect(after).toMatchObject({ reply: null, showOnWidget: false, tags: [] });
    expect((await h.call('GET', `/api/v1/feedback/${h.feedbackId}`)).json.status).toBe('new');
    expect(h.db.prepare('SELECT count(*) AS n FROM pending_actions').get()).toEqual({ n: 0 });
  });
});

describe('MCP audit log', () => {
  it('records every call with key, tool, digest, outcome and correlation id; GET /audit-log filters it', async () => {
    const h = await mcpHarness();
    const assistantKey = h.keyWithScopes(DEFAULT_SCOPES);
    const keyId = (
      h.db.prepare('SELECT id FROM api_keys WHERE prefix = ?').get(assistantKey.slice(0, 12)) as {
        id: string;
      }
    ).id;
    const client = await h.connect(assistantKey, { 'x-correlation-id': 'corr-42' });
    await h.callTool(client, 'list_businesses');
    await h.callTool(client, 'draft_reply', { reviewId: h.reviews[0].id, reply: 'Thanks' });
    await h.callTool(client, 'get_review', { reviewId: 'rev_nope' });
    await h.callTool(client, 'list_reviews', { minRating: 9 });
    const narrow = await h.connect(h.keyWithScopes(['reviews:read']));
    await h.callTool(narrow, 'list_feedback');

    const all = await h.call('GET', '/api/v1/audit-log');
    expect(all.status, all.text).toBe(200);
    expect(all.json.data.map((e: any) => [e.tool, e.outcome])).toEqual([
      ['list_feedback', 'denied'],
      ['list_reviews', 'error'],
      ['get_review', 'error'],
      ['draft_reply', 'pending'],
      ['list_businesses', 'ok'],
    ]);
    const draft = all.json.data[3];
    expect(draft).toMatchObject({
      keyId,
      correlationId: 'corr-42',
      argsDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(all.json)).not.toContain('Thanks');

    const byTool = await h.call('GET', '/api/v1/audit-log?tool=draft_reply');
    expect(byTool.json.data.map((e: any) => e.tool)).toEqual(['draft_reply']);
    const byOutcome = await h.call('GET', `/api/v1/audit-log?outcome=error&keyId=${keyId}`);
    expect(byOutcome.json.pagination.total).toBe(2);
    const future = await h.call('GET', '/api/v1/audit-log?dateFrom=2026-06-16');
    expect(future.json.data).toEqual([]);
    const other = h.otherOrg();
    expect((await h.call('GET', '/api/v1/audit-log', { key: other.key })).json.data).toEqual([]);
  });
});
