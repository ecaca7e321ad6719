import { type Config, defaultConfig } from '../../../server/config';
import { enqueueRequestMessage } from '../../../server/delivery/request-messages';
import type { Transports } from '../../../server/delivery/transports';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { newId, newPublicCode } from '../../../server/domain/ids';
import { silentLogger } from '../../../server/logger';
import { upsertCustomer } from '../../../server/store/customers';
import { type Db, openMemoryDb, sql } from '../../../server/store/db';
import { setup, type testClock } from '../helpers';

/** A migrated in-memory database with the delivery tables. */
export function deliveryDb(): Db {
  const db = openMemoryDb();
  return db;
}

/**
 * `setup()` plus what delivery tests need: customers, review requests written as the requests API writes them
 * (the row, then `enqueueRequestMessage` in the same transaction), and a worker on the test clock.
 */
export function deliverySetup(
  overrides: Partial<Config> = {},
  options: { clock?: ReturnType<typeof testClock> } = {},
) {
  const config = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, ...overrides });
  const t = setup({ db: deliveryDb(), config, clock: options.clock });

  const customer = (
    input: { name?: string; email?: string; phone?: string; optOut?: boolean },
    orgId = t.org.id,
  ) => upsertCustomer(t.db, t.clock, orgId, input).customer;

  const request = (input: {
    businessId: string;
    customerId: string;
    method?: 'email' | 'sms' | 'whatsapp';
    sandbox?: boolean;
    sendAt?: string;
    suppressMessage?: boolean;
    campaignId?: string;
    delayHours?: number;
    orgId?: string;
  }) => {
    const id = newId('rr');
    const now = t.clock().toISOString();
    const result = t.db.transaction(() => {
      sql(
        t.db,
        `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, sandbox, suppress_message, send_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        input.orgId ?? t.org.id,
        input.businessId,
        input.customerId,
        input.method ?? 'email',
        newPublicCode(),
        input.sandbox ? 1 : 0,
        input.suppressMessage ? 1 : 0,
        input.sendAt ?? null,
        now,
        now,
      );
      return enqueueRequestMessage(
        t.db,
        t.clock,
        { id },
        {
          publicUrl: config.publicUrl,
          campaignId: input.campaignId,
          delayHours: input.delayHours,
        },
      );
    })();
    return { id, result };
  };

  const requestRow = (id: string) =>
    sql(t.db, 'SELECT * FROM review_requests WHERE id = ?').get(id) as Record<string, string | number | null>;

  const worker = (
    extra: {
      transports?: Transports;
      resolver?: Parameters<typeof createDeliveryWorker>[0]['resolver'];
      webhookTimeoutMs?: number;
    } = {},
  ) =>
    createDeliveryWorker({
      db: t.db,
      config,
      logger: silentLogger,
      clock: t.clock,
      random: () => 0.5,
      ...extra,
    });

  /** A business open all day in UTC, so the send window never gets in the way unless a test wants it. */
  const business = (body: Record<string, unknown> = {}) =>
    t.createBusiness({ timezone: 'UTC', sendWindow: { start: '00:00', end: '23:59' }, ...body });

  return { ...t, config, customer, request, requestRow, worker, business };
}

/** Transports that record what they were asked to send. */
export function recordingTransports(fail?: (to: string) => Error | undefined) {
  const sent: Array<{ id: string; channel: string; to: string; subject: string | null; text: string }> = [];
  const transport = {
    name: 'log' as const,
    async send(message: { id: string; channel: string; to: string; subject: string | null; text: string }) {
      const error = fail?.(message.to);
      if (error) throw error;
      sent.push(message);
      return { providerId: `prov_${message.id}` };
    },
  };
  const transports: Transports = { forChannel: () => transport, close() {} };
  return { sent, transports };
}
