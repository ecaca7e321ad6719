import { describe, expect, it } from 'vitest';
import { deliverySetup } from '../delivery/fixtures';

describe('templates API', () => {
  it('saves a valid template and shows a sample rendering with the SMS encoding and segments', async () => {
    const t = deliverySetup();
    const sms = await t.call('POST', '/api/v1/templates', {
      body: { name: 'Short', channel: 'sms', body: 'Hi {{firstName}}! Rate {{businessName}}: {{link}}' },
    });
    expect(sms.status).toBe(201);
    expect(sms.json.preview.body).toBe(
      'Hi Alex! Rate Joe’s Coffee: https://reviews.example.com/r/AbCdEfGhIjKl',
    );
    expect(sms.json.preview.sms).toEqual({ encoding: 'UCS-2', length: 70, segments: 1 });
    const long = await t.call('POST', '/api/v1/templates', {
      body: { name: 'Long', channel: 'whatsapp', language: 'fr', body: `${'x'.repeat(150)} {{link}}` },
    });
    expect(long.json.preview.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    const email = await t.call('POST', '/api/v1/templates', {
      body: { name: 'Mail', channel: 'email', subject: 'Thanks, {{firstName}}', body: 'Tell us: {{link}}' },
    });
    expect(email.json).toMatchObject({
      subject: 'Thanks, {{firstName}}',
      language: 'en',
      preview: { subject: 'Thanks, Alex', sms: null },
    });

    const list = await t.call('GET', '/api/v1/templates?channel=sms');
    expect(list.json.data.map((x: { id: string }) => x.id)).toEqual([sms.json.id]);
    const replaced = await t.call('PUT', `/api/v1/templates/${sms.json.id}`, {
      body: { name: 'Short', channel: 'sms', body: '{{link}}' },
    });
    expect(replaced.json.body).toBe('{{link}}');
    expect((await t.call('DELETE', `/api/v1/templates/${sms.json.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/templates/${sms.json.id}`)).status).toBe(404);
  });

  it('is used for the business’s requests in its language', async () => {
    const t = deliverySetup();
    const biz = await t.business({ locale: 'fr' });
    await t.call('POST', '/api/v1/templates', {
      body: { name: 'FR', channel: 'sms', language: 'fr', body: 'Salut {{firstName}} ! {{link}}' },
    });
    const alice = t.customer({ name: 'Alice', phone: '+33612345678' });
    t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    const [message] = (await t.call('GET', '/api/v1/messages')).json.data;
    expect(message.text).toMatch(/^Salut Alice ! http:\/\/plaudit\.test\/r\/[A-Za-z0-9]{12}$/);
  });

  it('rejects unknown placeholders, a missing link or subject with details; checks key, scope and tenancy', async () => {
    const t = deliverySetup();
    const cases = [
      [{ name: 'A', channel: 'sms', body: 'Hi {{first_name}} {{link}}' }, 'body'],
      [{ name: 'A', channel: 'sms', body: 'no link' }, 'body'],
      [{ name: 'A', channel: 'email', body: '{{link}}' }, 'subject'],
      [{ name: 'A', channel: 'sms', subject: 'x', body: '{{link}}' }, 'subject'],
      [{ name: 'A', channel: 'fax', body: '{{link}}' }, 'channel'],
      [{ name: 'A', channel: 'sms', body: '{{link}} {{' }, 'body'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/v1/templates', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.details[field], JSON.stringify(body)).toBeDefined();
    }
    expect((await t.call('GET', '/api/v1/templates')).json.pagination.total).toBe(0);
    const created = await t.call('POST', '/api/v1/templates', {
      body: { name: 'A', channel: 'sms', body: '{{link}}' },
    });
    expect((await t.call('GET', '/api/v1/templates', { key: null })).status).toBe(401);
    expect(
      (await t.call('POST', '/api/v1/templates', { key: t.keyWithScopes(['campaigns:read']), body: {} }))
        .status,
    ).toBe(403);
    const other = t.otherOrg();
    expect((await t.call('GET', `/api/v1/templates/${created.json.id}`, { key: other.key })).status).toBe(
      404,
    );
    expect((await t.call('DELETE', `/api/v1/templates/${created.json.id}`, { key: other.key })).status).toBe(
      404,
    );
  });
});
