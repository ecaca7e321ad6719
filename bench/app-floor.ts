import type { Hono } from 'hono';
import { newId } from '../server/domain/ids';
import { requestText } from '../server/http/request-body';
import { groupCommit } from '../server/pages/landing-commit';
import type { Db } from '../server/store/db';
import type { CapturedResponse } from './load';

// Paths the landing middleware covers (`/r/*`, `/v/*`) and no real route matches.
export const appFloorPagePath = (n: string) => `/r/bench-floor/${n}`;
export const appFloorPostPath = (visitId: string) => `/v/${visitId}/bench-floor`;
// Under the API's gate (`/api/v1/*`) and matching no real route.
export const apiFloorPath = (n: string) => `/api/v1/bench-floor/${n}`;

/**
 * The floors under the landing routes inside the real app: two routes that pass through every middleware a
 * landing request does (request id, compression, access log, body limit, security headers, the cross-site
 * and rate-limit guard) and do no product work.
 * - `GET /r/bench-floor/:n` answers a captured page's bytes, type and cookie (the handler's part of it);
 * - `POST /v/:token/bench-floor` reads the form body, stores it as one row through the landing group commit,
 *   and answers the same 303 as a feedback post.
 * A route cannot beat the floor of its own middleware: a target above a floor's ratio is out of reach of
 * any handler behind that middleware. Registered before the app answers anything (Hono builds its router then);
 * `pages` is filled by the caller afterwards, from the app's own answers.
 */
export function addAppFloors(app: Hono<any>, db: Db, pages: CapturedResponse[]): void {
  let next = 0;
  app.get(appFloorPagePath(':n'), (c) => {
    const page = pages[next++ % pages.length];
    for (const [name, value] of page.headers) {
      if (name === 'content-type') c.header(name, value);
      if (name === 'set-cookie') c.header(name, value, { append: true });
    }
    return c.body(page.body as Uint8Array<ArrayBuffer>, page.status as 200);
  });

  db.exec('CREATE TABLE bench_floor (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_floor (id, body) VALUES (?, ?)');
  const commit = groupCommit(db);
  app.post(appFloorPostPath(':token'), async (c) => {
    const body = await requestText(c);
    await commit(() => insert.run(newId('fb'), body));
    return c.redirect(`/v/${c.req.param('token')}`, 303);
  });
}

/**
 * The floor under an API list inside the real app: `GET /api/v1/bench-floor/:n` passes through every
 * middleware an API request does (request id, compression, access log, the key check, rate limit,
 * idempotency) and answers a captured answer's bytes and type without reading the store. Registered like
 * the landing floors: before the app answers anything, with `answers` filled by the caller afterwards.
 */
export function addApiFloor(app: Hono<any>, answers: CapturedResponse[]): void {
  let next = 0;
  app.get(apiFloorPath(':n'), (c) => {
    const answer = answers[next++ % answers.length];
    const type = answer.headers.find(([name]) => name === 'content-type');
    if (type) c.header(type[0], type[1]);
    return c.body(answer.body as Uint8Array<ArrayBuffer>, answer.status as 200);
  });
}
