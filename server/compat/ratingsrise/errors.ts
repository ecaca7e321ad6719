import type { Context } from 'hono';
import type { ZodError, ZodType } from 'zod';
import { DomainError } from '../../domain/errors';
import { ApiError, type ErrorCode, fromDomainError } from '../../http/errors';
import type { Logger } from '../../logger';

/** The codes RatingsRise documents; each Plaudit code maps onto one of them. */
export type RatingsRiseCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR';

const STATUS: Record<RatingsRiseCode, 400 | 401 | 403 | 404 | 429 | 500> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
};

// RatingsRise documents no 405, 409, 413 or 422: those refusals are request problems its clients already
// handle as VALIDATION_ERROR (a 405 is a path RatingsRise does not have, so NOT_FOUND).
const FROM_PLAUDIT: Record<ErrorCode, RatingsRiseCode> = {
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'NOT_FOUND',
  CONFLICT: 'VALIDATION_ERROR',
  PAYLOAD_TOO_LARGE: 'VALIDATION_ERROR',
  IDEMPOTENCY_MISMATCH: 'VALIDATION_ERROR',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  // The organization's monthly message allowance: a 429 that renews, as RatingsRise's plan quotas are.
  USAGE_LIMIT_REACHED: 'RATE_LIMIT_EXCEEDED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
};

/** A refusal in RatingsRise's terms: `{ error, code, details? }` and the status its table gives the code. */
export class RatingsRiseError extends Error {
  constructor(
    readonly code: RatingsRiseCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The documented error body, exactly: no request id or other Plaudit extras. */
export function ratingsRiseErrorResponse(c: Context, error: RatingsRiseError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  const body: { error: string; code: string; details?: Record<string, string> } = {
    error: error.message,
    code: error.code,
  };
  if (error.details) body.details = error.details;
  return c.json(body, STATUS[error.code]);
}

/** A Plaudit refusal (from the shared domain and API functions) as RatingsRise's. */
export function fromPlaudit(error: ApiError): RatingsRiseError {
  return new RatingsRiseError(FROM_PLAUDIT[error.code], error.message, error.details, error.headers);
}

/** The router's `onError`: known refusals keep their meaning, anything else is logged and answered 500. */
export function handleRatingsRiseError(logger: Logger) {
  return function onRatingsRiseError(err: Error, c: Context): Response {
    if (err instanceof RatingsRiseError) return ratingsRiseErrorResponse(c, err);
    if (err instanceof ApiError) return ratingsRiseErrorResponse(c, fromPlaudit(err));
    if (err instanceof DomainError) return ratingsRiseErrorResponse(c, fromPlaudit(fromDomainError(err)));
    logger.error({ err, requestId: c.get('requestId' as never) }, 'unhandled error (RatingsRise compat)');
    return ratingsRiseErrorResponse(
      c,
      new RatingsRiseError('INTERNAL_ERROR', 'An unexpected server error occurred'),
    );
  };
}

/** Zod issues as `{ field: message }`; an unknown field is named with its own entry. */
function detailsOf(error: ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details[[...issue.path, key].join('.')] ??= 'Unknown field';
      continue;
    }
    details[issue.path.length ? issue.path.join('.') : '_'] ??= issue.message;
  }
  return details;
}

/** Parses request input with `schema`, or throws RatingsRise's 400 naming each bad field. */
export function parseInput<T extends ZodType>(schema: T, value: unknown): ReturnType<T['parse']> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new RatingsRiseError('VALIDATION_ERROR', 'Validation failed', detailsOf(result.error));
  }
  return result.data as ReturnType<T['parse']>;
}

/** The JSON body of a request, or RatingsRise's 400 when it is not JSON. */
export async function jsonBodyOf(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new RatingsRiseError('VALIDATION_ERROR', 'Request body must be valid JSON', {
      _: 'send a JSON body with Content-Type: application/json',
    });
  }
}

export const notFound = (what: string) =>
  new RatingsRiseError('NOT_FOUND', `The requested ${what} does not exist`);
