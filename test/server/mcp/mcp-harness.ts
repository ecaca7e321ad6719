import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { insertFeedback } from '../../../server/store/feedback-writes';
import { setup } from '../helpers';

/** The text of a tool result, parsed when it is JSON. */
export function resultOf(result: unknown): { isError: boolean; text: string; json: any } {
  const r = result as { isError?: boolean; content: Array<{ type: string; text: string }> };
  const text = r.content.map((c) => c.text).join('');
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { isError: r.isError === true, text, json };
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/**
 * A real app listening on loopback with Acme's data seeded (a business, reviews, feedback and a review
 * request naming Ana Silva), and `connect(key)` giving an SDK client on `/mcp`.
 */
export async function mcpHarness(options: { rateLimit?: number } = {}) {
  const config = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: options.rateLimit ?? 10_000 });
  const t = setup({ config });
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((done) => server.once('listening', () => done()));
  closers.push(() => new Promise<void>((done) => server.close(() => done())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;

  const biz = await t.createBusiness({ name: 'Joe’s Coffee' });
  const texts: Array<[number, string]> = [
    [1, 'Cold coffee and rude staff. The wait was long, cold coffee again.'],
    [2, 'Rude staff, long wait, cold coffee.'],
    [1, 'The wait was terrible and the coffee was cold.'],
    [5, 'Friendly staff and great pastries, lovely atmosphere.'],
    [5, 'Great pastries! Friendly staff, call me at +1 415 555 0199.'],
    [4, 'Lovely atmosphere and great pastries.'],
  ];
  const reviews: any[] = [];
  for (const [rating, content] of texts) {
    const res = await t.call('POST', '/api/v1/reviews', {
      body: {
        businessId: biz.id,
        source: 'direct',
        rating,
        authorName: 'Marta Quintero',
        content,
        publishedAt: t.clock().toISOString(),
      },
    });
    if (res.status !== 201) throw new Error(res.text);
    reviews.push(res.json);
  }
  const request = await t.call('POST', '/api/v1/review-requests', {
    body: {
      businessId: biz.id,
      customerName: 'Ana Silva',
      customerEmail: 'ana.silva@example.com',
      method: 'email',
    },
  });
  if (request.status !== 201) throw new Error(request.text);
  const feedbackId = insertFeedback(t.db, t.clock, {
    organizationId: t.org.id,
    businessId: biz.id,
    origin: 'business_link',
    requestId: null,
    cardId: null,
    type: 'star',
    score: 2,
    comments: 'Write to me at bruno.costa@example.com please',
    contactName: 'Bruno Costa',
    contactEmail: 'bruno.costa@example.com',
    contactPhone: null,
    consentToContact: true,
  });

  /** An SDK client connected to `/mcp` with `key`. */
  async function connect(key: string, headers: Record<string, string> = {}) {
    const client = new Client({ name: 'test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { authorization: `Bearer ${key}`, ...headers } },
    });
    await client.connect(transport);
    closers.push(() => client.close());
    return client;
  }

  /** Calls a tool and parses its result. */
  async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
    return resultOf(await client.callTool({ name, arguments: args }));
  }

  return { ...t, url, biz, reviews, request: request.json, feedbackId, connect, callTool: call };
}
