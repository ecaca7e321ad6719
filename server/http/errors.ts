import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError } from '../domain/errors';
import type { Logger } from '../logger';
import { loggedPath } from './access-log';
import { isClientAbort } from './client-abort';

export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'IDEMPOTENCY_MISMATCH'
  | 'RATE_LIMIT_EXCEEDED'
  | 'USAGE_LIMIT_REACHED'
  | 'INTERNAL_ERROR';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMIT_EXCEEDED: 429,
  USAGE_LIMIT_REACHED: 429,
  INTERNAL_ERROR: 500,
};

/** The one error type: domain and HTTP code throw it, `handleError` turns it into the documented JSON shape. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

/** A domain refusal in the API's terms: `invalid` is a 400 validation error, `conflict` a 409. */
export function fromDomainError(error: DomainError): ApiError {
  return new ApiError(
    error.kind === 'conflict' ? 'CONFLICT' : 'VALIDATION_ERROR',
    error.message,
    error.details,
  );
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found`);

export type ErrorBody = {
  error: string;
  code: ErrorCode;
  details?: Record<string, string>;
  requestId?: string;
};

/**
 * Flattens zod issues into `{ "field.path": "message" }`. A key the schema does not know is named on its
 * own (`{ "platform": "unknown query parameter" }`), so a caller sees which of its inputs was refused.
 */
export function zodDetails(error: ZodError, unknownKey = 'unknown field'): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details[[...issue.path, key].join('.')] ??= unknownKey;
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    details[key] ??= issue.message;
  }
  return details;
}

export function validationError(
  error: ZodError,
  message = 'Request validation failed',
  unknownKey?: string,
): ApiError {
  return new ApiError('VALIDATION_ERROR', message, zodDetails(error, unknownKey));
}

/** Every router's validation hook: a failed zod parse becomes a 400 in the documented shape. */
export function validationHook(
  result: { success: boolean; error?: unknown; target?: string },
  _c: Context,
): void {
  if (!result.success) {
    const unknownKey = result.target === 'query' ? 'unknown query parameter' : undefined;
    throw validationError(result.error as ZodError, undefined, unknownKey);
  }
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = { error: error.message, code: error.code };
  if (error.details) body.details = error.details;
  const requestId = c.get('requestId' as never) as string | undefined;
  if (requestId) body.requestId = requestId;
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status);
}

/** `app.onError`: known errors keep their code; anything else is logged with its cause and answered 500. */
export function handleError(logger: Logger): ErrorHandler {
  return function onError(err, c) {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof DomainError) return errorResponse(c, fromDomainError(err));
    if (err instanceof HTTPException && err.status < 500) {
      const code: ErrorCode =
        err.status === 413 ? 'PAYLOAD_TOO_LARGE' : err.status === 401 ? 'UNAUTHORIZED' : 'VALIDATION_ERROR';
      return errorResponse(c, new ApiError(code, err.message || 'Bad request'));
    }
    if (err instanceof SyntaxError)
      return errorResponse(c, new ApiError('VALIDATION_ERROR', 'Malformed JSON body'));
    if (isClientAbort(err, c)) {
      logger.debug(
        { requestId: c.get('requestId' as never), path: loggedPath(c) },
        'client closed the request',
      );
      return errorResponse(c, new ApiError('VALIDATION_ERROR', 'The request body was cut short'));
    }
    logger.error({ err, requestId: c.get('requestId' as never), path: loggedPath(c) }, 'unhandled error');
    return errorResponse(c, new ApiError('INTERNAL_ERROR', 'Internal server error'));
  };
}
