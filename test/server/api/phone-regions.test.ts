import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { landingSetup } from '../pages/landing-fixtures';

describe('phone numbers in the business’s country', () => {
  it('stores a business’s country (ISO 3166-1 alpha-2), refuses an unknown one, and clears it', async () => {
    const t = setup();
    const biz = await t.createBusiness({ country: 'gb' });
    expect(biz.country).toBe('GB');
    expect((await t.call('GET', `/api/v1/businesses/${biz.id}`)).json.country).toBe('GB');
    const plain = await t.createBusiness({ name: 'Plain' });
    expect(plain.country).toBeNull();
    for (const country of ['XX', 'GBR', 'G', '12']) {
      const bad = await t.call('POST', '/api/v1/businesses', { body: { name: 'Bad', country } });
      expect(bad.status, country).toBe(400);
      expect(Object.keys(bad.json.details)).toEqual(['country']);
    }
    const cleared = await t.call('PATCH', `/api/v1/businesses/${biz.id}`, { body: { country: null } });
    expect(cleared.json.country).toBeNull();
    const kept = await t.call('PATCH', `/api/v1/businesses/${plain.id}`, { body: { country: 'FR' } });
    expect(
      (await t.call('PATCH', `/api/v1/businesses/${plain.id}`, { body: { name: 'P' } })).json.country,
    ).toBe(kept.json.country);
  });

  it('reads a UK national number for a GB business’s review request and stores E.164', async () => {
    const t = setup();
    const biz = await t.createBusiness({ country: 'GB' });
    const res = await t.call('POST', '/api/v1/review-requests', {
      body: { businessId: biz.id, customerPhone: '020 7946 0958', method: 'sms', suppressMessage: true },
    });
    expect(res.status).toBe(201);
    expect(res.json.customer.phone).toBe('+442079460958');
    // The same person typed internationally is the same customer.
    const again = await t.call('POST', '/api/v1/customers', { body: { phone: '+44 20 7946 0958' } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(res.json.customerId);
  });

  it('refuses garbage and a number invalid in the region with a 400, writing nothing', async () => {
    const t = setup();
    const biz = await t.createBusiness({ country: 'GB' });
    for (const customerPhone of ['garbage', '12', '020 7946 095', '(415) 555-0123', '+44 20 7946 0958 x1']) {
      const res = await t.call('POST', '/api/v1/review-requests', {
        body: { businessId: biz.id, customerPhone, method: 'sms' },
      });
      expect(res.status, customerPhone).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.details)).toEqual(['customerPhone']);
    }
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(0);
  });

  it('reads customers created without a business in the organization’s first business’s country', async () => {
    const t = setup();
    const us = await t.call('POST', '/api/v1/customers', { body: { phone: '020 7946 0958' } });
    expect(us.status).toBe(400);
    await t.createBusiness({ name: 'London', country: 'GB' });
    await t.createBusiness({ name: 'Paris', country: 'FR' });
    const created = await t.call('POST', '/api/v1/customers', { body: { phone: '020 7946 0958' } });
    expect(created.status).toBe(201);
    expect(created.json.phone).toBe('+442079460958');
    const patched = await t.call('PATCH', `/api/v1/customers/${created.json.id}`, {
      body: { phone: '07911 123456' },
    });
    expect(patched.json.phone).toBe('+447911123456');
    const bad = await t.call('PATCH', `/api/v1/customers/${created.json.id}`, { body: { phone: '0791' } });
    expect(bad.status).toBe(400);
  });

  it('guesses the region from the time zone when the business names no country', async () => {
    const t = setup();
    const biz = await t.createBusiness({ timezone: 'Europe/London', locale: 'en' });
    const res = await t.call('POST', '/api/v1/review-requests', {
      body: { businessId: biz.id, customerPhone: '020 7946 0958', method: 'sms', suppressMessage: true },
    });
    expect(res.json.customer.phone).toBe('+442079460958');
  });

  it('reads the landing feedback contact phone in the business’s country', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ country: 'GB' });
    const { token } = await t.open(`/b/${biz.slug}`);
    const bad = await t.post(`/v/${token}/feedback`, {
      rating: '2',
      comments: 'Cold',
      phone: '(415) 555-0123',
    });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('Please enter a valid phone number.');
    const ok = await t.post(`/v/${token}/feedback`, {
      rating: '2',
      comments: 'Cold',
      phone: '020 7946 0958',
    });
    expect(ok.res.status).toBe(303);
    expect(t.db.prepare('SELECT contact_phone FROM feedback').get()).toEqual({
      contact_phone: '+442079460958',
    });
  });
});
