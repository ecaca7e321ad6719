import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { enqueueWebhookEvent } from '../../../server/delivery/webhook-events';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { insertFeedback } from '../../../server/store/feedback-writes';
import { setup } from '../helpers';

type Setup = ReturnType<typeof setup>;

// Distinctive enough that any appearance in a response is a leak, never a coincidence.
const PEOPLE = {
  customer: {
    name: 'Wilhelmina Quartermaine',
    email: 'wilhelmina.q@pii-seed.example',
    phone: '+14155550188',
  },
  emailed: { name: 'Bartholomew Fitzgerald', email: 'bart.fitz@pii-seed.example', phone: '+14155550199' },
  texted: { name: 'Cordelia Vanterpool', email: 'cordelia.v@pii-seed.example', phone: '+14155550177' },
  contact: { name: 'Desdemona Okonkwo', email: 'desdemona.o@pii-seed.example', phone: '+14155550166' },
};

/** Every string that must not reach a caller without pii:read: emails, phones (E.164 and national), names. */
const forbidden = Object.values(PEOPLE).flatMap((p) => [
  p.email,
  p.phone,
  p.phone.slice(2),
  p.name,
  ...p.name.split(' '),
]);

/** Customers, requests (with their messages), feedback with a contact, and a webhook delivery carrying it. */
async function seedPeople(t: Setup) {
  const ok = async (method: string, path: string, body: unknown) => {
    const res = await t.call(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const business = await t.createBusiness();
  const webhook = await ok('POST', '/api/v1/webhooks', {
    url: 'https://hooks.example.com/plaudit',
    events: ['feedback.created', 'request.completed'],
  });
  const customer = await ok('POST', '/api/v1/customers', {
    ...PEOPLE.customer,
    notes: `Prefers a call on ${PEOPLE.customer.phone} or a mail to ${PEOPLE.customer.email}`,
  });
  const emailed = await ok('POST', '/api/v1/review-requests', {
    businessId: business.id,
    customerName: PEOPLE.emailed.name,
    customerEmail: PEOPLE.emailed.email,
    customerPhone: PEOPLE.emailed.phone,
    method: 'email',
  });
  const texted = await ok('POST', '/api/v1/review-requests', {
    businessId: business.id,
    customerName: PEOPLE.texted.name,
    customerEmail: PEOPLE.texted.email,
    customerPhone: PEOPLE.texted.phone,
    method: 'sms',
  });
  const feedback = {
    organizationId: t.org.id,
    businessId: business.id,
    origin: 'request' as const,
    requestId: emailed.id,
    cardId: null,
    type: 'star' as const,
    score: 2,
    comments: `Cold coffee. Call me back on ${PEOPLE.contact.phone} or ${PEOPLE.contact.email}`,
    contactName: PEOPLE.contact.name,
    contactEmail: PEOPLE.contact.email,
    contactPhone: PEOPLE.contact.phone,
    consentToContact: true,
  };
  const feedbackId = insertFeedback(t.db, t.clock, feedback);
  // A provider's refusal quotes the number: it lands in the request, the message and the activity.
  const refusal = `The 'To' number ${PEOPLE.texted.phone} is not a valid mobile number`;
  t.db
    .prepare("UPDATE review_requests SET status = 'failed', failure_reason = ? WHERE id = ?")
    .run(refusal, texted.id);
  t.db.prepare('UPDATE messages SET error = ? WHERE request_id = ?').run(refusal, texted.id);
  t.db
    .prepare('UPDATE customers SET invalid = 1, invalid_reason = ? WHERE id = ?')
    .run(refusal, texted.customerId);
  enqueueWebhookEvent(t.db, t.clock, t.org.id, 'feedback.created', { id: feedbackId, ...feedback });
  const messages = (await ok('GET', '/api/v1/messages', undefined)).data as Array<{ id: string }>;
  expect(messages.length).toBeGreaterThanOrEqual(2);
  const ids: Record<string, string[]> = {
    businesses: [business.id],
    customers: [customer.id, emailed.customerId, texted.customerId],
    'review-requests': [emailed.id, texted.id],
    feedback: [feedbackId],
    messages: messages.map((m) => m.id),
    webhooks: [webhook.id],
  };
  return ids;
}

/** Every GET route of the API as concrete paths: list routes once, id routes once per seeded object. */
function getPaths(t: Setup, ids: Record<string, string[]>): string[] {
  const routes = t.app.routes.filter(
    (r) => r.method === 'GET' && r.path.startsWith('/api/v1/') && r.path !== OPENAPI_PATH,
  );
  const paths = new Set<string>();
  for (const route of routes) {
    const resource = route.path.split('/')[3];
    if (resource === 'organizations') continue; // admin-only, holds no personal data
    if (!route.path.includes('/:')) {
      paths.add(route.path.includes('sheet') ? `${route.path}?businessId=${ids.businesses[0]}` : route.path);
      continue;
    }
    for (const id of ids[resource] ?? ['x_none']) paths.add(route.path.replace(':id', id));
  }
  return [...paths];
}

const withoutPii = DEFAULT_SCOPES.filter((scope) => scope !== 'pii:read');

describe('personal data follows pii:read on every GET route', () => {
  it('never answers a seeded email, phone or name to a key without pii:read', async () => {
    const t = setup();
    const ids = await seedPeople(t);
    const key = t.keyWithScopes(withoutPii);
    const paths = getPaths(t, ids);
    expect(paths.length).toBeGreaterThan(25);
    let answered = 0;
    const leaks = new Set<string>();
    for (const path of paths) {
      const res = await t.call('GET', path, { key });
      if (res.status === 200) answered++;
      const text = res.text.toLowerCase();
      const digits = text.replace(/[\s().-]/g, '');
      for (const secret of forbidden) {
        if (text.includes(secret.toLowerCase()) || (/^\d+$/.test(secret) && digits.includes(secret)))
          leaks.add(path.replace(/\/[a-z]+_\w+/g, '/:id'));
      }
    }
    expect([...leaks]).toEqual([]);
    expect(answered).toBeGreaterThan(20);
  });

  it('shows them, as stored, to a key holding pii:read and to the admin key', async () => {
    const t = setup();
    const ids = await seedPeople(t);
    const callers: Array<{ key: string; headers: Record<string, string> }> = [
      { key: t.keyWithScopes([...withoutPii, 'pii:read']), headers: {} },
      { key: t.admin, headers: { 'plaudit-organization': t.org.id } },
    ];
    const expected: Array<[string, string]> = [
      ['/api/v1/customers', PEOPLE.customer.email],
      [`/api/v1/customers/${ids.customers[0]}`, PEOPLE.customer.phone],
      [`/api/v1/customers/${ids.customers[0]}`, PEOPLE.customer.name],
      ['/api/v1/feedback', PEOPLE.contact.email],
      [`/api/v1/feedback/${ids.feedback[0]}`, PEOPLE.contact.name],
      ['/api/v1/messages', PEOPLE.emailed.email],
      ['/api/v1/messages', PEOPLE.texted.phone],
      ['/api/v1/messages', PEOPLE.emailed.name.split(' ')[0]],
      ['/api/v1/review-requests', PEOPLE.texted.name],
      [`/api/v1/review-requests/${ids['review-requests'][0]}`, PEOPLE.emailed.email],
      [`/api/v1/customers/${ids.customers[1]}/activity`, PEOPLE.contact.phone],
      [`/api/v1/webhooks/${ids.webhooks[0]}/deliveries`, PEOPLE.contact.email],
    ];
    for (const caller of callers) {
      for (const [path, value] of expected) {
        const res = await t.call('GET', path, caller);
        expect(res.status, path).toBe(200);
        expect(res.text, path).toContain(value);
      }
    }
  });

  it('shows the redacted forms: masked emails and phones, initials, withheld bodies', async () => {
    const t = setup();
    const ids = await seedPeople(t);
    const key = t.keyWithScopes(withoutPii);
    const customer = await t.call('GET', `/api/v1/customers/${ids.customers[0]}`, { key });
    expect(customer.json).toMatchObject({
      name: 'W. Q.',
      email: 'w•••@pii-seed.example',
      phone: '•••0188',
      notes: 'Prefers a call on •••0188 or a mail to w•••@pii-seed.example',
    });
    const feedback = await t.call('GET', `/api/v1/feedback/${ids.feedback[0]}`, { key });
    expect(feedback.json).toMatchObject({
      contactName: 'D. O.',
      contactEmail: 'd•••@pii-seed.example',
      contactPhone: '•••0166',
      comments: 'Cold coffee. Call me back on •••0166 or d•••@pii-seed.example',
    });
    const messages = await t.call('GET', '/api/v1/messages', { key });
    for (const message of messages.json.data) {
      expect(message).toMatchObject({ text: null, html: null, subject: null });
      expect(message.recipient).toMatch(/^(.•••@pii-seed\.example|•••\d{4})$/);
    }
    const request = await t.call('GET', `/api/v1/review-requests/${ids['review-requests'][1]}`, { key });
    expect(request.json.customer).toMatchObject({ name: 'C. V.', phone: '•••0177' });
  });

  it('redacts the answers of writes the same way', async () => {
    const t = setup();
    const ids = await seedPeople(t);
    const key = t.keyWithScopes(withoutPii);
    const created = await t.call('POST', '/api/v1/customers', {
      key,
      body: { name: 'Ottoline Brackenbury', email: 'ottoline@pii-seed.example', phone: '+14155550144' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'O. B.', email: 'o•••@pii-seed.example', phone: '•••0144' });
    const patched = await t.call('PATCH', `/api/v1/customers/${created.json.id}`, {
      key,
      body: { notes: 'mail ottoline@pii-seed.example' },
    });
    expect(patched.json).toMatchObject({ name: 'O. B.', notes: 'mail o•••@pii-seed.example' });
    const request = await t.call('POST', '/api/v1/review-requests', {
      key,
      body: {
        businessId: ids.businesses[0],
        customerName: 'Ottoline Brackenbury',
        customerEmail: 'ottoline@pii-seed.example',
        method: 'email',
      },
    });
    expect(request.status).toBe(201);
    expect(request.json.customer).toMatchObject({ name: 'O. B.', email: 'o•••@pii-seed.example' });
    const resolved = await t.call('PATCH', `/api/v1/feedback/${ids.feedback[0]}`, {
      key,
      body: { status: 'resolved' },
    });
    expect(resolved.json).toMatchObject({ status: 'resolved', contactName: 'D. O.' });
    for (const res of [created, patched, request, resolved]) {
      expect(res.text).not.toContain('ottoline@');
      expect(res.text).not.toContain(PEOPLE.contact.email);
    }
  });

  it('gives a new organization key pii:read unless its scopes are named', async () => {
    const t = setup();
    const res = await t.call('POST', '/api/v1/keys', { body: { name: 'pos' } });
    expect(res.status).toBe(201);
    expect(res.json.scopes).toContain('pii:read');
  });
});
