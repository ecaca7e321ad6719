import { describe, expect, it } from 'vitest';
import { markRequestCompleted } from '../../../server/store/request-progress';
import { setCustomerOptOut } from '../../../server/store/suppressions';
import { deliverySetup, recordingTransports } from '../delivery/fixtures';

const HOUR = 3_600_000;

async function campaignSetup() {
  const t = deliverySetup();
  const biz = await t.business();
  const reminderTemplate = await t.call('POST', '/api/v1/templates', {
    body: {
      name: 'Reminder',
      channel: 'email',
      subject: 'Reminder from {{businessName}}',
      body: 'Still time, {{firstName}}: {{link}}',
    },
  });
  const campaign = await t.call('POST', '/api/v1/campaigns', {
    body: {
      name: 'After visit',
      businessId: biz.id,
      steps: [
        { delayHours: 0 },
        { delayHours: 24, templateId: reminderTemplate.json.id },
        { delayHours: 24 },
      ],
    },
  });
  if (campaign.status !== 201) throw new Error(campaign.text);
  const recorder = recordingTransports();
  const run = async () => {
    const before = recorder.sent.length;
    const worker = t.worker({ transports: recorder.transports });
    await worker.runOnce();
    await worker.stop();
    return recorder.sent.slice(before);
  };
  return { t, biz, campaign: campaign.json, run };
}

describe('campaigns', () => {
  it('sends reminders to those who have not completed; completion and opt-out stop them; pausing holds them', async () => {
    const { t, biz, campaign, run } = await campaignSetup();
    expect(campaign.steps).toEqual([
      { position: 0, delayHours: 0, templateId: null },
      { position: 1, delayHours: 24, templateId: expect.stringMatching(/^tpl_/) },
      { position: 2, delayHours: 24, templateId: null },
    ]);
    const [done, pending, leaver] = ['done', 'pending', 'leaver'].map((name) => {
      const customer = t.customer({ name, email: `${name}@example.com` });
      return {
        customer,
        ...t.request({ businessId: biz.id, customerId: customer.id, campaignId: campaign.id }),
      };
    });
    expect((await run()).map((m) => m.to).sort()).toEqual([
      'done@example.com',
      'leaver@example.com',
      'pending@example.com',
    ]);

    markRequestCompleted(t.db, t.clock, done.id);
    setCustomerOptOut(t.db, t.clock, leaver.customer.id, true);
    t.clock.advance(24 * HOUR);
    const reminders = await run();
    expect(reminders.map((m) => m.to)).toEqual(['pending@example.com']);
    expect(t.requestRow(pending.id).status).toBe('sent');
    expect(reminders[0]).toMatchObject({ subject: 'Reminder from Joe’s Coffee' });
    expect(reminders[0].text).toContain('Still time, pending:');
    const doneMessages = (await t.call('GET', `/api/v1/messages?requestId=${done.id}`)).json.data;
    expect(doneMessages.map((m: { status: string; error: string | null }) => [m.status, m.error])).toEqual([
      ['queued', null], // the second reminder is not due yet: it is dropped when it is
      ['cancelled', 'request completed'],
      ['sent', null],
    ]);

    const paused = await t.call('PATCH', `/api/v1/campaigns/${campaign.id}`, { body: { status: 'paused' } });
    expect(paused.json.status).toBe('paused');
    t.clock.advance(24 * HOUR);
    expect(await run()).toHaveLength(0);
    await t.call('PATCH', `/api/v1/campaigns/${campaign.id}`, { body: { status: 'active' } });
    t.clock.advance(HOUR);
    expect((await run()).map((m) => m.to)).toEqual(['pending@example.com']);
    t.clock.advance(30 * 24 * HOUR);
    expect(await run()).toHaveLength(0);

    // Funnel: one click and one private feedback on the completed request.
    t.db
      .prepare(
        `INSERT INTO events (id, organization_id, business_id, type, request_id, platform, created_at) VALUES ('evt_1', ?, ?, 'platform_clicked', ?, 'google', ?)`,
      )
      .run(t.org.id, biz.id, done.id, t.clock().toISOString());
    t.db
      .prepare(
        `INSERT INTO feedback (id, organization_id, business_id, request_id, origin, type, score, created_at, updated_at) VALUES ('fb_1', ?, ?, ?, 'request', 'star', 2, ?, ?)`,
      )
      .run(t.org.id, biz.id, done.id, t.clock().toISOString(), t.clock().toISOString());
    const funnel = await t.call('GET', `/api/v1/campaigns/${campaign.id}/funnel`);
    expect(funnel.json.counts).toEqual({
      invited: 3,
      delivered: 3,
      opened: 1,
      clicked: 1,
      completed: 1,
      privateFeedback: 1,
      unsubscribed: 1,
      failed: 0,
    });
    expect(funnel.json.rates).toMatchObject({ invited: 1, completed: 0.333, unsubscribed: 0.333 });
  });

  it('a paused campaign sends nothing, not even first messages', async () => {
    const { t, biz, campaign, run } = await campaignSetup();
    await t.call('PATCH', `/api/v1/campaigns/${campaign.id}`, { body: { status: 'paused' } });
    const customer = t.customer({ email: 'a@example.com' });
    const { id } = t.request({ businessId: biz.id, customerId: customer.id, campaignId: campaign.id });
    expect(await run()).toHaveLength(0);
    t.clock.advance(72 * HOUR);
    expect(await run()).toHaveLength(0);
    expect(t.requestRow(id).status).toBe('pending');
  });

  it('validates, authenticates, checks scopes and tenancy', async () => {
    const { t, biz, campaign } = await campaignSetup();
    const bad = await t.call('POST', '/api/v1/campaigns', {
      body: { name: '', businessId: biz.id, steps: [{}, {}, {}, {}, {}] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(expect.arrayContaining(['name', 'steps']));
    const noDelay = await t.call('POST', '/api/v1/campaigns', {
      body: { name: 'x', businessId: biz.id, steps: [{}, { delayHours: 0 }] },
    });
    expect(noDelay.json.details['steps.1.delayHours']).toBeDefined();
    const badTemplate = await t.call('POST', '/api/v1/campaigns', {
      body: { name: 'x', businessId: biz.id, steps: [{ templateId: 'tpl_nope' }] },
    });
    expect(badTemplate.json.details['steps.0.templateId']).toBeDefined();
    expect((await t.call('GET', '/api/v1/campaigns')).json.pagination.total).toBe(1);
    expect((await t.call('GET', '/api/v1/campaigns', { key: null })).status).toBe(401);
    expect(
      (
        await t.call('PATCH', `/api/v1/campaigns/${campaign.id}`, {
          key: t.keyWithScopes(['campaigns:read']),
          body: {},
        })
      ).status,
    ).toBe(403);
    const other = t.otherOrg();
    expect((await t.call('GET', `/api/v1/campaigns/${campaign.id}`, { key: other.key })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/campaigns/${campaign.id}/funnel`, { key: other.key })).status).toBe(
      404,
    );
    expect((await t.call('DELETE', `/api/v1/campaigns/${campaign.id}`, { key: other.key })).status).toBe(404);
    const theirs = await t.call('POST', '/api/v1/campaigns', {
      key: other.key,
      body: { name: 'x', businessId: biz.id },
    });
    expect(theirs.status).toBe(400);
    expect((await t.call('DELETE', `/api/v1/campaigns/${campaign.id}`)).status).toBe(204);
  });
});
