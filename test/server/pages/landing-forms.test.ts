import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { formFields, textFields } from '../../../server/pages/landing-forms';

const URLENCODED = 'application/x-www-form-urlencoded';

/** Posts the same body twice: once read by `formFields`, once by Hono's `parseBody` (text fields only). */
async function bothWays(body: BodyInit | (() => BodyInit), contentType?: string) {
  let fast: Record<string, string> | undefined;
  let slow: Record<string, unknown> | undefined;
  const app = new Hono();
  app.post('/fast', async (c) => {
    fast = await formFields(c);
    return c.body(null, 204);
  });
  app.post('/slow', async (c) => {
    slow = await c.req.parseBody();
    return c.body(null, 204);
  });
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  const make = () => (typeof body === 'function' ? body() : body);
  await app.request('/fast', { method: 'POST', body: make(), headers });
  await app.request('/slow', { method: 'POST', body: make(), headers });
  if (!fast || !slow) throw new Error('a route did not run');
  return { fast, slow, slowText: textFields(slow) };
}

const URLENCODED_BODIES: Array<[string, string]> = [
  ['plain fields', 'rating=4&comments=Great'],
  ['a repeated key (last value wins)', 'rating=1&rating=2&rating=5'],
  ['name[] lists (not text fields) next to plain fields', 'tags[]=a&tags[]=b&name=Jo&only[]=x'],
  ['an encoded name[]', 'tags%5B%5D=a&name=Jo'],
  ['+ and %20 and an encoded +', 'a=hello+world&b=hello%20world&c=1%2B1&d=++'],
  ['malformed percent escapes', 'a=%&b=%zz&c=100%25&d=%E2%82&e=%'],
  ['percent-encoded invalid UTF-8', 'a=%FF%FE&b=%C3'],
  ['empty values, a bare key, an empty key and empty pairs', 'a=&b&=c&&d=1&'],
  ['unicode, encoded and raw', 'name=%C3%A9l%C3%A8ve&emoji=%F0%9F%91%8D&raw=日本語&ar=مرحبا'],
  ['prototype-ish names', '__proto__=x&constructor=y&toString=z&hasOwnProperty=w'],
  ['a leading question mark', '?rating=5&comments=x'],
  ['semicolons are not separators', 'a=1;b=2'],
  ['line breaks in a value', 'comments=line%0D%0Aline2%0Aline3'],
  ['an equals sign inside a value', 'a=b=c&d==e'],
  ['only separators', '&&&'],
  ['an empty body', ''],
  [
    'a honeypot and a rating as the landing form posts them',
    'website=&rating=2&comments=%3Cscript%3E%22%26%27',
  ],
];

describe('formFields', () => {
  it.each(URLENCODED_BODIES)('parses a urlencoded body as parseBody does: %s', async (_name, body) => {
    const { fast, slowText } = await bothWays(body, URLENCODED);
    expect(fast).toStrictEqual(slowText);
  });

  it('gives the same string values as parseBody itself, dropping exactly its name[] arrays', async () => {
    const { fast, slow } = await bothWays('a=1&a=2&tags[]=x&tags[]=y&b=%20', URLENCODED);
    expect(slow).toMatchObject({ a: '2', b: ' ', 'tags[]': ['x', 'y'] });
    expect(fast).toStrictEqual({ a: '2', b: ' ' });
  });

  it.each([
    ['with a charset', `${URLENCODED}; charset=UTF-8`],
    ['in upper case', 'Application/X-WWW-Form-URLEncoded'],
    ['with spaces around the parameter', `${URLENCODED} ;charset=utf-8`],
  ])('treats the content type %s as urlencoded, as parseBody does', async (_name, type) => {
    const { fast, slowText } = await bothWays('rating=3&rating=4&name=%C3%A9', type);
    expect(fast).toStrictEqual(slowText);
    expect(fast).toStrictEqual({ rating: '4', name: 'é' });
  });

  it('parses raw bytes that are not valid UTF-8 as parseBody does', async () => {
    const bytes = () => new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0x26, 0x62, 0x3d, 0xc3]);
    const { fast, slowText } = await bothWays(bytes, URLENCODED);
    expect(fast).toStrictEqual(slowText);
  });

  // Known divergence (reported, not a failure of the landing forms): `c.req.text()` strips a UTF-8 byte
  // order mark, undici's `formData()` keeps it in the first name. Browsers never send one; pinned so a
  // change on either side is noticed.
  it('differs from parseBody only in dropping a leading byte order mark', async () => {
    const { fast, slowText } = await bothWays('\uFEFFrating=5&a=1', URLENCODED);
    expect(fast).toStrictEqual({ rating: '5', a: '1' });
    expect(slowText).toStrictEqual({ '\uFEFFrating': '5', a: '1' });
  });

  it.each([
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['JSON', 'application/json'],
  ])('returns what parseBody returns for %s', async (_name, type) => {
    const { fast, slowText } = await bothWays('rating=5', type);
    expect(fast).toStrictEqual(slowText);
  });

  it('parses multipart through parseBody: last value wins, name[] and files dropped, unicode kept', async () => {
    const form = () => {
      const data = new FormData();
      data.append('rating', '1');
      data.append('rating', '5');
      data.append('tags[]', 'a');
      data.append('tags[]', 'b');
      data.append('comments', 'é 👍 <b>&amp;</b> "quoted" \'single\'');
      data.append('empty', '');
      data.append('upload', new File(['binary'], 'photo.jpg', { type: 'image/jpeg' }));
      return data;
    };
    const { fast, slowText } = await bothWays(form);
    expect(fast).toStrictEqual(slowText);
    expect(fast).toStrictEqual({ rating: '5', comments: 'é 👍 <b>&amp;</b> "quoted" \'single\'', empty: '' });
  });
});
