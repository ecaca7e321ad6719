import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, frames, type Harness, hostPage, mountedCount, startHarness } from './widget-harness';

// How the widget behaves towards the page that embeds it: strict CSP, layout stability, colour scheme, laziness.
function pages(path: string, env: Env) {
  const widget = (attrs: string) => `<section data-plaudit-widget="${env.bizA}" ${attrs}></section>`;
  switch (path) {
    case '/csp':
      return {
        html: hostPage(env, `<div id="own">Host text</div>${widget('data-layout="list"')}`),
        // No 'unsafe-inline' for styles: a <style> the widget injected would be blocked, a constructed sheet is not.
        csp: `default-src 'none'; script-src ${env.plauditUrl}; connect-src ${env.plauditUrl}; img-src ${env.plauditUrl} data:; style-src 'self'`,
      };
    case '/reserved':
    case '/unreserved': {
      const reserve = path === '/reserved' ? ' style="min-height: 320px"' : '';
      return {
        html: hostPage(
          env,
          `<h1>Joe's Coffee</h1><div data-plaudit-widget="${env.bizA}" data-layout="list" data-limit="1" data-show-summary="false"${reserve}></div>
           <p id="below" style="height: 400px">Opening hours: 8 to 18.</p>`,
          { hostile: false },
        ),
      };
    }
    case '/themes':
      return {
        html: hostPage(
          env,
          `${widget('data-layout="list" data-theme="auto" id="auto"')}
           ${widget('data-layout="list" data-theme="light" id="light"')}
           ${widget('data-layout="list" data-theme="dark" id="dark"')}`,
          { hostile: false },
        ),
      };
    case '/lazy':
      return {
        html: hostPage(env, `<p style="height: 5000px">Top of the page</p>${widget('data-layout="list"')}`, {
          hostile: false,
        }),
      };
    default:
      return null;
  }
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(pages);
});
afterAll(() => harness?.close());

/** Computed styles of an element inside the widget in host `hostSelector`. */
const widgetStyle = (page: Page, hostSelector: string, inner: string) =>
  page.evaluate(
    ([hostSelector, inner]) => {
      const el = document.querySelector(hostSelector)!.shadowRoot!.querySelector(inner)!;
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, color: s.color, border: s.borderTop, radius: s.borderTopLeftRadius };
    },
    [hostSelector, inner],
  );

/** Relative luminance (0 black … 1 white) of an `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('widget towards its host page', () => {
  it("is styled under a CSP without 'unsafe-inline' for styles", async () => {
    const { page, errors } = await harness.open('/csp', {
      init: () => {
        const w = window as never as { violations: string[] };
        w.violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
        );
      },
    });
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    // Only the widget's sheet draws this border and this button: unstyled, both would be plain.
    expect(await widgetStyle(page, '[data-plaudit-widget]', '.card')).toMatchObject({
      border: '1px solid rgb(209, 217, 224)',
      radius: '12px',
    });
    expect((await widgetStyle(page, '[data-plaudit-widget]', '.btn')).bg).toBe('rgb(37, 99, 235)');
    // The host's own external sheet still applies, and nothing the widget did was refused by the policy.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('own')!).color)).toBe(
      'rgb(255, 0, 0)',
    );
    expect(await page.evaluate(() => (window as never as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('causes no layout shift when the host reserves its height', async () => {
    const cls = async (path: string) => {
      const { page } = await harness.open(path, {
        init: () => {
          const w = window as never as { cls: number };
          w.cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as never as { value: number; hadRecentInput: boolean }[])
              if (!e.hadRecentInput) w.cls += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        },
      });
      await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
      const read = () => page.evaluate(() => (window as never as { cls: number }).cls);
      await frames(page);
      return { page, read };
    };
    // Without a reservation the paragraph below is pushed down: the measurement does see shifts.
    const unreserved = await cls('/unreserved');
    await expect.poll(unreserved.read, { timeout: 10_000 }).toBeGreaterThan(0.01);
    await unreserved.page.close();

    const reserved = await cls('/reserved');
    const height = await reserved.page.evaluate(
      () => document.querySelector('[data-plaudit-widget]')!.getBoundingClientRect().height,
    );
    expect(height).toBe(320);
    await frames(reserved.page);
    expect(await reserved.read()).toBeLessThan(0.01);
    await reserved.page.close();
  });

  it('follows the colour scheme with data-theme="auto" and keeps an explicit theme', async () => {
    const { page } = await harness.open('/themes');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(3);
    const scheme = async (colorScheme: 'dark' | 'light') => {
      await page.emulateMedia({ colorScheme });
      const [auto, light, dark] = await Promise.all(
        ['#auto', '#light', '#dark'].map((id) => widgetStyle(page, id, '.card')),
      );
      return {
        auto: luminance(auto.bg),
        text: luminance(auto.color),
        light: luminance(light.bg),
        dark: luminance(dark.bg),
      };
    };
    const dark = await scheme('dark');
    expect(dark.auto).toBeLessThan(0.1);
    expect(dark.text).toBeGreaterThan(0.5);
    const light = await scheme('light');
    expect(light.auto).toBeGreaterThan(0.8);
    expect(light.text).toBeLessThan(0.1);
    // Explicit themes ignore the scheme.
    expect([dark.light, light.light]).toEqual([1, 1]);
    for (const l of [dark.dark, light.dark]) expect(l).toBeLessThan(0.1);
    await page.close();
  });

  it('fetches a widget far below the fold only when it comes near, once', async () => {
    const { page, dataRequests } = await harness.open('/lazy', { height: 800 });
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('[data-plaudit-widget]')!.hasAttribute('data-plaudit-mounted'),
        ),
      )
      .toBe(true);
    // The widget's intersection observer has reported "not near" by the time ours, created later, reports.
    const observed = () =>
      page.evaluate(
        () =>
          new Promise<boolean>((done) => {
            const io = new IntersectionObserver(([entry]) => {
              io.disconnect();
              done(entry.isIntersecting);
            });
            io.observe(document.querySelector('[data-plaudit-widget]')!);
          }),
      );
    expect(await observed()).toBe(false);
    await frames(page);
    expect(dataRequests).toEqual([]);
    // Scrolling part of the way is not near enough.
    await page.evaluate(() => window.scrollTo(0, 2500));
    expect(await page.evaluate(() => scrollY)).toBe(2500);
    await observed();
    await frames(page);
    expect(dataRequests).toEqual([]);
    expect(await mountedCount(page)).toBe(0);
    // Near the fold (the top of the widget 100 px below the viewport): one request, and the widget renders.
    await page.evaluate(() => {
      const top = document.querySelector('[data-plaudit-widget]')!.getBoundingClientRect().top + scrollY;
      window.scrollTo(0, top - innerHeight - 100);
    });
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    // Scrolling past it and back does not fetch again.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frames(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page);
    expect(dataRequests).toHaveLength(1);
    expect(dataRequests[0]).toContain(`${harness.plauditUrl}/widget/v1/${harness.bizA}.json`);
    await page.close();
  });
});
