import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Business } from '../../dashboard/api';
import { ReviewAddPage } from '../../dashboard/screens/review-add/ReviewAddPage';
import { businesses } from '../../dashboard/state/business';
import { fakeApi, review } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  businesses.value = [];
});

describe('adding a review by hand', () => {
  it('posts every field the form names to /reviews and links to the new review', async () => {
    businesses.value = [
      { id: 'biz_1', name: 'Cafe' },
      { id: 'biz_2', name: 'Bakery' },
    ] as Business[];
    const api = fakeApi({ 'POST /reviews': () => review({ id: 'rev_9', authorName: 'Maya' }) });
    render(<ReviewAddPage />);
    fireEvent.change(screen.getByLabelText('Business'), { target: { value: 'biz_2' } });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'yelp' } });
    fireEvent.change(screen.getByLabelText('Rating'), { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('Author'), { target: { value: ' Maya ' } });
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'Great bread' } });
    fireEvent.input(screen.getByLabelText(/^Date/), { target: { value: '2026-05-01' } });
    fireEvent.click(screen.getByLabelText('Show on the widget'));
    fireEvent.click(screen.getByRole('button', { name: 'Add review' }));
    await screen.findByText(/Review by Maya added/);
    expect(api.of('POST', '/reviews')[0].body).toEqual({
      businessId: 'biz_2',
      source: 'yelp',
      rating: 4,
      authorName: 'Maya',
      content: 'Great bread',
      publishedAt: '2026-05-01T12:00:00.000Z',
      showOnWidget: true,
    });
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(
      '/dashboard/reviews/rev_9',
    );
  });

  it('shows the API’s field errors and keeps the form as typed', async () => {
    businesses.value = [{ id: 'biz_1', name: 'Cafe' }] as Business[];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: 'Invalid body',
              code: 'VALIDATION_ERROR',
              details: { rating: 'too big' },
            }),
            { status: 400, headers: { 'Content-Type': 'application/json' } },
          ),
      ),
    );
    render(<ReviewAddPage />);
    fireEvent.input(screen.getByLabelText('Author'), { target: { value: 'Maya' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add review' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('rating: too big');
    expect((screen.getByLabelText('Author') as HTMLInputElement).value).toBe('Maya');
  });
});
