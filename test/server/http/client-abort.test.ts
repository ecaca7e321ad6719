import { type AddressInfo, connect } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger';
import { setup } from '../helpers';

// A client that goes away mid-body (a phone losing signal during a post) is not a server error: over a
// real Node server on loopback, since app.request() has no connection to lose.

describe('a client that disconnects mid-body', () => {
  const lines: Array<Record<string, any>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const t = setup({ logger: createLogger('debug', sink) });
  let port = 0;
  let close = () => {};
  beforeAll(async () => {
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((ready) => server.once('listening', ready));
    port = (server.address() as AddressInfo).port;
    close = () => server.close();
  });
  afterAll(() => close());

  /** Sends the head and part of the body of a POST, then drops the connection; resolves once logged. */
  async function postThenVanish(path: string, headers: Record<string, string>, chunked: boolean) {
    const before = lines.length;
    const socket = connect(port, '127.0.0.1');
    await new Promise((ready) => socket.once('connect', ready));
    const head = [
      `POST ${path} HTTP/1.1`,
      'host: 127.0.0.1',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    head.push(chunked ? 'transfer-encoding: chunked' : 'content-length: 5000');
    socket.write(`${head.join('\r\n')}\r\n\r\n${chunked ? 'a\r\n{"name":"x' : 'comments=half'}`);
    await new Promise((wait) => setTimeout(wait, 50));
    socket.destroy();
    for (let i = 0; i < 100 && !lines.slice(before).some((l) => l.msg === 'request'); i++) {
      await new Promise((wait) => setTimeout(wait, 20));
    }
    return lines.slice(before);
  }

  it('is logged at debug, not as an error, for API and landing form posts alike', async () => {
    const business = await t.createBusiness({ slug: 'abort-test' });
    const page = await (
      await fetch(`http://127.0.0.1:${port}/b/${business.slug}`, { headers: { 'user-agent': 'Mozilla/5.0' } })
    ).text();
    const token = /\/v\/(visit_[A-Za-z0-9]+)/.exec(page)?.[1];
    expect(token).toBeDefined();
    const cases: Array<[string, Record<string, string>, boolean]> = [
      [
        '/api/v1/customers',
        { authorization: `Bearer ${t.orgKey}`, 'content-type': 'application/json' },
        true,
      ],
      [`/v/${token}/feedback`, { 'content-type': 'application/x-www-form-urlencoded' }, false],
      [`/v/${token}/feedback`, { 'content-type': 'application/x-www-form-urlencoded' }, true],
    ];
    for (const [path, headers, chunked] of cases) {
      const logged = await postThenVanish(path, headers, chunked);
      const what = `${path} chunked=${chunked}`;
      expect(
        logged.filter((l) => l.level >= 50),
        what,
      ).toEqual([]);
      expect(logged.find((l) => l.msg === 'request')?.status, what).toBeLessThan(500);
      const noted = logged.find((l) => l.msg === 'client closed the request');
      expect(noted?.level, what).toBe(20);
      expect(JSON.stringify(logged), what).not.toContain(token);
    }
    const after = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
      headers: { authorization: `Bearer ${t.orgKey}` },
    });
    expect(after.status).toBe(200);
  });
});
