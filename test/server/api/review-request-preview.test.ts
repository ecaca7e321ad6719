import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

const preview = (t: ReturnType<typeof setup>, body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/review-requests/preview', { body });

describe('POST /review-requests/preview', () => {
  it('renders a GSM-7 SMS with its link at the real length and counts one segment', async () => {
    const t = setup();
    const biz = await t.createBusiness({ name: 'Joe Coffee' });
    const res = await preview(t, { businessId: biz.id, method: 'sms', customerName: 'Ana Silva' });
    expect(res.status).toBe(200);
    expect(res.json.text).toMatch(
      /^Hi Ana, thanks for visiting Joe Coffee! How did we do\? http:\/\/plaudit\.test\/r\/[A-Za-z0-9]{12}$/,
    );
    expect(res.json.sms).toEqual({ encoding: 'GSM-7', length: res.json.text.length, segments: 1 });
    expect(res.json).toMatchObject({ channel: 'sms', subject: null, templateId: null });
  });

  it('switches to UCS-2 for a character outside GSM-7 and counts 67-unit segments', async () => {
    const t = setup();
    const biz = await t.createBusiness({ name: 'Café 🍰' });
    const template = await t.call('POST', '/api/v1/templates', {
      body: {
        name: 'Long',
        channel: 'sms',
        body: `Bonjour {{firstName}} ! Merci de votre visite chez {{businessName}}, à très bientôt. ${'x'.repeat(20)} {{link}}`,
      },
    });
    expect(template.status).toBe(201);
    const res = await preview(t, {
      businessId: biz.id,
      method: 'sms',
      customerName: 'Zoé',
      templateId: template.json.id,
    });
    expect(res.status).toBe(200);
    expect(res.json.templateId).toBe(template.json.id);
    expect(res.json.text).toContain('Bonjour Zoé ! Merci de votre visite chez Café 🍰');
    const units = res.json.text.length;
    expect(units).toBeGreaterThan(70);
    expect(res.json.sms).toEqual({ encoding: 'UCS-2', length: units, segments: Math.ceil(units / 67) });
    expect(res.json.sms.segments).toBe(2);
  });

  it('shows an email with its subject and the unsubscribe line, and writes nothing', async () => {
    const t = setup();
    const biz = await t.createBusiness({ name: 'Joe Coffee' });
    const res = await preview(t, { businessId: biz.id, method: 'email' });
    expect(res.status).toBe(200);
    expect(res.json.subject).toBe('How was your visit to Joe Coffee?');
    expect(res.json.text).toMatch(/^Hi, thank you for visiting Joe Coffee\./);
    expect(res.json.text).toMatch(/Unsubscribe: http:\/\/plaudit\.test\/u\/[A-Za-z0-9]{24}$/);
    expect(res.json.sms).toBeNull();
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(0);
    expect((await t.call('GET', '/api/v1/messages')).json.pagination.total).toBe(0);
  });

  it('refuses a template of another channel and an unknown business', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const template = await t.call('POST', '/api/v1/templates', {
      body: { name: 'Mail', channel: 'email', subject: 'Hi', body: 'Rate us {{link}}' },
    });
    const wrong = await preview(t, { businessId: biz.id, method: 'sms', templateId: template.json.id });
    expect(wrong.status).toBe(400);
    expect(wrong.json.details.templateId).toMatch(/email template/);
    const unknown = await preview(t, { businessId: 'biz_nope', method: 'sms' });
    expect(unknown.status).toBe(404);
  });
});
