/** Why domain code refused: the HTTP layer maps `invalid` to 400 and `conflict` to 409. */
export type DomainErrorKind = 'invalid' | 'conflict';

/**
 * The plain error pure domain code throws: a kind, a message and per-field details, with no HTTP in it, so
 * the API, the CLI and tests can each say it their own way.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
