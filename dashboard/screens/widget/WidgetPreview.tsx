import { useEffect, useRef } from 'preact/hooks';
import type { WidgetOptions } from '../../../widget/config';
import { dataUrl } from '../../../widget/load';

type Props = { attributes: Record<string, string>; options: WidgetOptions; version: number };

const SCRIPT = 'script[data-plaudit-preview]';

/**
 * The real widget.js drawing the chosen options. `version` changes when the reviews it shows changed: the
 * widget keeps its data for the page's life, so the script is loaded afresh after refreshing the cached data.
 */
export function WidgetPreview({ attributes, options, version }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(attributes);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fresh = version > 0 || !document.querySelector(SCRIPT);
    if (!fresh && window.Plaudit) {
      window.Plaudit.mount(el);
      return () => window.Plaudit?.unmount(el);
    }
    let live = true;
    const base = new URL('/widget.js', location.origin).href;
    // The same request the widget makes, bypassing the HTTP cache, so the new script reads current data.
    const refresh =
      version > 0
        ? fetch(dataUrl(base, options.businessId, [options]), {
            credentials: 'omit',
            mode: 'cors',
            cache: 'reload',
          })
        : Promise.resolve();
    refresh
      .catch(() => undefined)
      .then(() => {
        if (!live) return;
        for (const old of document.querySelectorAll(SCRIPT)) old.remove();
        delete window.Plaudit;
        const script = document.createElement('script');
        script.src = `/widget.js${version > 0 ? `?v=${version}` : ''}`;
        script.async = true;
        script.dataset.plauditPreview = '';
        document.head.append(script);
      });
    return () => {
      live = false;
      window.Plaudit?.unmount(el);
    };
  }, [key, version]);

  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Live preview</h2>
      <div key={`${key}|${version}`} ref={host} {...attributes} />
    </section>
  );
}
