import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { insertFeedbackRow } from '../rows';

/** Every customers / review-requests / feedback / analytics route that takes an id, asked by another organization. */
describe('tenancy of customers, review requests, feedback and analytics', () => {
  it('answers 404 to another organization for every id, and leaves the object untouched', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const request = (
      await t.call('POST', '/api/v1/review-requests', {
        body: { businessId: biz.id, method: 'email', customerEmail: 'ana@example.com', customerName: 'Ana' },
      })
    ).json;
    const customerId = request.customerId;
    const feedbackId = insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: biz.id });
    const other = t.otherOrg();
    const asAdminInOther = { key: t.admin, headers: { 'plaudit-organization': other.id } };

    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/customers/${customerId}`],
      ['PATCH', `/api/v1/customers/${customerId}`, { name: 'Mallory' }],
      ['DELETE', `/api/v1/customers/${customerId}`],
      ['GET', `/api/v1/customers?businessId=${biz.id}`],
      ['GET', `/api/v1/review-requests/${request.id}`],
      ['GET', `/api/v1/review-requests?businessId=${biz.id}`],
      ['GET', `/api/v1/review-requests?customerId=${customerId}`],
      [
        'POST',
        '/api/v1/review-requests',
        { businessId: biz.id, method: 'email', customerEmail: 'x@example.com' },
      ],
      ['GET', `/api/v1/feedback/${feedbackId}`],
      ['PATCH', `/api/v1/feedback/${feedbackId}`, { status: 'resolved' }],
      ['GET', `/api/v1/feedback?businessId=${biz.id}`],
      ['GET', `/api/v1/analytics/overview?businessId=${biz.id}`],
      ['GET', `/api/v1/analytics/ratings?businessId=${biz.id}`],
    ];
    for (const [method, path, body] of routes) {
      for (const caller of [{ key: other.key }, asAdminInOther]) {
        const res = await t.call(method, path, { ...caller, body });
        expect(res.status, `${method} ${path} as ${caller.key === t.admin ? 'admin' : 'other org'}`).toBe(
          404,
        );
        expect(res.json.code).toBe('NOT_FOUND');
      }
    }

    expect((await t.call('GET', `/api/v1/customers/${customerId}`)).json).toMatchObject({
      name: 'Ana',
      optOut: false,
    });
    expect((await t.call('GET', `/api/v1/feedback/${feedbackId}`)).json.status).toBe('new');
    expect((await t.call('GET', '/api/v1/review-requests')).json.pagination.total).toBe(1);
    const adminHere = await t.call('GET', `/api/v1/customers/${customerId}`, {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
    });
    expect(adminHere.status).toBe(200);
  });
});
