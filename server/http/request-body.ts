import type { Context } from 'hono';
import { nodeIncoming, requestHeader } from './request-header';

/**
 * The body's length when Node serves the request and the client declared it (Content-Length, no transfer
 * coding): Node's parser then delivers exactly that many bytes, so the body can be judged by this number and
 * read straight from Node. Otherwise undefined, and the body goes through Hono's web Request.
 */
export function declaredBodyLength(c: Context): number | undefined {
  if (!nodeIncoming(c) || requestHeader(c, 'transfer-encoding') !== undefined) return undefined;
  const length = requestHeader(c, 'content-length');
  return length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
}

const texts = new WeakMap<object, Promise<string>>();

/**
 * The request body as text. A body of declared length is read from Node's stream: asking Hono would build
 * a web Request and a web stream around it, which cost more than a whole landing form post's own work.
 * Read once per request, however many times it is asked for.
 */
export function requestText(c: Context): Promise<string> {
  let text = texts.get(c.req);
  if (!text) {
    const incoming = nodeIncoming(c);
    text = incoming && declaredBodyLength(c) !== undefined ? readAll(incoming) : c.req.text();
    texts.set(c.req, text);
  }
  return text;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
