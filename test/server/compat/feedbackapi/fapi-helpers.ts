import { insertFeedback } from '../../../../server/store/feedback-writes';
import { upsertMembership } from '../../../../server/store/memberships';
import { createUser } from '../../../../server/store/users';
import type { setup } from '../../helpers';

export const BASE = '/compat/feedbackapi/v1.3';

/** HTTP Basic auth as curl's `-u key:` sends it (the password names the account for the admin key). */
export const basic = (key: string, password = '') =>
  `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;

export type Env = ReturnType<typeof setup>;

/** Calls the compat router as a FeedbackAPI client does: Basic auth, `-d` fields as a form body. */
export function fapiClient(env: Env, key: string, password = '') {
  return async function fapi(
    method: string,
    path: string,
    options: { form?: Array<[string, string]>; json?: unknown; auth?: string | null } = {},
  ) {
    const headers: Record<string, string> = {};
    const auth = options.auth === undefined ? basic(key, password) : options.auth;
    if (auth) headers.authorization = auth;
    let body: string | undefined;
    if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const res = await env.app.request(`${BASE}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };
}

/** A Plaudit organization with one of everything FeedbackAPI's examples read. */
export async function seed(env: Env, orgId = env.org.id, key = env.orgKey) {
  const call = (method: string, path: string, body?: unknown) => env.call(method, path, { key, body });
  const business = (await call('POST', '/api/v1/businesses', { name: 'Acme Law', country: 'US' })).json;
  const customer = (
    await call('POST', '/api/v1/customers', {
      name: 'John Doe',
      email: 'johndoe@email.com',
      phone: '+14155550123',
      businessIds: [business.id],
    })
  ).json;
  const review = (
    await call('POST', '/api/v1/reviews', {
      businessId: business.id,
      source: 'direct',
      rating: 5,
      title: 'Possibly the best law firm ever!',
      content: 'What more can I say, these guys are incredible!!',
      authorName: 'John Doe',
    })
  ).json;
  const template = (
    await call('POST', '/api/v1/templates', {
      name: 'Ask',
      channel: 'email',
      subject: 'How did we do?',
      body: 'Tell us: {{link}}',
    })
  ).json;
  const request = (
    await call('POST', '/api/v1/review-requests', {
      businessId: business.id,
      customerEmail: 'johndoe@email.com',
      method: 'email',
    })
  ).json;
  const feedbackId = insertFeedback(env.db, env.clock, {
    organizationId: orgId,
    businessId: business.id,
    origin: 'request',
    requestId: request.id,
    cardId: null,
    type: 'nps',
    score: 8,
    comments: 'Good, slow reply though',
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    consentToContact: false,
  });
  const user = createUser(env.db, env.clock, {
    email: `carol+${orgId}@wildcat.com`,
    name: 'Carol Baskin',
    passwordHash: 'not-a-real-hash',
  });
  upsertMembership(env.db, env.clock, user.id, orgId, 'manager');
  return {
    location: business.id as string,
    customer: customer.id as string,
    review: review.id as string,
    template: template.id as string,
    request: request.id as string,
    feedback: feedbackId,
    user: user.id,
  };
}
