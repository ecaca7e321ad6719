import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../../server/domain/scopes';
import { createApiKey } from '../../../../server/store/api-keys';
import { deliverySetup, recordingTransports } from '../../delivery/fixtures';
import { fapiClient } from './fapi-helpers';

describe('FeedbackAPI client accounts on Plaudit’s own limits and pause', () => {
  it('active is the organization’s pause, sms_allowance its monthly allowance, max_locations its business cap', async () => {
    const t = deliverySetup();
    const admin = fapiClient(t, t.admin);
    const native = async (id: string) =>
      (await t.call('GET', `/api/v1/organizations/${id}`, { key: t.admin })).json;

    const created = await admin('POST', '/accounts', {
      form: [
        ['name', 'Savastano and Son'],
        ['active', 'false'],
        ['verb', 'use'],
        ['max_locations', '1'],
        ['sms_allowance', '1'],
        ['max_users', ''],
      ],
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      active: false,
      max_locations: 1,
      sms_allowance: 1,
      max_users: null,
    });
    const id = created.json.id as string;
    expect(await native(id)).toMatchObject({
      pausedAt: expect.any(String),
      limits: { smsPerMonth: 1, emailPerMonth: null },
      businessLimit: 1,
    });
    const listed = async (query: string) =>
      (await admin('GET', `/accounts?${query}`)).json.data.map((a: { id: string }) => a.id);
    expect(await listed('active=false')).toEqual([id]);
    expect(await listed('active=true')).not.toContain(id);

    const updated = await admin('POST', `/accounts/${id}`, { form: [['active', 'true']] });
    expect(updated.json).toMatchObject({ active: true, max_locations: 1, sms_allowance: 1 });
    expect((await native(id)).pausedAt).toBeNull();
    expect(await listed('active=true')).toContain(id);

    // The cap and the allowance hold on the account's own key, FeedbackAPI's way.
    const key = createApiKey(t.db, t.clock, {
      organizationId: id,
      name: 'client',
      mode: 'live',
      scopes: [...DEFAULT_SCOPES],
    }).secret;
    const client = fapiClient(t, key);
    const first = await client('POST', '/locations', {
      form: [
        ['name', 'Downtown'],
        ['country_code', 'US'],
      ],
    });
    expect(first.status).toBe(200);
    const second = await client('POST', '/locations', {
      form: [
        ['name', 'Uptown'],
        ['country_code', 'US'],
      ],
    });
    expect(second.status).toBe(402);
    expect(second.json).toEqual({
      type: 'invalid_request_error',
      message: expect.stringMatching(/at most|1 active/),
      param: 'businesses',
    });
    await t.call('PATCH', `/api/v1/businesses/${first.json.id}`, {
      key,
      body: { sendWindow: { start: '00:00', end: '23:59' }, timezone: 'UTC' },
    });

    const send = async (mobile: string) => {
      const customer = await client('POST', '/customers', {
        form: [
          ['mobile_number', mobile],
          ['fname', 'Jo'],
          ['location', first.json.id],
        ],
      });
      return client('POST', '/feedback-request', {
        form: [
          ['subscriber', customer.json.id],
          ['template', 'sms'],
          ['location', first.json.id],
        ],
      });
    };
    expect((await send('+14155550101')).status).toBe(200);
    const over = await send('+14155550102');
    expect(over.status).toBe(402);
    expect(over.json).toEqual({
      type: 'invalid_request_error',
      message: expect.stringMatching(/allowance/),
      param: 'method',
    });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/v1/review-requests', { key })).json.pagination.total).toBe(1);

    // Inactive holds its messages; active again sends them.
    await admin('POST', `/accounts/${id}`, { form: [['active', 'false']] });
    const recorder = recordingTransports();
    const worker = t.worker({ transports: recorder.transports });
    await worker.runOnce();
    expect(recorder.sent).toHaveLength(0);
    await admin('POST', `/accounts/${id}`, {
      form: [
        ['active', 'true'],
        ['sms_allowance', ''],
      ],
    });
    await worker.runOnce();
    await worker.stop();
    expect(recorder.sent.map((m) => m.to)).toEqual(['+14155550101']);
    expect((await native(id)).limits.smsPerMonth).toBeNull();
  });
});
