import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../domain/ids';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../store/idempotency';
import type { AppDeps, AppEnv } from './context';
import { ApiError } from './errors';
import { requestHeader } from './request-header';

/**
 * `Idempotency-Key` on POST: the first response is stored per API key and replayed for 24 h.
 * Same key with another body → 422; same key while the first is still running → 409.
 */
export function idempotency(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    const key = requestHeader(c, 'idempotency-key');
    const apiKeyId = c.get('auth').keyId;
    // Replays are stored per API key; a person's browser session does not retry blindly, so it has none.
    if (c.req.method !== 'POST' || !key || !apiKeyId) return next();
    if (key.length > 255) {
      throw new ApiError('VALIDATION_ERROR', 'Idempotency-Key is too long', {
        'Idempotency-Key': 'at most 255 characters',
      });
    }
    const fingerprint = sha256(
      `${c.req.method} ${c.req.path} ${c.get('auth').organizationId ?? ''}\n${await c.req.text()}`,
    );
    const existing = claimIdempotencyKey(deps.db, deps.clock, apiKeyId, key, fingerprint);
    if (existing) {
      if (existing.requestHash !== fingerprint) {
        throw new ApiError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was used with a different request');
      }
      if (existing.state === 'running') {
        throw new ApiError('CONFLICT', 'A request with this Idempotency-Key is still being processed');
      }
      return new Response(existing.responseBody, {
        status: existing.responseStatus ?? 200,
        headers: {
          'Content-Type': 'application/json',
          'Idempotent-Replayed': 'true',
          'X-Request-Id': c.get('requestId'),
        },
      });
    }
    try {
      await next();
    } catch (error) {
      releaseIdempotencyKey(deps.db, apiKeyId, key);
      throw error;
    }
    if (c.res.status >= 500) {
      releaseIdempotencyKey(deps.db, apiKeyId, key);
      return;
    }
    completeIdempotencyKey(deps.db, apiKeyId, key, c.res.status, await c.res.clone().text());
  };
}
