import type { Config } from '../config';
import { replyJobHandler } from '../connectors/reply-job';
import { syncJobHandler } from '../connectors/sync-job';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import { accountEmailJobHandler } from './account-email-job';
import { messageJobHandler } from './message-job';
import { createOutboxWorker } from './outbox';
import type { Resolver } from './ssrf';
import { type Transports, transportsFromConfig } from './transports';
import { webhookJobHandler } from './webhooks';

export type DeliveryDeps = {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Overrides for tests: transports, DNS, worker tuning. */
  transports?: Transports;
  resolver?: Resolver;
  webhookTimeoutMs?: number;
  /** Jobs run at once per lane (messages, webhooks). */
  concurrency?: number;
  pollMs?: number;
  random?: () => number;
};

/** The outbox worker wired to the configured transports and the webhook sender. */
export function createDeliveryWorker(deps: DeliveryDeps) {
  const transports = deps.transports ?? transportsFromConfig(deps.config, deps.logger);
  const worker = createOutboxWorker({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    concurrency: deps.concurrency,
    pollMs: deps.pollMs,
    random: deps.random,
    handlers: {
      account_email: accountEmailJobHandler({ db: deps.db, clock: deps.clock, transports }),
      message: messageJobHandler({ ...deps, publicUrl: deps.config.publicUrl, transports }),
      connector_sync: syncJobHandler(deps),
      connector_reply: replyJobHandler(deps),
      webhook: webhookJobHandler({
        db: deps.db,
        clock: deps.clock,
        allowPrivate: deps.config.webhooksAllowPrivate,
        resolver: deps.resolver,
        timeoutMs: deps.webhookTimeoutMs,
      }),
    },
  });
  return {
    ...worker,
    async stop() {
      await worker.stop();
      transports.close();
    },
  };
}

/** Starts delivering in the server process (`server/main.ts`); `stop()` waits for the jobs in flight. */
export function startDeliveryWorker(deps: DeliveryDeps): { stop(): Promise<void> } {
  const worker = createDeliveryWorker(deps);
  worker.start();
  return { stop: () => worker.stop() };
}
