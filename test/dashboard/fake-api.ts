import { vi } from 'vitest';
import type { Feedback, Review } from '../../dashboard/api';

export type Call = { method: string; path: string; body: unknown; headers: Record<string, string> };
type Handler = (call: Call) => unknown;

/**
 * A stubbed `fetch` answering `/api/v1/…` from handlers keyed "METHOD /path" (the path without the query);
 * every call is recorded with its parsed body and headers. An unhandled call is a 404 in the API's shape.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = {
      method,
      path: url.pathname.replace(/^\/api\/v1/, '') + url.search,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string>) },
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname.replace(/^\/api\/v1/, '')}`];
    if (!handler) return json(404, { error: 'Not found', code: 'NOT_FOUND' });
    const answer = handler(call);
    // A handler may answer a whole Response (a 429, a 409…) instead of a 200 body.
    if (answer instanceof Response) return answer;
    return answer === undefined ? new Response(null, { status: 204 }) : json(200, answer);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    fetch,
    of: (method: string, prefix: string) =>
      calls.filter((c) => c.method === method && c.path.startsWith(prefix)),
  };
}

/** A JSON answer with its status, for handlers that refuse. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A review as the API answers it. */
export function review(overrides: Partial<Review> = {}): Review {
  return {
    id: 'rev_1',
    organizationId: 'org_1',
    businessId: 'biz_1',
    source: 'google',
    externalId: null,
    rating: 5,
    title: null,
    content: 'Lovely coffee and a warm welcome.',
    authorName: 'Ana',
    authorAvatarUrl: null,
    url: null,
    publishedAt: '2026-06-01T10:00:00.000Z',
    reply: null,
    repliedAt: null,
    responded: false,
    showOnWidget: false,
    hidden: false,
    verified: false,
    sentiment: 'positive',
    sentimentScore: 1,
    keywords: [],
    tags: [],
    customerId: null,
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A private feedback as the API answers it. */
export function feedback(overrides: Partial<Feedback> = {}): Feedback {
  return {
    id: 'fb_1',
    organizationId: 'org_1',
    businessId: 'biz_1',
    requestId: null,
    cardId: 'card_1',
    cardLabel: 'Counter',
    customerId: null,
    origin: 'card',
    type: 'star',
    score: 2,
    comments: 'Cold soup.',
    contactName: 'Bob',
    contactEmail: 'bob@example.com',
    contactPhone: '+1 555 0100',
    consentToContact: true,
    status: 'new',
    note: null,
    createdAt: '2026-06-02T10:00:00.000Z',
    updatedAt: '2026-06-02T10:00:00.000Z',
    ...overrides,
  };
}
