import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxPage } from '../../dashboard/screens/inbox/InboxPage';
import { filterFromQuery, inboxUrl } from '../../dashboard/screens/inbox/inbox-query';
import { businesses } from '../../dashboard/state/business';
import { fakeApi, feedback, review } from './fake-api';

function inboxAnswer() {
  return {
    data: [
      {
        type: 'review',
        read: false,
        createdAt: '2026-06-03T10:00:00.000Z',
        review: review({ id: 'rev_new', authorName: 'Ana' }),
      },
      {
        type: 'feedback',
        read: true,
        createdAt: '2026-06-02T10:00:00.000Z',
        feedback: feedback({ id: 'fb_old' }),
      },
      {
        type: 'review',
        read: true,
        createdAt: '2026-06-01T10:00:00.000Z',
        review: review({ id: 'rev_old', authorName: 'Carl', rating: 3 }),
      },
    ],
    pagination: { page: 1, perPage: 25, total: 3, totalPages: 1 },
    unreadCount: 1,
  };
}

function open(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider scope="/dashboard">
      <InboxPage />
    </LocationProvider>,
  );
}

beforeEach(() => {
  businesses.value = [
    { id: 'biz_1', name: 'Joe’s Coffee' } as never,
    { id: 'biz_2', name: 'Joe’s Bakery' } as never,
  ];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the inbox filter in the URL', () => {
  it('reads only the known fields and writes them back', () => {
    const filter = filterFromQuery({ businessId: 'biz_1', rating: '5', q: ' latte ', evil: 'x', unread: '' });
    expect(filter).toEqual({ businessId: 'biz_1', rating: '5', q: 'latte' });
    expect(inboxUrl(filter)).toBe('/dashboard?businessId=biz_1&rating=5&q=latte');
    expect(inboxUrl(filter, 2)).toBe('/dashboard?businessId=biz_1&rating=5&q=latte&page=2');
    expect(inboxUrl({})).toBe('/dashboard');
  });

  it('asks the API with the URL’s filter, and a changed filter becomes the URL and a new request', async () => {
    const api = fakeApi({ 'GET /inbox': inboxAnswer, 'POST /inbox/mark': () => ({ updated: 0 }) });
    open('/dashboard?rating=5&responded=false');
    await screen.findByText('Carl');
    expect(api.of('GET', '/inbox')[0]?.path).toBe('/inbox?rating=5&responded=false&page=1&perPage=25');

    fireEvent.change(screen.getByLabelText('Business'), { target: { value: 'biz_2' } });
    await waitFor(() => expect(location.search).toBe('?businessId=biz_2&rating=5&responded=false'));
    await waitFor(() =>
      expect(api.of('GET', '/inbox').at(-1)?.path).toBe(
        '/inbox?businessId=biz_2&rating=5&responded=false&page=1&perPage=25',
      ),
    );
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'cold soup' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Filter the inbox' }));
    await waitFor(() => expect(new URLSearchParams(location.search).get('q')).toBe('cold soup'));
    // Clearing the filters empties the URL and the form with it.
    fireEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(location.search).toBe(''));
    await waitFor(() => expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe(''));
    expect((screen.getByLabelText('Rating') as HTMLSelectElement).value).toBe('');
  });
});

describe('the inbox list', () => {
  it('shows unread items in bold and says so; read ones plain', async () => {
    fakeApi({ 'GET /inbox': inboxAnswer });
    open('/dashboard');
    const list = await screen.findByRole('list', { name: 'Reviews and feedback' });
    const [unread, feedbackRow, read] = within(list).getAllByRole('listitem');
    expect(unread?.classList.contains('unread')).toBe(true);
    expect(within(unread!).getByText('Ana').tagName).toBe('STRONG');
    expect(unread?.textContent).toContain('(unread)');
    expect(read?.classList.contains('unread')).toBe(false);
    expect(within(read!).getByText('Carl').tagName).not.toBe('STRONG');
    expect(within(feedbackRow!).getByRole('link').getAttribute('href')).toBe('/dashboard/feedback/fb_old');
    expect(within(unread!).getByRole('link').getAttribute('href')).toBe('/dashboard/reviews/rev_new');
    expect(screen.getByText(/3 items, 1 unread/)).toBeTruthy();
  });

  it('marks the selected items read, and every item matching the filter', async () => {
    const api = fakeApi({
      'GET /inbox': inboxAnswer,
      'POST /inbox/mark': () => ({ updated: 2 }),
      'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    });
    open('/dashboard?source=google');
    await screen.findByText('Carl');
    fireEvent.click(screen.getByLabelText('Select review from Ana'));
    fireEvent.click(screen.getByLabelText('Select feedback from Bob'));
    fireEvent.click(screen.getByRole('button', { name: 'Mark read' }));
    await screen.findByText('Marked 2 items read.');
    const [mark] = api.of('POST', '/inbox/mark');
    expect(mark?.body).toEqual({
      read: true,
      items: [
        { type: 'review', id: 'rev_new' },
        { type: 'feedback', id: 'fb_old' },
      ],
    });
    expect(mark?.headers['X-Plaudit-Csrf']).toBe('1');
    // The list and the navigation's count are asked again.
    await waitFor(() => expect(api.of('GET', '/inbox?').length).toBe(2));
    expect(api.of('GET', '/inbox/unread-count').length).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Mark all matching read' }));
    await waitFor(() => expect(api.of('POST', '/inbox/mark').length).toBe(2));
    expect(api.of('POST', '/inbox/mark')[1]?.body).toEqual({ read: true, filter: { source: 'google' } });
  });
});
