import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { brandCss } from './brand';
import { landingCss } from './styles';

export type PageOptions = {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** The response's CSP nonce: the only inline style and script allowed. */
  nonce: string;
  brandColor: string | null;
  /** The island bundle's URL, or null for pages without an island. */
  script: string | null;
  children: ComponentChildren;
};

/** A whole landing page as an HTML string: Preact escapes every text, CSS is inlined under the nonce. */
export function renderPage(options: PageOptions): string {
  const css = landingCss + brandCss(options.brandColor);
  return `<!doctype html>${render(
    <html lang={options.lang} dir={options.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>{options.title}</title>
        {/* Our own stylesheet (no user text: the brand colour is validated by safeColor). */}
        <style nonce={options.nonce} dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        {options.children}
        {options.script && <script nonce={options.nonce} src={options.script} defer />}
      </body>
    </html>,
  )}`;
}
