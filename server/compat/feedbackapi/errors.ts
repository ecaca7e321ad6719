import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors';
import { ApiError } from '../../http/errors';
import type { Logger } from '../../logger';

/** FeedbackAPI's error types (its reference, "Errors"). */
export type FapiErrorType =
  | 'api_error'
  | 'authentication_error'
  | 'invalid_request_error'
  | 'rate_limit_error';

/** An error FeedbackAPI's way: `{ type, message, param }` with its status codes (400, 401, 402, 404, 429, 500). */
export class FapiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: FapiErrorType,
    message: string,
    readonly param?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 400 `invalid_request_error` naming the parameter. */
export const badParam = (param: string, message: string) =>
  new FapiError(400, 'invalid_request_error', message, param);

/** 404 for an id that is not the caller's (or does not exist: the two are never told apart). */
export const notFoundError = (what: string, param = 'id') =>
  new FapiError(404, 'invalid_request_error', `No such ${what}`, param);

/** A request Plaudit cannot honour: 400 with a message saying what Plaudit does instead. */
export const unsupported = (param: string, message: string) =>
  new FapiError(400, 'invalid_request_error', message, param);

const FROM_NATIVE: Partial<Record<ApiError['code'], [ContentfulStatusCode, FapiErrorType]>> = {
  VALIDATION_ERROR: [400, 'invalid_request_error'],
  NOT_FOUND: [404, 'invalid_request_error'],
  // "The parameters were valid but the request failed": a uniqueness clash with another record.
  CONFLICT: [402, 'invalid_request_error'],
  UNAUTHORIZED: [401, 'authentication_error'],
  FORBIDDEN: [401, 'authentication_error'],
  PAYLOAD_TOO_LARGE: [400, 'invalid_request_error'],
  RATE_LIMIT_EXCEEDED: [429, 'rate_limit_error'],
  // The account's monthly allowance is spent: valid parameters, the request failed (Retry-After kept).
  USAGE_LIMIT_REACHED: [402, 'invalid_request_error'],
};

/** The FeedbackAPI form of anything a route threw: its own errors, Plaudit's ApiError/DomainError, or a crash. */
export function toFapiError(error: unknown): FapiError | undefined {
  if (error instanceof FapiError) return error;
  if (error instanceof DomainError) {
    const param = Object.keys(error.details ?? {})[0];
    return new FapiError(
      error.kind === 'conflict' ? 402 : 400,
      'invalid_request_error',
      error.message,
      param,
    );
  }
  if (error instanceof ApiError) {
    const [status, type] = FROM_NATIVE[error.code] ?? [500, 'api_error'];
    const param = Object.keys(error.details ?? {})[0];
    const detail = param ? `${error.message}: ${param} ${error.details?.[param]}` : error.message;
    return new FapiError(status, type, detail, param, error.headers);
  }
  return undefined;
}

/** The error handler of the FeedbackAPI router: every failure in its shape, no stack trace to the client. */
export function fapiErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const known = toFapiError(error);
    if (!known) {
      logger.error({ err: error, path: c.req.path }, 'feedbackapi compat route failed');
      return c.json({ type: 'api_error', message: 'Something went wrong on our end' }, 500);
    }
    for (const [name, value] of Object.entries(known.headers ?? {})) c.header(name, value);
    const body: Record<string, string> = { type: known.type, message: known.message };
    if (known.param) body.param = known.param;
    return c.json(body, known.status);
  };
}
