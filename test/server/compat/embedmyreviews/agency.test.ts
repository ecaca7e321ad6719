import { describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from '../../delivery/fixtures';
import { expectDocumentedShape } from '../shape';
import * as doc from './fixtures';
import { emrSetup, withEmr } from './harness';

const at = (path: string, customer: number) => path.replace('{customer}', String(customer));

describe('EmbedMyReviews Agency API, documented examples', () => {
  it('customers: create, switch plan (the one plan), credits, pause/resume, list, plans, delete', async () => {
    const t = emrSetup();
    const admin = { key: t.admin };
    const created = await t.emr('POST', doc.createCustomer.request.path, {
      ...admin,
      form: { ...doc.createCustomer.request.form, custom_plan_id: '1' },
    });
    expect(created.status, created.text).toBe(doc.createCustomer.status);
    expectDocumentedShape(created.json, doc.createCustomer.response, {
      allowExtraKeys: true,
      nullable: ['data.phone', 'data.trial_ends_at'],
    });
    expect(created.json.data).toMatchObject({
      name: 'John Smith',
      email: 'john@example.com',
      custom_plan: { id: 1, name: 'Plaudit' },
    });
    expect(created.json.data.organizations).toEqual([{ id: expect.any(Number), name: 'My Clinic' }]);
    const id = created.json.data.id as number;

    const plan = await t.emr('PUT', at(doc.switchPlan.request.path, id), {
      ...admin,
      form: { custom_plan_id: '1' },
    });
    expect(plan.status).toBe(200);
    expectDocumentedShape(plan.json, doc.switchPlan.response, { allowExtraKeys: true });
    const otherPlan = await t.emr('PUT', at(doc.switchPlan.request.path, id), {
      ...admin,
      form: doc.switchPlan.request.form,
    });
    expect(otherPlan.status).toBe(422);
    expect(Object.keys(otherPlan.json.errors)).toEqual(['custom_plan_id']);

    // Credits raise a set monthly allowance (compat-cloutly's limits); unlimited accounts have nothing to add to.
    const unlimited = await t.emr('POST', at(doc.addCredits.request.path, id), {
      ...admin,
      form: doc.addCredits.request.form,
    });
    expect(unlimited.status).toBe(422);
    const orgId = (await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.data.find(
      (o: { name: string }) => o.name === 'My Clinic',
    ).id;
    const limits = await t.call('PUT', `/api/v1/organizations/${orgId}/limits`, {
      key: t.admin,
      body: { smsPerMonth: 10, emailPerMonth: 100 },
    });
    expect(limits.status, limits.text).toBe(200);
    const credits = await t.emr('POST', at(doc.addCredits.request.path, id), {
      ...admin,
      form: doc.addCredits.request.form,
    });
    expect(credits.status, credits.text).toBe(200);
    expectDocumentedShape(credits.json, doc.addCredits.response);
    expect(credits.json.balance).toBe(1100);

    // The location limit is the organization's native business cap.
    const limited = await t.emr('PUT', at(doc.locationLimit.request.path, id), {
      ...admin,
      form: doc.locationLimit.request.form,
    });
    expect(limited.status).toBe(doc.locationLimit.status);
    expect(limited.json).toEqual(doc.locationLimit.response);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, admin)).json.businessLimit).toBe(5);
    const members = await t.emr('PUT', at(doc.memberLimit.request.path, id), {
      ...admin,
      form: doc.memberLimit.request.form,
    });
    expect(members.status).toBe(422);
    expect(Object.keys(members.json.errors)).toEqual(['member_limit']);
    expect(members.json.message).toMatch(/Plaudit/);
    const unlimitedMembers = await t.emr('PUT', at(doc.memberLimit.request.path, id), {
      ...admin,
      form: { member_limit: '0' },
    });
    expect(unlimitedMembers.json).toEqual(doc.memberLimit.response);
    for (const form of [{}, { location_limit: '0' }, { location_limit: 'many' }] as Array<
      Record<string, string>
    >) {
      const bad = await t.emr('PUT', at(doc.locationLimit.request.path, id), { ...admin, form });
      expect(bad.status, JSON.stringify(form)).toBe(422);
      expect(Object.keys(bad.json.errors)).toEqual(['location_limit']);
    }
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, admin)).json.businessLimit).toBe(5);

    for (const [fixture, paused] of [
      [doc.pauseCustomer, true],
      [doc.resumeCustomer, false],
    ] as const) {
      const res = await t.emr('PUT', at(fixture.request.path, id), admin);
      expect(res.status).toBe(fixture.status);
      expect(res.json).toEqual(fixture.response);
      const native = await t.call('GET', `/api/v1/organizations/${orgId}`, { key: t.admin });
      expect(native.json.pausedAt !== null).toBe(paused);
    }

    const list = await t.emr('GET', doc.listCustomers.request.path, admin);
    expect(list.status).toBe(200);
    expectDocumentedShape(list.json, doc.listCustomers.response, {
      allowExtraKeys: true,
      nullable: ['data.*.phone', 'data.*.email', 'data.*.trial_ends_at', 'links.next'],
    });
    expect(
      list.json.data.map((c: { organizations: Array<{ name: string }> }) => c.organizations[0]?.name),
    ).toContain('My Clinic');
    const search = await t.emr('GET', '/api/agency/v1/customers?search=john%40example', admin);
    expect(search.json.data).toHaveLength(1);

    const plans = await t.emr('GET', doc.listPlans.request.path, admin);
    expectDocumentedShape(plans.json, doc.listPlans.response);

    const deleted = await t.emr('DELETE', at(doc.deleteCustomer.request.path, id), admin);
    expect(deleted.json).toEqual(doc.deleteCustomer.response);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, { key: t.admin })).status).toBe(404);
  });

  it('is the admin key’s alone, and bad input is a 422 that creates nothing', async () => {
    const t = emrSetup();
    const asOrg = await t.emr('GET', '/api/agency/v1/customers');
    expect(asOrg.status).toBe(403);
    expect(Object.keys(asOrg.json)).toEqual(['message']);
    const before = (await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.pagination.total;
    const bad: Array<Record<string, string>> = [
      { name: 'J', company: 'C', email: 'nope', password: 'Password123456', custom_plan_id: '1' },
      { name: 'J', company: 'C', email: 'j@example.com', password: 'short', custom_plan_id: '1' },
      {
        name: 'J',
        company: 'C',
        email: 'j@example.com',
        password: 'Password123456',
        custom_plan_id: '1',
        location_limit: '0',
      },
      { company: 'C', email: 'j@example.com', password: 'Password123456' },
    ];
    for (const form of bad) {
      const res = await t.emr('POST', '/api/agency/v1/customers', { key: t.admin, form });
      expect(res.status, JSON.stringify(form)).toBe(422);
      expect(typeof res.json.message).toBe('string');
      expect(Object.keys(res.json.errors).length).toBeGreaterThan(0);
    }
    expect((await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.pagination.total).toBe(
      before,
    );
    expect((await t.emr('PUT', '/api/agency/v1/customers/9999/pause', { key: t.admin })).status).toBe(404);
  });
});

describe('an agency’s script against Plaudit', () => {
  it('creates a client account, pauses it (its invites wait), resumes it (they go out), orders NFC cards that open /t/', async () => {
    const { sent, transports } = recordingTransports();
    const t = withEmr(deliverySetup());
    const admin = { key: t.admin };
    const created = await t.emr('POST', '/api/agency/v1/customers', {
      ...admin,
      form: {
        name: 'Ana Silva',
        company: 'Silva Dental',
        email: 'ana@example.com',
        password: 'Password123456',
        custom_plan_id: '1',
      },
    });
    expect(created.status, created.text).toBe(200);
    const customer = created.json.data;
    const orgId = (await t.call('GET', '/api/v1/organizations', { key: t.admin })).json.data.find(
      (o: { name: string }) => o.name === 'Silva Dental',
    ).id;
    // The agency acts inside the client account with its admin key naming the organization.
    const inClient = { key: t.admin, headers: { 'plaudit-organization': orgId } };
    const businessId = (await t.call('GET', '/api/v1/businesses', inClient)).json.data[0].id;
    await t.call('PATCH', `/api/v1/businesses/${businessId}`, {
      ...inClient,
      body: { timezone: 'UTC', sendWindow: { start: '00:00', end: '23:59' } },
    });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      ...inClient,
      body: { businessId, name: 'After visit', steps: [{ delayHours: 0 }] },
    });
    const invite = (email: string) =>
      t.emr('POST', `/api/v1/request-reviews/campaigns/${campaign.json.id}/invite`, {
        ...inClient,
        json: { email },
      });

    expect((await t.emr('PUT', `/api/agency/v1/customers/${customer.id}/pause`, admin)).status).toBe(200);
    expect((await invite('held@example.com')).status).toBe(202);
    let worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
    expect(sent).toEqual([]);
    const held = (await t.call('GET', '/api/v1/messages', inClient)).json.data;
    expect(held).toHaveLength(1);
    expect(held[0].status).toBe('queued');

    expect((await t.emr('PUT', `/api/agency/v1/customers/${customer.id}/resume`, admin)).status).toBe(200);
    t.clock.advance(3_600_000 + 1_000);
    worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
    expect(sent.map((m) => m.to)).toEqual(['held@example.com']);

    const order = await t.emr('POST', '/api/agency/v1/orders', {
      ...admin,
      json: { customer: customer.id, quantity: 2 },
    });
    expect(order.status, order.text).toBe(201);
    expectDocumentedShape({ data: [order.json.data] }, doc.listOrders.response, {
      allowExtraKeys: true,
      nullable: ['data.*.shipping.address', 'data.*.shipping.city', 'data.*.shipping.country'],
    });
    const urls: string[] = order.json.data.items[0].nfc_urls;
    expect(urls).toHaveLength(2);
    const landing = await t.app.request(new URL(urls[0]).pathname);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Silva Dental');
    const sheet = await t.app.request(
      new URL(order.json.data.sheet_url).pathname + new URL(order.json.data.sheet_url).search,
      {
        headers: { authorization: `Bearer ${t.admin}`, 'plaudit-organization': orgId },
      },
    );
    expect(sheet.status).toBe(200);
    const sheetHtml = await sheet.text();
    for (const url of urls) expect(sheetHtml).toContain(new URL(url).pathname.split('/').pop());

    const orders = await t.emr('GET', '/api/agency/v1/orders', admin);
    expectDocumentedShape(orders.json, doc.listOrders.response, {
      allowExtraKeys: true,
      nullable: ['data.*.shipping.address', 'data.*.shipping.city', 'data.*.shipping.country'],
    });
    expect(orders.json.data.map((o: { id: string }) => o.id)).toContain(order.json.data.id);
    expect((await t.emr('PUT', `/api/agency/v1/orders/${order.json.data.id}/ship`, admin)).status).toBe(422);
    expect((await t.emr('PUT', `/api/agency/v1/orders/${order.json.data.id}/complete`, admin)).status).toBe(
      200,
    );
    expect((await t.emr('PUT', `/api/agency/v1/orders/${order.json.data.id}/cancel`, admin)).status).toBe(
      200,
    );
    const after = await t.emr('GET', `/api/agency/v1/orders/${order.json.data.id}`, admin);
    expect(after.json.data.status).toBe('cancelled');
    expect((await t.app.request(new URL(urls[0]).pathname)).status).toBe(404);
  });
});
