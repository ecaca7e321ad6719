import { randomBytes } from 'node:crypto';

// Stand-ins rendered in place of the two per-response values. Random per process and hex, so no business
// name or string can contain them by accident, and no escaping (HTML text, attribute, JSON) changes them.
const TOKEN_MARK = `t${randomBytes(12).toString('hex')}`;
const NONCE_MARK = `n${randomBytes(12).toString('hex')}`;
const MAX_ENTRIES = 1000;

// Visit tokens and CSP nonces are the only values substituted; both must pass unchanged through escaping.
const SAFE_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_NONCE = /^[A-Za-z0-9+/=]{1,64}$/;

const templates = new WeakMap<object, Map<string, string>>();

/**
 * Renders a page once per distinct input and reuses the HTML, with the visit token and the CSP nonce
 * substituted per response. `key` must name every input of `render` except those two (the cache
 * is exact: a different business name, colour, language, greeting or step is a different entry), and
 * `scope` is an object the key is relative to (the language's strings). Output is byte-identical to
 * calling `render(token, nonce)`.
 */
export function renderTemplate(
  scope: object,
  key: string,
  token: string,
  nonce: string,
  render: (token: string, nonce: string) => string,
): string {
  if (!SAFE_TOKEN.test(token) || !SAFE_NONCE.test(nonce)) return render(token, nonce);
  let byKey = templates.get(scope);
  if (!byKey) {
    byKey = new Map();
    templates.set(scope, byKey);
  }
  let template = byKey.get(key);
  if (template === undefined) {
    template = render(TOKEN_MARK, NONCE_MARK);
    if (byKey.size >= MAX_ENTRIES) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, template);
  }
  return template.replaceAll(TOKEN_MARK, token).replaceAll(NONCE_MARK, nonce);
}
