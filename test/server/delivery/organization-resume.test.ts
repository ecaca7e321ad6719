import { describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from './fixtures';

describe('a paused organization’s held messages', () => {
  it('go out as soon as it resumes; a message scheduled for later keeps its time', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const recorder = recordingTransports();
    const run = async () => {
      const before = recorder.sent.length;
      const worker = t.worker({ transports: recorder.transports });
      await worker.runOnce();
      await worker.stop();
      return recorder.sent.slice(before).map((m) => m.to);
    };
    const admin = { key: t.admin };
    await t.call('POST', `/api/v1/organizations/${t.org.id}/pause`, admin);
    const held = t.customer({ email: 'held@example.com' });
    t.request({ businessId: biz.id, customerId: held.id });
    const later = t.customer({ email: 'later@example.com' });
    t.request({ businessId: biz.id, customerId: later.id, delayHours: 2 });
    expect(await run()).toEqual([]);

    t.clock.advance(60_000);
    expect((await t.call('POST', `/api/v1/organizations/${t.org.id}/resume`, admin)).status).toBe(200);
    // No hourly re-check needed: the held message is due at once, the delayed one still waits for its time.
    expect(await run()).toEqual(['held@example.com']);
    t.clock.advance(2 * 3_600_000);
    expect(await run()).toEqual(['later@example.com']);
  });
});
