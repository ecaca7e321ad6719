import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors';
import { ApiError, fromDomainError } from '../../http/errors';
import type { Logger } from '../../logger';

/**
 * Cloutly documents its status codes (400, 401, 404, 429) but no error body, so Plaudit answers the common
 * `{statusCode, error, message}` shape, with `details` naming the fields of a 400 by Cloutly's names.
 */
export type CloutlyErrorBody = {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, string>;
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** An error response in Cloutly's shape. */
export function cloutlyError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  details?: Record<string, string>,
): Response {
  const body: CloutlyErrorBody = { statusCode: status, error: REASONS[status] ?? 'Error', message };
  if (details) body.details = details;
  return c.json(body, status);
}

/** Plaudit's error, answered in Cloutly's shape with the same status and headers (`Retry-After` …). */
export function cloutlyApiError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return cloutlyError(c, error.status, error.message, error.details);
}

/** The router's `onError`: every failure in Cloutly's shape; unknown ones logged and answered 500. */
export function cloutlyOnError(logger: Logger): ErrorHandler {
  return function cloutlyOnError(err, c) {
    if (err instanceof ApiError) return cloutlyApiError(c, err);
    if (err instanceof DomainError) return cloutlyApiError(c, fromDomainError(err));
    if (err instanceof HTTPException && err.status < 500) {
      return cloutlyError(c, err.status as ContentfulStatusCode, err.message || 'Bad request');
    }
    if (err instanceof SyntaxError) return cloutlyError(c, 400, 'Malformed JSON body');
    logger.error({ err, path: c.req.path }, 'unhandled error in the Cloutly router');
    return cloutlyError(c, 500, 'Internal server error');
  };
}
