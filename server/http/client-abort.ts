import type { Context } from 'hono';
import { nodeIncoming } from './request-header';

// What Node and the web streams over it throw when the client goes away while its body is being read.
const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * Whether `err` is the client closing its connection mid-request (a phone losing signal during a form
 * post): nothing is wrong with the server, so it is no error to log, and nobody is left to answer.
 */
export function isClientAbort(err: unknown, c: Context): boolean {
  if (nodeIncoming(c)?.readableAborted) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return err.name === 'AbortError' || (typeof code === 'string' && ABORT_CODES.has(code));
}
