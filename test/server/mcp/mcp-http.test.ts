import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { mcpHarness } from './mcp-harness';

const TOOLS = [
  'list_businesses',
  'get_business',
  'list_reviews',
  'get_review',
  'search_reviews',
  'list_feedback',
  'list_review_requests',
  'list_campaigns',
  'list_cards',
  'get_metrics',
  'get_insights',
  'draft_reply',
  'set_show_on_widget',
  'tag_reviews',
  'resolve_feedback',
  'send_review_request',
];

describe('/mcp over Streamable HTTP, with the official SDK client', () => {
  it('initializes as plaudit with tools, resources and prompts', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.orgKey);
    expect(client.getServerVersion()?.name).toBe('plaudit');
    const caps = client.getServerCapabilities();
    expect(caps?.tools).toBeDefined();
    expect(caps?.resources).toBeDefined();
    expect(caps?.prompts).toBeDefined();
  });

  it('lists every tool with a description and an input schema that compiles as JSON Schema', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.orgKey);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    const ajv = new AjvJsonSchemaValidator();
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(30);
      expect(tool.inputSchema.type).toBe('object');
      const validate = ajv.getValidator(tool.inputSchema as never);
      // A schema that compiles and tells a wrong type apart, e.g. page as a string.
      if (tool.inputSchema.properties && 'page' in tool.inputSchema.properties) {
        expect(validate({ page: 'one' }).valid, tool.name).toBe(false);
      }
    }
    const listReviews = ajv.getValidator(tools.find((t) => t.name === 'list_reviews')!.inputSchema as never);
    expect(listReviews({ page: 1, responded: false, source: ['google'] }).valid).toBe(true);
    expect(listReviews({ source: ['myspace'] }).valid).toBe(false);
    expect(
      (tools.find((t) => t.name === 'get_metrics')!.inputSchema.properties as any).group_by.enum,
    ).toEqual(['day', 'week', 'month']);
  });

  it('answers every tool with the organization’s data', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes([...DEFAULT_SCOPES, 'actions:direct']));
    const [low, , , high] = h.reviews;
    const call = (name: string, args: Record<string, unknown> = {}) => h.callTool(client, name, args);
    const campaign = await h.call('POST', '/api/v1/campaigns', {
      body: { businessId: h.biz.id, name: 'Spring', steps: [{ delayHours: 0 }] },
    });
    const cards = await h.call('POST', '/api/v1/cards', { body: { businessId: h.biz.id, count: 1 } });

    expect((await call('list_businesses')).json.data.map((b: any) => b.id)).toEqual([h.biz.id]);
    const business = (await call('get_business', { businessId: h.biz.id })).json;
    expect(business).toMatchObject({
      name: 'Joe’s Coffee',
      totalReviews: 6,
      reviewBreakdown: { '1': 2, '5': 2 },
    });
    const unanswered = (await call('list_reviews', { responded: false, maxRating: 2 })).json;
    expect(unanswered.pagination.total).toBe(3);
    expect(unanswered.data.every((r: any) => r.rating <= 2)).toBe(true);
    expect((await call('get_review', { reviewId: low.id })).json).toMatchObject({ id: low.id, rating: 1 });
    const found = (await call('search_reviews', { query: 'pastries' })).json;
    expect(found.data).toHaveLength(3);
    expect((await call('list_feedback', { status: 'new' })).json.data.map((f: any) => f.id)).toEqual([
      h.feedbackId,
    ]);
    expect((await call('list_review_requests')).json.data.map((r: any) => r.id)).toEqual([h.request.id]);
    const campaigns = (await call('list_campaigns')).json.data;
    expect(campaign.status, campaign.text).toBe(201);
    expect(campaigns[0]).toMatchObject({ id: campaign.json.id, name: 'Spring', funnel: { invited: 0 } });
    expect(cards.status, cards.text).toBe(201);
    const cardList = (await call('list_cards')).json.data;
    expect(cardList[0]).toMatchObject({ id: cards.json.data[0].id, taps: 0, stats: expect.any(Object) });

    const metrics = (await call('get_metrics', { group_by: 'day' })).json;
    expect(metrics.current).toMatchObject({ reviews: 6, averageRating: 3, replyRate: 0 });
    expect(metrics.current.requests.created).toBe(1);
    expect(metrics.current.series).toEqual([
      { period: '2026-06-15', reviews: 6, averageRating: 3, replied: 0 },
    ]);
    expect(metrics.previous.reviews).toBe(0);
    expect(metrics.change.reviews).toBe(6);
    const insights = (await call('get_insights')).json;
    expect(insights).toMatchObject({ lowReviews: 3, highReviews: 3 });
    expect(insights.low.map((t: any) => t.term)).toContain('cold coffee');
    expect(insights.low.map((t: any) => t.term)).toContain('rude staff');
    expect(insights.high.map((t: any) => t.term)).toContain('great pastries');
    expect(insights.high.map((t: any) => t.term)).not.toContain('cold coffee');

    const replied = (await call('draft_reply', { reviewId: low.id, reply: 'Sorry, we will do better.' }))
      .json;
    expect(replied).toMatchObject({ status: 'published', review: { reply: 'Sorry, we will do better.' } });
    expect((await call('set_show_on_widget', { reviewIds: [high.id], show: true })).json).toEqual({
      updated: 1,
    });
    expect((await h.call('GET', `/api/v1/reviews/${high.id}`)).json.showOnWidget).toBe(true);
    expect((await call('tag_reviews', { reviewIds: [low.id, high.id], addTags: ['coffee'] })).json).toEqual({
      updated: 2,
    });
    expect((await h.call('GET', `/api/v1/reviews/${low.id}`)).json.tags).toEqual(['coffee']);
    const resolved = (await call('resolve_feedback', { feedbackId: h.feedbackId, note: 'Called back' })).json;
    expect(resolved).toMatchObject({ status: 'resolved', note: 'Called back' });
    const sent = (
      await call('send_review_request', {
        businessId: h.biz.id,
        customerName: 'Carla Diaz',
        customerEmail: 'carla@example.com',
        method: 'email',
      })
    ).json;
    expect(sent).toMatchObject({ status: 'sent', deduplicated: false, request: { status: 'pending' } });
    expect((await h.call('GET', `/api/v1/review-requests/${sent.request.id}`)).status).toBe(200);
  });

  it('offers each business as a resource and the two prompts', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.orgKey);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([`plaudit://businesses/${h.biz.id}`]);
    const read = await client.readResource({ uri: `plaudit://businesses/${h.biz.id}` });
    const body = JSON.parse((read.contents[0] as { text: string }).text);
    expect(body).toMatchObject({ profile: { id: h.biz.id }, reviewSummary: { totalReviews: 6 } });
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([
      'reply_to_unanswered_reviews',
      'weekly_review_digest',
    ]);
    const digest = await client.getPrompt({
      name: 'weekly_review_digest',
      arguments: { businessId: h.biz.id },
    });
    expect((digest.messages[0].content as { text: string }).text).toContain('get_insights');
  });

  it('answers a bad argument with an error naming the field, and keeps serving', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.orgKey);
    const bad = await h.callTool(client, 'list_reviews', { minRating: 9 });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain('minRating');
    const wrong = await h.callTool(client, 'send_review_request', { businessId: h.biz.id, method: 'email' });
    expect(wrong.isError).toBe(true);
    expect(wrong.json.details).toHaveProperty('customerEmail');
    expect((await h.callTool(client, 'list_businesses')).isError).toBe(false);
  });

  it('refuses a tool whose scope the key lacks', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes(['reviews:read']));
    const denied = await h.callTool(client, 'list_feedback');
    expect(denied.isError).toBe(true);
    expect(denied.json).toMatchObject({ code: 'FORBIDDEN', details: { scope: 'requires feedback:read' } });
  });
});

describe('/mcp authentication and protocol errors', () => {
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  };
  const post = (url: string, body: string, key?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body,
    });

  it('answers 401 to a wrong, a revoked or a missing key, and the SDK client fails to connect', async () => {
    const h = await mcpHarness();
    expect((await post(h.url, JSON.stringify(initialize), 'sk_live_doesnotexist123')).status).toBe(401);
    expect((await post(h.url, JSON.stringify(initialize))).status).toBe(401);
    await expect(h.connect('sk_live_doesnotexist123')).rejects.toThrow();
    const ok = await post(h.url, JSON.stringify(initialize), h.orgKey);
    expect(ok.status).toBe(200);
  });

  it('answers malformed JSON-RPC with a JSON-RPC error', async () => {
    const h = await mcpHarness();
    const parse = await post(h.url, '{"jsonrpc": "2.0", "method": ', h.orgKey);
    expect(parse.status).toBe(400);
    expect((await parse.json()).error.code).toBe(-32700);
    const invalid = await post(h.url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 42 }), h.orgKey);
    expect(invalid.status).toBe(400);
    const body = await invalid.json();
    expect(body.jsonrpc).toBe('2.0');
    expect(body.error.code).toBeLessThan(-32000);
  });

  it('counts calls against the key’s rate limit, shared with the API', async () => {
    const h = await mcpHarness({ rateLimit: 40 });
    // The seeding used some of the org key's 40 requests this minute; MCP requests use the rest.
    const client = await h.connect(h.orgKey);
    let limited: unknown;
    for (let i = 0; i < 40 && !limited; i++) {
      await h.callTool(client, 'list_businesses').catch((error) => {
        limited = error;
      });
    }
    expect(String(limited)).toMatch(/429|Rate limit/);
    expect((await h.call('GET', '/api/v1/businesses')).status).toBe(429);
  });
});
