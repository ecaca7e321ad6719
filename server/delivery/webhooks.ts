import { performance } from 'node:perf_hooks';
import { type Clock, isoNow } from '../domain/clock';
import type { Db } from '../store/db';
import type { OutboxJob } from '../store/outbox';
import { getDeliveryById, insertAttempt, setDeliveryStatus } from '../store/webhook-deliveries';
import { disableEndpoint, getEndpointById, type WebhookEndpoint } from '../store/webhooks';
import type { JobHandler, JobOutcome } from './outbox';
import { checkWebhookTarget, ForbiddenTargetError, type Resolver, systemResolver } from './ssrf';
import { circuitState, noteAnswer, noteNoAnswer } from './webhook-circuit';
import { webhookFormat } from './webhook-formats';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './webhook-post';

export type WebhookJobDeps = {
  db: Db;
  clock: Clock;
  allowPrivate: boolean;
  resolver?: Resolver;
  timeoutMs?: number;
};

/** The secrets that sign now: the current one, and the previous one until its grace period ends. */
export function signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  const graceOver = !endpoint.previousSecretExpiresAt || new Date(endpoint.previousSecretExpiresAt) <= now;
  return endpoint.previousSecret && !graceOver
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
}

/**
 * Delivers one webhook event to one endpoint per Standard Webhooks: same `webhook-id` on every attempt,
 * a fresh `webhook-timestamp`, the target checked against SSRF and pinned, redirects not followed.
 * 2xx succeeds; 410 disables the endpoint; anything else is retried with backoff. Every attempt is logged.
 * Attempts that get no answer feed the endpoint's circuit breaker; while it is open, jobs wait for it.
 */
export function webhookJobHandler(deps: WebhookJobDeps): JobHandler {
  const { db, clock } = deps;
  const resolver = deps.resolver ?? systemResolver;
  const timeoutMs = Math.min(deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS, WEBHOOK_TIMEOUT_MS);

  return {
    async run(job: OutboxJob): Promise<JobOutcome> {
      const delivery = getDeliveryById(db, job.refId);
      const endpoint = delivery && getEndpointById(db, delivery.endpointId);
      if (!delivery || !endpoint) return { type: 'cancelled', reason: 'endpoint deleted' };
      if (!endpoint.enabled) {
        setDeliveryStatus(db, clock, delivery.id, 'failed');
        return { type: 'cancelled', reason: 'endpoint disabled' };
      }
      if (circuitState(endpoint.circuit, clock()) === 'open') {
        return { type: 'postpone', until: new Date(endpoint.circuit.openUntil!) };
      }
      const attemptedAt = isoNow(clock);
      const started = performance.now();
      const log = (statusCode: number | null, outcome: 'succeeded' | 'failed', error: string | null) =>
        insertAttempt(db, delivery.id, {
          attemptedAt,
          statusCode,
          latencyMs: Math.round(performance.now() - started),
          outcome,
          error,
        });

      const url = new URL(endpoint.url);
      let address: Awaited<ReturnType<typeof checkWebhookTarget>>;
      try {
        address = await checkWebhookTarget(url, { allowPrivate: deps.allowPrivate, resolver });
      } catch (error) {
        const message = (error as Error).message;
        log(null, 'failed', message);
        if (error instanceof ForbiddenTargetError) {
          setDeliveryStatus(db, clock, delivery.id, 'failed');
          return { type: 'failed', error: message };
        }
        noteNoAnswer(db, clock, endpoint.id);
        return { type: 'retry', error: message };
      }
      const headers = webhookFormat(endpoint.format).headers({
        id: delivery.id,
        timestampSeconds: Math.floor(clock().getTime() / 1000),
        body: delivery.payload,
        secrets: signingSecrets(endpoint, clock()),
      });
      const result = await postWebhook(url, address, delivery.payload, headers, timeoutMs);
      if ('error' in result) {
        log(null, 'failed', result.error);
        noteNoAnswer(db, clock, endpoint.id);
        return { type: 'retry', error: result.error };
      }
      noteAnswer(db, endpoint.id, endpoint.circuit);
      const { statusCode } = result;
      if (statusCode >= 200 && statusCode < 300) {
        db.transaction(() => {
          log(statusCode, 'succeeded', null);
          setDeliveryStatus(db, clock, delivery.id, 'succeeded');
        })();
        return { type: 'done' };
      }
      if (statusCode === 410) {
        db.transaction(() => {
          log(statusCode, 'failed', 'endpoint answered 410 Gone: disabled');
          disableEndpoint(db, clock, endpoint.id, 'answered 410 Gone');
          setDeliveryStatus(db, clock, delivery.id, 'failed');
        })();
        return { type: 'failed', error: '410 Gone: endpoint disabled' };
      }
      const error =
        statusCode >= 300 && statusCode < 400 ? `redirect ${statusCode} not followed` : `HTTP ${statusCode}`;
      log(statusCode, 'failed', error);
      return { type: 'retry', error };
    },
    giveUp(job: OutboxJob) {
      setDeliveryStatus(db, clock, job.refId, 'failed');
    },
  };
}
