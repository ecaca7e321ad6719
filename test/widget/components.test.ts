import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { review, widgetData } from './fixtures';
import { renderWidget } from './render';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('list layout', () => {
  it('shows the summary over all visible reviews, each review, and the link to leave one', () => {
    const { ui } = renderWidget();
    expect(ui.getByText("Joe's Coffee")).toBeTruthy();
    expect(ui.getByText('Based on all 142 visible reviews')).toBeTruthy();
    expect(ui.getByRole('img', { name: 'Rated 4.6 out of 5' })).toBeTruthy();
    expect(ui.getAllByRole('article')).toHaveLength(3);
    expect(ui.getAllByRole('img', { name: 'Rated 5 out of 5' })).toHaveLength(1);
    expect(ui.getByRole('link', { name: 'Leave a review' }).getAttribute('href')).toBe(
      'http://plaudit.test/b/joes',
    );
    expect(ui.getAllByRole('img', { name: 'Google' })).toHaveLength(3);
  });

  it('renders hostile review text as text', () => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const { root, ui } = renderWidget(
      {},
      widgetData({}, [review({ content: evil, authorName: '<b>x</b>' })]),
    );
    expect(ui.getByText(evil)).toBeTruthy();
    expect(ui.getByText('<b>x</b>')).toBeTruthy();
    expect(root.querySelector('img[src=x], script, b')).toBeNull();
  });

  it('never turns a javascript: link from the data into an href', () => {
    const { ui } = renderWidget({}, widgetData({ reviewLink: 'javascript:alert(1)' }));
    expect(ui.queryByRole('link')).toBeNull();
  });

  it('folds long text behind Read more', () => {
    const { ui } = renderWidget({}, widgetData({}, [review({ content: 'word '.repeat(100) })]));
    const more = ui.getByRole('button', { name: 'Read more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toBe('Show less');
  });

  it('shows initials when there is no avatar or it fails to load', () => {
    const doc = widgetData({}, [
      review({ authorName: 'Ann Lee', authorAvatarUrl: null }),
      review({ authorName: 'Émile Zola', authorAvatarUrl: 'https://img.example/broken.png' }),
    ]);
    const { root } = renderWidget({}, doc);
    expect(root.querySelector('span.av')?.textContent).toBe('AL');
    const img = root.querySelector('img.av')!;
    fireEvent.error(img);
    expect(Array.from(root.querySelectorAll('span.av')).map((a) => a.textContent)).toEqual(['AL', 'ÉZ']);
  });

  it("shows the owner's reply unless show-replies is false", () => {
    const doc = widgetData({}, [review({ reply: 'Thank you!' })]);
    expect(renderWidget({}, doc).ui.getByText('Thank you!')).toBeTruthy();
    expect(renderWidget({ showReplies: 'false' }, doc).ui.queryByText('Thank you!')).toBeNull();
  });

  it('applies filters, theme, accent and hides the summary on request', () => {
    const { root, ui } = renderWidget({
      minRating: '4',
      limit: '1',
      theme: 'dark',
      accent: '#ff0066',
      showSummary: 'false',
    });
    expect(ui.getAllByRole('article')).toHaveLength(1);
    const pw = root.querySelector<HTMLElement>('.pw')!;
    expect(pw.dataset.theme).toBe('dark');
    expect(pw.style.getPropertyValue('--pw-ac')).toBe('#ff0066');
    expect(ui.queryByText('Based on all 142 visible reviews')).toBeNull();
  });

  it('speaks Arabic right to left and other languages with their own strings and dates', () => {
    const ar = renderWidget({}, widgetData(), 'ar');
    expect(ar.root.querySelector('.pw')?.getAttribute('dir')).toBe('rtl');
    const fr = renderWidget({}, widgetData(), 'fr');
    expect(fr.ui.getByRole('link', { name: 'Laisser un avis' })).toBeTruthy();
    expect(fr.root.querySelector('time')?.textContent).toMatch(/mars/);
  });
});

describe('grid layout', () => {
  it('lays the cards in a grid inside a size container', () => {
    const { root, ui } = renderWidget({ layout: 'grid' });
    expect(root.querySelector('.gw > .grid')).not.toBeNull();
    expect(ui.getAllByRole('article')).toHaveLength(3);
  });
});

describe('carousel layout', () => {
  it('shows one review at a time and moves with buttons and arrow keys', () => {
    const reviews = [
      review({ content: 'first' }),
      review({ content: 'second' }),
      review({ content: 'third' }),
    ];
    const { ui } = renderWidget({ layout: 'carousel' }, widgetData({}, reviews));
    expect(ui.getByText('first')).toBeTruthy();
    expect(ui.queryByText('second')).toBeNull();
    fireEvent.click(ui.getByRole('button', { name: 'Next review' }));
    expect(ui.getByText('second')).toBeTruthy();
    const region = ui.getByRole('region', { name: "Joe's Coffee" });
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(ui.getByText('third')).toBeTruthy();
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(ui.getByText('first')).toBeTruthy();
    fireEvent.keyDown(region, { key: 'ArrowLeft' });
    expect(ui.getByText('third')).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'Previous review' }));
    expect(ui.getByText('second')).toBeTruthy();
  });

  it('moves on a swipe', () => {
    const { ui } = renderWidget(
      { layout: 'carousel' },
      widgetData({}, [review({ content: 'a' }), review({ content: 'b' })]),
    );
    const region = ui.getByRole('region');
    fireEvent.pointerDown(region, { clientX: 300 });
    fireEvent.pointerUp(region, { clientX: 200 });
    expect(ui.getByText('b')).toBeTruthy();
  });

  it('does not autoplay unless asked, and never under prefers-reduced-motion', () => {
    vi.useFakeTimers();
    const reviews = [review({ content: 'one' }), review({ content: 'two' })];
    const still = renderWidget({ layout: 'carousel' }, widgetData({}, reviews));
    vi.advanceTimersByTime(60_000);
    expect(still.ui.getByText('one')).toBeTruthy();
    still.unmount();

    const playing = renderWidget({ layout: 'carousel', autoplay: '3' }, widgetData({}, reviews));
    vi.advanceTimersByTime(3_000);
    expect(playing.ui.getByText('two')).toBeTruthy();
    playing.widget.destroy();

    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce'), media: q }));
    const reduced = renderWidget({ layout: 'carousel', autoplay: '3' }, widgetData({}, reviews));
    vi.advanceTimersByTime(30_000);
    expect(reduced.ui.getByText('one')).toBeTruthy();
  });
});

describe('badge layouts', () => {
  it('opens the reviews in a dialog and gives focus back when it closes', async () => {
    const { ui } = renderWidget({ layout: 'badge' });
    const badge = ui.getByRole('button', { name: 'Rated 4.6 out of 5 · 142 reviews' });
    expect(badge.textContent).toContain('4.6');
    fireEvent.click(badge);
    const dialog = ui.getByRole('dialog', { name: "Joe's Coffee" });
    expect(ui.getAllByRole('article')).toHaveLength(3);
    fireEvent.click(ui.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(dialog.isConnected).toBe(false);
    expect((badge.getRootNode() as ShadowRoot).activeElement).toBe(badge);
  });

  it('closes on Escape', async () => {
    const { ui } = renderWidget({ layout: 'badge' });
    fireEvent.click(ui.getByRole('button'));
    fireEvent.keyDown(ui.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
  });

  it('floats in a corner as the floating badge', () => {
    const { root } = renderWidget({ layout: 'floating' });
    expect(root.querySelector('button.badge.fl')).not.toBeNull();
  });
});
