import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Review } from '../../dashboard/api';
import { FeedbackPage } from '../../dashboard/screens/feedback/FeedbackPage';
import { ReviewPage } from '../../dashboard/screens/review/ReviewPage';
import { fakeApi, feedback, review } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A review the fake server keeps, so each answer reflects the calls before it. */
function reviewServer(start: Review) {
  let current = start;
  const api = fakeApi({
    'GET /reviews/rev_1': () => current,
    'POST /inbox/mark': () => ({ updated: 1 }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    'POST /reviews/rev_1/reply': (call) => {
      const reply = (call.body as { reply: string }).reply;
      current = { ...current, reply, responded: true, repliedAt: '2026-06-05T10:00:00.000Z' };
      return current;
    },
    'DELETE /reviews/rev_1/reply': () => {
      current = { ...current, reply: null, responded: false, repliedAt: null };
      return undefined;
    },
    'PATCH /reviews/rev_1': (call) => {
      current = { ...current, ...(call.body as Partial<Review>) };
      return current;
    },
  });
  return api;
}

const openReview = () =>
  render(
    <LocationProvider>
      <ReviewPage id="rev_1" />
    </LocationProvider>,
  );

describe('a review', () => {
  it('is marked read when opened and shows its full text', async () => {
    const api = reviewServer(review({ content: 'A long and detailed review of the coffee.' }));
    openReview();
    await screen.findByText('A long and detailed review of the coffee.');
    await waitFor(() =>
      expect(api.of('POST', '/inbox/mark')[0]?.body).toEqual({
        read: true,
        items: [{ type: 'review', id: 'rev_1' }],
      }),
    );
  });

  it('takes a reply, lets it be edited, then deleted', async () => {
    vi.stubGlobal('confirm', () => true);
    const api = reviewServer(review());
    openReview();
    fireEvent.input(await screen.findByLabelText('Public reply'), { target: { value: 'Thank you, Ana!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post reply' }));
    await screen.findByRole('heading', { name: 'Your reply' });
    expect(screen.getByText('Thank you, Ana!')).toBeTruthy();
    expect(api.of('POST', '/reviews/rev_1/reply')[0]?.body).toEqual({ reply: 'Thank you, Ana!' });

    fireEvent.click(screen.getByRole('button', { name: 'Edit reply' }));
    const box = screen.getByLabelText('Public reply') as HTMLTextAreaElement;
    expect(box.value).toBe('Thank you, Ana!');
    fireEvent.input(box, { target: { value: 'Thank you, Ana — see you soon!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reply' }));
    await screen.findByText('Thank you, Ana — see you soon!');
    expect(api.of('POST', '/reviews/rev_1/reply')[1]?.body).toEqual({
      reply: 'Thank you, Ana — see you soon!',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Delete reply' }));
    await screen.findByRole('button', { name: 'Post reply' });
    expect(api.of('DELETE', '/reviews/rev_1/reply')).toHaveLength(1);
    expect(screen.queryByText('Thank you, Ana — see you soon!')).toBeNull();
  });

  it('is shown on the widget and hidden with toggle buttons', async () => {
    const api = reviewServer(review());
    openReview();
    const show = await screen.findByRole('button', { name: 'Show on widget' });
    expect(show.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(show);
    await screen.findByText('Shown on the widget.');
    expect(api.of('PATCH', '/reviews/rev_1')[0]?.body).toEqual({ showOnWidget: true });
    expect(screen.getByRole('button', { name: 'Show on widget' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(screen.getByLabelText('Tags (comma-separated)'), {
      target: { value: 'staff, coffee, staff' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    await screen.findByText('Tags saved.');
    expect(api.of('PATCH', '/reviews/rev_1')[1]?.body).toEqual({ tags: ['staff', 'coffee'] });
  });
});

describe('a private feedback', () => {
  it('links its contact details, names its card, and resolves with a note', async () => {
    let current = feedback();
    const api = fakeApi({
      'GET /feedback/fb_1': () => current,
      'POST /inbox/mark': () => ({ updated: 1 }),
      'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
      'PATCH /feedback/fb_1': (call) => {
        current = { ...current, ...(call.body as object) };
        return current;
      },
    });
    render(
      <LocationProvider>
        <FeedbackPage id="fb_1" />
      </LocationProvider>,
    );
    expect((await screen.findByRole('link', { name: 'bob@example.com' })).getAttribute('href')).toBe(
      'mailto:bob@example.com',
    );
    expect(screen.getByRole('link', { name: '+1 555 0100' }).getAttribute('href')).toBe('tel:+15550100');
    expect(screen.getByText(/A QR card “Counter”/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Note (only your team sees it)'), {
      target: { value: 'Called Bob, refunded.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve with note' }));
    await screen.findByText('Resolved.');
    expect(api.of('PATCH', '/feedback/fb_1')[0]?.body).toEqual({
      status: 'resolved',
      note: 'Called Bob, refunded.',
    });
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
  });
});
