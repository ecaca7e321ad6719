import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { widgetData } from './fixtures';

type Observed = { el: Element; fire: () => void };
let observed: Observed[];
let fetchMock: ReturnType<typeof vi.fn>;
let warn: ReturnType<typeof vi.spyOn>;

// Stands in for IntersectionObserver so tests decide when a widget comes near the viewport.
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(el: Element) {
    observed.push({
      el,
      fire: () => this.callback([{ isIntersecting: true, target: el } as never], this as never),
    });
  }
  unobserve() {}
  disconnect() {}
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

function host(id: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('data-plaudit-widget', id);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(`data-${k}`, v);
  document.body.append(el);
  return el;
}

async function loadScript() {
  const script = document.createElement('script');
  script.src = 'https://reviews.example.com/widget.js';
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  await import('../../widget/embed');
  Object.defineProperty(document, 'currentScript', { value: null, configurable: true });
}

const seeAll = () => {
  for (const o of observed) o.fire();
};

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '';
  delete window.Plaudit;
  observed = [];
  fetchMock = vi.fn(async (url: string) =>
    ok(widgetData({ business: { ...widgetData().business, id: new URL(url).pathname } })),
  );
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  warn.mockRestore();
});

const rendered = (el: Element) => el.shadowRoot?.querySelector('.pw') ?? null;

describe('embed', () => {
  it('mounts every host, one request per business, without credentials, from the script origin', async () => {
    const a1 = host('biz_a');
    const a2 = host('biz_a', { layout: 'grid' });
    const b = host('biz_b', { layout: 'badge' });
    await loadScript();
    seeAll();
    await vi.waitFor(() => expect([a1, a2, b].every(rendered)).toBe(true));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const urls = fetchMock.mock.calls.map((call) => new URL(call[0] as string));
    expect(urls.map((u) => `${u.origin}${u.pathname}`).sort()).toEqual([
      'https://reviews.example.com/widget/v1/biz_a.json',
      'https://reviews.example.com/widget/v1/biz_b.json',
    ]);
    expect(fetchMock.mock.calls.every((call) => call[1].credentials === 'omit')).toBe(true);
    expect(b.shadowRoot?.querySelector('button.badge')).not.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('waits for a host to come near the viewport before fetching', async () => {
    host('biz_a');
    await loadScript();
    await Promise.resolve();
    expect(fetchMock).not.toHaveBeenCalled();
    seeAll();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  });

  it('mounts hosts that come after the script once the document is parsed', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    await loadScript();
    const late = host('biz_a');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    seeAll();
    await vi.waitFor(() => expect(rendered(late)).not.toBeNull());
  });

  it('mounts idempotently, through window.Plaudit too, and a second copy of the script changes nothing', async () => {
    const el = host('biz_a');
    await loadScript();
    const api = window.Plaudit!;
    api.mount(el);
    api.mount(el);
    vi.resetModules();
    await loadScript();
    expect(window.Plaudit).toBe(api);
    seeAll();
    await vi.waitFor(() => expect(rendered(el)).not.toBeNull());
    expect(el.shadowRoot!.querySelectorAll('.pw')).toHaveLength(1);
    expect(observed).toHaveLength(1);

    const later = host('biz_c');
    api.mount(later);
    seeAll();
    await vi.waitFor(() => expect(rendered(later)).not.toBeNull());
    api.unmount(later);
    expect(rendered(later)).toBeNull();
  });

  it('falls back to defaults on bad options with one warning per host', async () => {
    const el = host('biz_a', { layout: 'spiral', limit: 'lots', accent: 'red;background:url(x)' });
    await loadScript();
    seeAll();
    await vi.waitFor(() => expect(rendered(el)).not.toBeNull());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^\[plaudit\] invalid data-layout, data-accent, data-limit/);
    expect(el.shadowRoot!.querySelector('.list')).not.toBeNull();
  });

  it.each([
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a 404', async () => new Response('{"code":"NOT_FOUND"}', { status: 404 })],
    ['bad JSON', async () => new Response('<html>', { status: 200 })],
    ['an unexpected document', async () => ok({ hello: 'world' })],
  ])('renders nothing and warns once on %s', async (_, respond) => {
    fetchMock.mockImplementation(respond);
    const el = host('biz_a');
    host('biz_a', { layout: 'carousel' });
    await loadScript();
    expect(() => seeAll()).not.toThrow();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0][0]).toMatch(/^\[plaudit\] /);
    expect(rendered(el)).toBeNull();
  });

  it('adds JSON-LD to the page only when asked', async () => {
    host('biz_a');
    await loadScript();
    seeAll();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('script[type="application/ld+json"]')).toBeNull();

    vi.resetModules();
    delete window.Plaudit;
    observed = [];
    host('biz_j', { jsonld: 'true' });
    await loadScript();
    seeAll();
    await vi.waitFor(() =>
      expect(document.querySelector('script[type="application/ld+json"]')).not.toBeNull(),
    );
    const json = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(json.aggregateRating).toMatchObject({
      '@type': 'AggregateRating',
      ratingValue: 4.6,
      reviewCount: 142,
    });
  });
});
