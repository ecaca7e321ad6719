import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError } from '../../domain/errors';
import { ApiError, fromDomainError } from '../../http/errors';
import type { Logger } from '../../logger';

/** An EmbedMyReviews error: `{ message }`, plus `errors` (field → messages) on a 422. */
export class EmrError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly errors?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A 422 naming fields, with the product's summary message ("… (and 1 more error)"). */
export function invalid(errors: Record<string, string[]>): EmrError {
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  const summary = more > 0 ? `${messages[0]} (and ${more} more error${more > 1 ? 's' : ''})` : messages[0];
  return new EmrError(422, summary ?? 'The given data was invalid.', errors);
}

/** One field's 422. */
export const invalidField = (field: string, message: string) => invalid({ [field]: [message] });

/**
 * A failed native validation (Plaudit's own schema, run on the translated fields) as the product's 422, each
 * issue named by the product's field (`productField` maps Plaudit's names; others keep theirs).
 */
export function fromNative(error: ZodError, productField: Record<string, string>): EmrError {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = productField[String(issue.path[0])] ?? String(issue.path[0] ?? 'body');
    errors[field] = [...(errors[field] ?? []), `The ${field.replace(/_/g, ' ')} field ${issue.message}.`];
  }
  return invalid(errors);
}

/** Zod issues as the product words them: "The rating field is required." */
export function fromZod(error: ZodError): EmrError {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'body';
    const label = field.replace(/_/g, ' ');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const text = missing ? `The ${label} field is required.` : `The ${label} field ${issue.message}.`;
    errors[field] = [...(errors[field] ?? []), text];
  }
  return invalid(errors);
}

const STATUS_MESSAGES: Partial<Record<number, string>> = { 401: 'Unauthenticated.' };

/** Plaudit's own errors (thrown by the shared domain functions) in the product's shape. */
function fromApiError(error: ApiError): EmrError {
  if (error.code === 'VALIDATION_ERROR' || error.code === 'CONFLICT') {
    const details = error.details ?? { body: error.message };
    return invalid(
      Object.fromEntries(Object.entries(details).map(([field, why]) => [field, [`The ${field} ${why}.`]])),
    );
  }
  return new EmrError(error.status, STATUS_MESSAGES[error.status] ?? error.message, undefined, error.headers);
}

/** Answers every error of the router in the product's shape; unknown errors are logged, never shown. */
export function emrErrorHandler(logger: Logger): ErrorHandler {
  return function emrError(error: Error, c: Context) {
    let known: EmrError;
    if (error instanceof EmrError) known = error;
    else if (error instanceof ApiError) known = fromApiError(error);
    else if (error instanceof DomainError) known = fromApiError(fromDomainError(error));
    else if (error instanceof SyntaxError) known = invalidField('body', 'The body must be valid JSON.');
    else if (error instanceof HTTPException)
      known = new EmrError(error.status, error.message || 'Request error.');
    else {
      logger.error({ err: error, path: c.req.path }, 'embedmyreviews compat error');
      known = new EmrError(500, 'Server Error');
    }
    for (const [name, value] of Object.entries(known.headers ?? {})) c.header(name, value);
    const body = known.errors ? { message: known.message, errors: known.errors } : { message: known.message };
    return c.json(body, known.status);
  };
}
