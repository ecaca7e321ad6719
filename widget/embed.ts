import { Widget } from './components/widget';
import { readOptions, type WidgetOptions } from './config';
import { resolveLang } from './i18n';
import { addJsonLd } from './jsonld';
import { loadBusiness } from './load';
import { mountInShadow } from './mount';
import { warn } from './warn';

// First, while it still points at us: it is null once this synchronous run ends.
const script = document.currentScript as HTMLScriptElement | null;

export type PlauditApi = { mount(el: Element): void; unmount(el: Element): void };
declare global {
  interface Window {
    Plaudit?: PlauditApi;
  }
}

const MARK = 'data-plaudit-mounted';
// Start fetching a little before the widget scrolls into view.
const ROOT_MARGIN = '300px 0px';

const base = script?.src || document.querySelector<HTMLScriptElement>('script[src$="/widget.js"]')?.src || '';
const known = new Map<string, WidgetOptions[]>();
const unmounts = new WeakMap<Element, () => void>();
const starts = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | null | undefined;

function lazily(el: Element, start: () => void): void {
  if (observer === undefined) {
    observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                if (!entry.isIntersecting) continue;
                observer?.unobserve(entry.target);
                starts.get(entry.target)?.();
              }
            },
            { rootMargin: ROOT_MARGIN },
          )
        : null;
  }
  if (!observer) {
    start();
    return;
  }
  starts.set(el, start);
  observer.observe(el);
}

async function show(el: HTMLElement, options: WidgetOptions): Promise<void> {
  const data = await loadBusiness(base, options.businessId, known.get(options.businessId) ?? [options]);
  if (!data || !el.hasAttribute(MARK)) return;
  const lang = options.lang ?? resolveLang(document.documentElement.lang, data.business.locale);
  const widget = Widget(options, data, lang);
  const remove = mountInShadow(el, widget.node);
  unmounts.set(el, () => {
    widget.destroy();
    remove();
  });
  if (options.jsonld) addJsonLd(data);
}

/** Mounts the widget a `[data-plaudit-widget]` element describes; mounting twice does nothing. */
function mount(el: Element): void {
  try {
    if (!(el instanceof HTMLElement) || el.hasAttribute(MARK)) return;
    if (!base) {
      warn('cannot tell where widget.js was loaded from');
      return;
    }
    const { options, invalid } = readOptions(el.dataset);
    if (!options) {
      warn('data-plaudit-widget must hold a business id');
      return;
    }
    if (invalid.length)
      warn(`invalid data-${invalid.join(', data-')} on "${options.businessId}"; using defaults`);
    el.setAttribute(MARK, '');
    known.set(options.businessId, [...(known.get(options.businessId) ?? []), options]);
    const start = () => {
      show(el, options).catch(() => warn(`could not render "${options.businessId}"`));
    };
    // A floating badge sits in a corner of the viewport wherever its host is, so it never waits.
    if (options.layout === 'floating') start();
    else lazily(el, start);
  } catch {
    warn('could not mount a widget');
  }
}

/** Removes a widget mounted by `mount`; its host can be mounted again. */
function unmount(el: Element): void {
  try {
    observer?.unobserve(el);
    unmounts.get(el)?.();
    unmounts.delete(el);
    el.removeAttribute(MARK);
  } catch {
    warn('could not unmount a widget');
  }
}

function scan(): void {
  for (const el of Array.from(document.querySelectorAll('[data-plaudit-widget]'))) api.mount(el);
}

// A second copy of the script on the page reuses the first one's API, so hosts are still mounted once.
window.Plaudit ??= { mount, unmount };
const api = window.Plaudit;
scan();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
