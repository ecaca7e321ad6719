import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, type Harness, hostPage, mountedCount, startHarness, XSS } from './widget-harness';

// Real Chromium against the built dist/widget.js (npm run test:browser builds first), embedded by a host page
// served from another origin with hostile CSS.
const ARTIFACTS = resolve(process.cwd(), 'test-artifacts');
const LAYOUTS = ['list', 'grid', 'carousel', 'badge', 'floating'];

// The host's own elements: one it styles, a plain one, one its CSS hides, one wearing the widget's class names.
const MARKERS = `<div id="own">Host text</div><p id="plain">Plain host text</p><div id="gone">Hidden by the host</div>
<p id="decoy" class="pw card btn badge fl av">Host element with the widget's class names</p>`;

function allLayouts(env: Env): string {
  return `${MARKERS}
<section data-plaudit-widget="${env.bizA}" data-layout="list"></section>
<div data-plaudit-widget="${env.bizB}" data-layout="grid"></div>
<section data-plaudit-widget="${env.bizA}" data-layout="carousel"></section>
<section data-plaudit-widget="${env.bizB}" data-layout="badge"></section>
<section data-plaudit-widget="${env.bizA}" data-layout="floating"></section>
<p id="tall">Host content long enough to scroll</p><button id="cta" type="button">Host button</button>`;
}

function pages(path: string, env: Env) {
  if (path === '/all') return { html: hostPage(env, allLayouts(env)) };
  // The same page without the widget script: what the host's elements look like when Plaudit is not there.
  if (path === '/control')
    return { html: hostPage(env, allLayouts(env)).replace(/<script[^>]*><\/script>/, '') };
  const layout = path.match(/^\/layout\/(\w+)$/)?.[1];
  if (layout)
    return {
      html: hostPage(
        env,
        `${MARKERS}<section data-plaudit-widget="${env.bizA}" data-layout="${layout}"></section>`,
      ),
    };
  return null;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(pages);
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => harness?.close());

/** The computed styles of the host's marker elements, and the sheets the document itself has. */
const hostStyles = (page: Page) =>
  page.evaluate(() => {
    const props = [
      'display',
      'position',
      'color',
      'fontFamily',
      'fontSize',
      'marginTop',
      'backgroundColor',
      'borderTopWidth',
      'borderTopLeftRadius',
      'boxShadow',
    ] as const;
    const styleOf = (el: Element) => {
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s[p]]));
    };
    return {
      body: styleOf(document.body),
      own: styleOf(document.getElementById('own')!),
      plain: styleOf(document.getElementById('plain')!),
      gone: styleOf(document.getElementById('gone')!),
      decoy: styleOf(document.getElementById('decoy')!),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
    };
  });

describe('widget in Chromium', () => {
  it('renders every layout of two businesses on a hostile page, leaving the page alone', async () => {
    const { page, errors, warnings } = await harness.open('/all');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(5);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const host = await hostStyles(page);
    // The hostile CSS really applies to the host: `all: unset` strips the body margin and the <p> block display,
    // `div { display: none !important }` hides a plain div, and the host's own rule styles #own.
    expect(host.body).toMatchObject({ marginTop: '0px' });
    expect(host.plain).toMatchObject({ display: 'inline', marginTop: '0px' });
    expect(host.gone).toMatchObject({ display: 'none' });
    expect(host.own).toMatchObject({
      display: 'block',
      color: 'rgb(255, 0, 0)',
      fontFamily: 'serif',
      fontSize: '20px',
    });
    // The widget's sheet lives in its shadow roots: host elements wearing its class names get none of it.
    expect(host.decoy).toMatchObject({
      position: 'static',
      backgroundColor: 'rgba(0, 0, 0, 0)',
      borderTopWidth: '0px',
      borderTopLeftRadius: '0px',
      boxShadow: 'none',
    });
    expect({ sheets: host.sheets, adopted: host.adopted }).toEqual({ sheets: 1, adopted: 0 });
    // And nothing on the host differs from the same page without Plaudit.
    const control = await harness.open('/control');
    expect(await mountedCount(control.page)).toBe(0);
    expect(host).toEqual(await hostStyles(control.page));
    await control.page.close();
    // Each widget is visible and styled by its own sheet, whatever `* { all: unset }` says.
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-plaudit-widget]')).map((h) => {
        const card = h.shadowRoot!.querySelector('.card, .badge')!;
        const s = getComputedStyle(card);
        return { height: card.getBoundingClientRect().height, radius: s.borderTopLeftRadius };
      }),
    );
    for (const box of boxes) expect(box.height).toBeGreaterThan(20);
    expect(boxes[0].radius).toBe('12px');
    await page.close();
  });

  it('pins the floating badge to the corner of the viewport without taking clicks from the host', async () => {
    const { page } = await harness.open('/all');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(5);
    const where = () =>
      page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('[data-layout="floating"]')!;
        const badge = host.shadowRoot!.querySelector('.badge')!;
        const r = badge.getBoundingClientRect();
        const at = (x: number, y: number) => {
          const el = document.elementFromPoint(x, y);
          return el === host ? 'widget' : el?.id || el?.tagName;
        };
        return {
          position: getComputedStyle(badge).position,
          fromRight: innerWidth - r.right,
          fromBottom: innerHeight - r.bottom,
          size: { w: r.width, h: r.height },
          hostHeight: host.getBoundingClientRect().height,
          center: at(r.left + r.width / 2, r.top + r.height / 2),
          // Just outside the badge, left and above: the widget must not catch those clicks.
          left: at(r.left - 4, r.top + r.height / 2),
          above: at(r.left + r.width / 2, r.top - 4),
        };
      });
    const before = await where();
    expect(before.position).toBe('fixed');
    expect(before.fromRight).toBeGreaterThanOrEqual(0);
    expect(before.fromRight).toBeLessThanOrEqual(32);
    expect(before.fromBottom).toBeGreaterThanOrEqual(0);
    expect(before.fromBottom).toBeLessThanOrEqual(32);
    expect(before.size.w).toBeLessThan(400);
    expect(before.size.h).toBeLessThan(80);
    // It takes no room in the host's flow, sits on top of the page, and only its own box is clickable.
    expect(before.hostHeight).toBe(0);
    expect(before.center).toBe('widget');
    expect(before.left).not.toBe('widget');
    expect(before.above).not.toBe('widget');
    // Scrolling the page does not move it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
    const after = await where();
    expect([after.fromRight, after.fromBottom, after.center]).toEqual([
      before.fromRight,
      before.fromBottom,
      'widget',
    ]);
    // The host's own fixed button in the other corner still gets its clicks (Playwright refuses a covered target).
    await page.evaluate(() => {
      const w = window as never as { hostClicks: number };
      w.hostClicks = 0;
      document.getElementById('cta')!.addEventListener('click', () => w.hostClicks++);
    });
    await page.locator('#cta').click({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as never as { hostClicks: number }).hostClicks)).toBe(1);
    // And the badge is a working button.
    await page.locator('[data-layout="floating"] button.badge').click();
    await expect.poll(() => page.getByRole('dialog', { name: "Joe's Coffee" }).isVisible()).toBe(true);
    await page.close();
  });

  it("fills each card's stars to its rating, not to the width of the card", async () => {
    const { page } = await harness.open('/all');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(5);
    // A card is a grid: a stretched star row would show a 3★ review's filled part across five stars.
    const fills = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-plaudit-widget]')).flatMap((h) =>
        Array.from(h.shadowRoot!.querySelectorAll('.card .st')).map((stars) => ({
          label: stars.getAttribute('aria-label'),
          // The filled part against the five glyphs themselves (the text node after the filled span).
          share: (() => {
            const glyphs = document.createRange();
            glyphs.selectNodeContents(stars.lastChild!);
            return (
              stars.querySelector('.on')!.getBoundingClientRect().width / glyphs.getBoundingClientRect().width
            );
          })(),
        })),
      ),
    );
    const three = fills.find((f) => f.label === 'Rated 3 out of 5');
    expect(three, JSON.stringify(fills)).toBeDefined();
    expect(three!.share).toBeGreaterThan(0.5);
    expect(three!.share).toBeLessThan(0.7);
    await page.close();
  });

  it('shows hostile review text as text and runs none of it', async () => {
    const { page } = await harness.open('/layout/list');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    const result = await page.evaluate((xss) => {
      const root = document.querySelector('[data-plaudit-widget]')!.shadowRoot!;
      const texts = Array.from(root.querySelectorAll('.tx')).map((p) => p.textContent);
      return {
        shown: texts.includes(xss),
        injected: root.querySelectorAll('img[src=x], script').length,
        pwned: (window as never as { pwned?: number }).pwned,
      };
    }, XSS);
    expect(result).toEqual({ shown: true, injected: 0, pwned: undefined });
    await page.close();
  });

  it('moves the carousel with the keyboard', async () => {
    const { page } = await harness.open('/layout/carousel');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    const region = page.locator('section.car');
    await region.focus();
    const label = () => page.locator('.slide [role=group]').getAttribute('aria-label');
    expect(await label()).toBe('1 / 3');
    await page.keyboard.press('ArrowRight');
    expect(await label()).toBe('2 / 3');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await label()).toBe('3 / 3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await label()).toBe('2 / 3');
    await page.close();
  });

  it('opens the badge dialog, closes it with Escape and returns focus', async () => {
    const { page } = await harness.open('/layout/badge');
    await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
    await page.locator('button.badge').click();
    const dialog = page.getByRole('dialog', { name: "Joe's Coffee" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('article').count()).toBe(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const focused = await page.evaluate(
      () => document.querySelector('[data-plaudit-widget]')!.shadowRoot!.activeElement?.className,
    );
    expect(focused).toContain('badge');
    await page.close();
  });

  it('saves screenshots of each layout at 375 and 1280 px', async () => {
    for (const width of [375, 1280]) {
      for (const layout of LAYOUTS) {
        const { page } = await harness.open(`/layout/${layout}`, { width });
        await expect.poll(() => mountedCount(page), { timeout: 10_000 }).toBe(1);
        await page.screenshot({ path: resolve(ARTIFACTS, `widget-${layout}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
