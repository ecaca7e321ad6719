import type { Context } from 'hono';
import { renderToString } from 'preact-render-to-string';
import { DEFAULTS, LAYOUTS, readOptions, THEMES, type WidgetOptions } from '../../widget/config';
import { LANGS } from '../../widget/i18n';
import type { AppDeps } from '../http/context';
import { getPublicBusiness } from '../store/businesses';
import { newNonce } from './security-headers';

// Query names are the data-attribute names without `data-`, so the page and the snippet read the same.
const FIELDS = [
  'layout',
  'theme',
  'accent',
  'limit',
  'min-rating',
  'sources',
  'lang',
  'show-replies',
  'show-summary',
  'jsonld',
  'autoplay',
];
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

// Static code, no data in it: copies the snippet.
const COPY_SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest('[data-copy]');if(!b)return;var t=document.getElementById(b.getAttribute('data-copy'));navigator.clipboard.writeText(t.value).then(function(){b.textContent='Copied'},function(){t.select()})});`;

/** The snippet for the options: only the attributes that differ from the defaults, all values already validated. */
export function snippetFor(
  publicUrl: string,
  options: WidgetOptions,
): { attributes: Record<string, string>; text: string } {
  const attributes: Record<string, string> = { 'data-plaudit-widget': options.businessId };
  for (const field of FIELDS) {
    const key = camel(field) as keyof typeof DEFAULTS;
    const value = options[key];
    if (value === null || JSON.stringify(value) === JSON.stringify(DEFAULTS[key])) continue;
    attributes[`data-${field}`] = Array.isArray(value) ? value.join(',') : String(value);
  }
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  return { attributes, text: `<div ${attrs}></div>\n<script src="${publicUrl}/widget.js" async></script>` };
}

/** `GET /widget`: pick a business and options, see the live widget, copy the snippet. */
export function widgetOwnerPage(deps: AppDeps) {
  return function widgetOwner(c: Context) {
    const query = c.req.query();
    const dataset: Record<string, string | undefined> = {
      plauditWidget: query.business?.trim() || undefined,
    };
    for (const field of FIELDS) if (query[field]) dataset[camel(field)] = query[field];
    const { options, invalid } = query.business ? readOptions(dataset) : { options: null, invalid: [] };
    const business = options ? getPublicBusiness(deps.db, options.businessId) : undefined;
    const nonce = newNonce();
    const html = renderToString(
      <OwnerPage
        nonce={nonce}
        query={query}
        invalid={invalid}
        businessName={business?.name}
        snippet={options && business ? snippetFor(deps.config.publicUrl, options) : null}
        asked={Boolean(query.business)}
      />,
    );
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'`,
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${html}`);
  };
}

type PageProps = {
  nonce: string;
  query: Record<string, string>;
  invalid: string[];
  businessName?: string;
  snippet: ReturnType<typeof snippetFor> | null;
  asked: boolean;
};

function OwnerPage({ nonce, query, invalid, businessName, snippet, asked }: PageProps) {
  const select = (name: string, values: readonly string[], fallback: string) => (
    <label>
      {name}
      <select name={name}>
        {values.map((v) => (
          <option value={v} selected={(query[name] ?? fallback) === v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  const text = (name: string, hint: string) => (
    <label>
      {name}
      <input name={name} value={query[name] ?? ''} placeholder={hint} />
    </label>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Plaudit widget builder</title>
        <style nonce={nonce}>
          {
            'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}form{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.75rem;align-items:end}label{display:grid;gap:.25rem;font-weight:600}input,select,button{font:inherit;padding:.4rem;min-height:44px}textarea{width:100%;font:14px ui-monospace,monospace;min-height:5rem}.warn{color:#a40000}.preview{border:1px dashed #999;padding:1rem;margin-top:1rem}'
          }
        </style>
      </head>
      <body>
        <h1>Widget builder</h1>
        <form method="get" action="/widget">
          <label>
            business id
            <input name="business" value={query.business ?? ''} placeholder="biz_…" required />
          </label>
          {select('layout', LAYOUTS, DEFAULTS.layout)}
          {select('theme', THEMES, DEFAULTS.theme)}
          {select('lang', ['', ...LANGS], '')}
          {text('accent', '#2563eb')}
          {text('limit', String(DEFAULTS.limit))}
          {text('min-rating', '1')}
          {text('sources', 'google,yelp')}
          {select('show-replies', ['true', 'false'], 'true')}
          {select('show-summary', ['true', 'false'], 'true')}
          {select('jsonld', ['false', 'true'], 'false')}
          {text('autoplay', '0 (seconds)')}
          <button type="submit">Preview</button>
        </form>
        {invalid.length > 0 && (
          <p class="warn">Ignored invalid values: {invalid.join(', ')} (defaults used).</p>
        )}
        {asked && !snippet && <p class="warn">No active business with that id.</p>}
        {snippet && (
          <>
            <h2>Snippet for {businessName}</h2>
            <textarea id="snippet" readOnly aria-label="Embed snippet" value={snippet.text} />
            <button type="button" data-copy="snippet">
              Copy
            </button>
            <h2>Live preview</h2>
            <div class="preview">
              <div {...snippet.attributes} />
            </div>
            <script src="/widget.js" async />
            <script src="/widget/owner.js" async />
          </>
        )}
      </body>
    </html>
  );
}

/** `GET /widget/owner.js`: the builder's copy button, as a file so the page's CSP needs no inline script. */
export function ownerScript(c: Context) {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(COPY_SCRIPT);
}
