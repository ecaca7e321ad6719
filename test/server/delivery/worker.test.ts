import { describe, expect, it } from 'vitest';
import { startDeliveryWorker } from '../../../server/delivery/worker';
import { systemClock } from '../../../server/domain/clock';
import { silentLogger } from '../../../server/logger';
import { deliverySetup } from './fixtures';

describe('startDeliveryWorker', () => {
  it('delivers in the background on real time until stopped', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const { id } = t.request({ businessId: biz.id, customerId: t.customer({ email: 'a@example.com' }).id });
    const running = startDeliveryWorker({
      db: t.db,
      config: t.config,
      logger: silentLogger,
      clock: systemClock,
      pollMs: 20,
    });
    for (let i = 0; i < 200 && t.requestRow(id).status !== 'sent'; i++)
      await new Promise((r) => setTimeout(r, 10));
    await running.stop();
    expect(t.requestRow(id).status).toBe('sent');
  });
});
