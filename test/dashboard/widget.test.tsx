import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actInOrganization, call } from '../../dashboard/api';
import { WidgetReviewPicker } from '../../dashboard/screens/widget/WidgetReviewPicker';
import { snippetFor } from '../../dashboard/screens/widget/widget-snippet';
import { readOptions } from '../../widget/config';
import { fakeApi, review } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  actInOrganization(null);
});

describe('the widget snippet', () => {
  it('lists only the options that differ from the defaults, and the widget reads them back the same', () => {
    const { options } = readOptions({
      plauditWidget: 'biz_1',
      layout: 'carousel',
      minRating: '4',
      showReplies: 'false',
    });
    const snippet = snippetFor('https://reviews.example.com', options!);
    expect(snippet.text).toBe(
      '<div data-plaudit-widget="biz_1" data-layout="carousel" data-min-rating="4" data-show-replies="false"></div>\n' +
        '<script src="https://reviews.example.com/widget.js" async></script>',
    );
    const dataset = Object.fromEntries(
      Object.entries(snippet.attributes).map(([k, v]) => [
        k.slice(5).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
        v,
      ]),
    );
    expect(readOptions(dataset).options).toEqual(options);
  });

  it('cannot be broken out of by a value (a bad accent never reaches it)', () => {
    const { options, invalid } = readOptions({ plauditWidget: 'biz_1', accent: '"><script>x</script>' });
    expect(invalid).toEqual(['accent']);
    expect(snippetFor('https://x.test', options!).text).not.toContain('<script>x');
  });
});

describe('choosing the reviews the widget shows', () => {
  it('toggles one review, and shows every 5★ review with text in one bulk call', async () => {
    let reviews = [
      review({ id: 'rev_a', authorName: 'Ana' }),
      review({ id: 'rev_b', authorName: 'Bea', rating: 4 }),
    ];
    const api = fakeApi({
      'GET /reviews': () => ({
        data: reviews,
        pagination: { page: 1, perPage: 50, total: 2, totalPages: 1 },
      }),
      'PATCH /reviews/rev_b': (c) => {
        reviews = reviews.map((r) => (r.id === 'rev_b' ? { ...r, ...(c.body as object) } : r));
        return reviews[1];
      },
      'POST /reviews/bulk': () => {
        reviews = reviews.map((r) => (r.rating === 5 ? { ...r, showOnWidget: true } : r));
        return { updated: 1 };
      },
    });
    const changed = vi.fn();
    render(<WidgetReviewPicker businessId="biz_1" onChanged={changed} />);
    const bea = await screen.findByRole('checkbox', { name: /Bea/ });
    expect(api.of('GET', '/reviews')[0]?.path).toBe('/reviews?businessId=biz_1&perPage=50&hidden=false');
    fireEvent.click(bea);
    await screen.findByText('Shown: review by Bea.');
    expect(api.of('PATCH', '/reviews/rev_b')[0]?.body).toEqual({ showOnWidget: true });

    fireEvent.click(screen.getByRole('button', { name: 'Show every 5★ review with text' }));
    await screen.findByText('1 five-star review with text now shown.');
    expect(api.of('POST', '/reviews/bulk')[0]?.body).toEqual({
      filter: { businessId: 'biz_1', minRating: 5, hasText: true },
      set: { showOnWidget: true },
    });
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /Ana/ }) as HTMLInputElement).checked).toBe(true),
    );
    expect(changed).toHaveBeenCalledTimes(2);

    fireEvent.input(screen.getByLabelText('Search reviews'), { target: { value: 'latte' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Review search' }));
    await waitFor(() => expect(api.of('GET', '/reviews').at(-1)?.path).toContain('q=latte'));
  });
});

describe('every API call', () => {
  it('sends the CSRF header, the session cookie and the chosen organization', async () => {
    const api = fakeApi({ 'POST /inbox/mark': () => ({ updated: 0 }) });
    actInOrganization('org_agency_client');
    await call('POST', '/inbox/mark', { read: true, filter: {} });
    const [sent] = api.fetch.mock.calls;
    expect(sent?.[1]).toMatchObject({ credentials: 'same-origin', method: 'POST' });
    expect(api.calls[0]?.headers).toMatchObject({
      'X-Plaudit-Csrf': '1',
      'Plaudit-Organization': 'org_agency_client',
      'Content-Type': 'application/json',
    });
  });

  it('turns an error answer into an ApiFailure with the code and field details', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            error: 'Request validation failed',
            code: 'VALIDATION_ERROR',
            details: { reply: 'too long' },
          }),
          {
            status: 400,
          },
        ),
    );
    await expect(call('POST', '/reviews/rev_1/reply', { reply: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      details: { reply: 'too long' },
    });
  });
});
