import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('ids in bodies and queries', () => {
  it('answers an empty, blank or wrongly-prefixed id with a 400 naming the field, and writes nothing', async () => {
    const t = setup();
    const business = await t.createBusiness();
    const template = { name: 'T', channel: 'sms', body: 'Hi {{link}}' };
    const created = await t.call('POST', '/api/v1/templates', { body: template });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: { name: 'C', businessId: business.id },
    });
    const cases: Array<[string, string, unknown, string]> = [];
    for (const bad of ['', ' ', 'biz_', created.json.id]) {
      cases.push(['POST', '/api/v1/templates', { ...template, businessId: bad }, 'businessId']);
      cases.push([
        'PUT',
        `/api/v1/templates/${created.json.id}`,
        { ...template, businessId: bad },
        'businessId',
      ]);
      cases.push(['POST', '/api/v1/campaigns', { name: 'C', businessId: bad }, 'businessId']);
      cases.push(['PATCH', `/api/v1/campaigns/${campaign.json.id}`, { businessId: bad }, 'businessId']);
      const request = { businessId: business.id, customerEmail: 'jo@example.com', method: 'email' };
      cases.push(['POST', '/api/v1/review-requests', { ...request, businessId: bad }, 'businessId']);
    }
    for (const bad of ['', ' ', 'tpl_', business.id]) {
      const steps = [{ delayHours: 0, templateId: bad }];
      cases.push([
        'POST',
        '/api/v1/campaigns',
        { name: 'C', businessId: business.id, steps },
        'steps.0.templateId',
      ]);
      cases.push(['PATCH', `/api/v1/campaigns/${campaign.json.id}`, { steps }, 'steps.0.templateId']);
      const request = { businessId: business.id, customerEmail: 'jo@example.com', method: 'email' };
      cases.push([
        'POST',
        '/api/v1/review-requests',
        { ...request, campaignId: bad.replace('tpl', 'camp') },
        'campaignId',
      ]);
    }
    const before = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    for (const [method, path, body, field] of cases) {
      const res = await t.call(method, path, { body });
      const what = `${method} ${path} ${JSON.stringify(body)}`;
      expect(res.status, what).toBe(400);
      expect(res.json.code, what).toBe('VALIDATION_ERROR');
      expect(res.json.details?.[field], what).toBeDefined();
    }
    const after = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(after.n - before.n).toBeLessThanOrEqual(cases.length); // API-key last-used stamps only
    expect((t.db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number }).n).toBe(1);
    expect((t.db.prepare('SELECT count(*) AS n FROM campaigns').get() as { n: number }).n).toBe(1);
  });

  it('keeps the answers for well-formed ids that are unknown', async () => {
    const t = setup();
    const business = await t.createBusiness();
    const template = { name: 'T', channel: 'sms', body: 'Hi {{link}}', businessId: 'biz_0000000000000000' };
    expect((await t.call('POST', '/api/v1/templates', { body: template })).status).toBe(404);
    const steps = [{ templateId: 'tpl_0000000000000000' }];
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: { name: 'C', businessId: business.id, steps },
    });
    expect(campaign.status).toBe(400);
    expect(campaign.json.details).toEqual({ 'steps.0.templateId': 'no such template' });
    const request = await t.call('POST', '/api/v1/review-requests', {
      body: {
        businessId: business.id,
        customerEmail: 'jo@example.com',
        method: 'email',
        campaignId: 'camp_0000',
      },
    });
    expect(request.status).toBe(404);
  });

  it('answers an empty or wrongly-prefixed id filter with a 400 naming it', async () => {
    const t = setup();
    for (const path of [
      '/api/v1/review-requests?businessId=',
      '/api/v1/review-requests?customerId=biz_x',
      '/api/v1/customers?businessId=',
      '/api/v1/feedback?businessId=cust_x',
      '/api/v1/messages?requestId=',
      '/api/v1/messages?customerId=rr_x',
    ]) {
      const res = await t.call('GET', path);
      expect(res.status, path).toBe(400);
      const field = path.split('?')[1].split('=')[0];
      expect(res.json.details?.[field], path).toBeDefined();
    }
  });
});
