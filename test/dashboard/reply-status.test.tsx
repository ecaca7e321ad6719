import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyForm } from '../../dashboard/screens/review/ReplyForm';
import type { ReplyState } from '../../dashboard/screens/review/ReplyStatus';
import { review } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const replied = (source: string, state: ReplyState) =>
  ({ ...review({ source, reply: 'Thank you, Ana!', responded: true }), ...state }) as never;

describe('a reply’s status on the review’s platform', () => {
  it('pending and posted say where the reply stands', () => {
    render(<ReplyForm review={replied('google', { replyStatus: 'pending' })} onChange={() => {}} />);
    expect(screen.getByTestId('reply-status').textContent).toContain('Posting to Google');
    cleanup();
    render(<ReplyForm review={replied('google', { replyStatus: 'posted' })} onChange={() => {}} />);
    expect(screen.getByTestId('reply-status').textContent).toBe('Posted on Google.');
  });

  it('failed gives the reason and how to retry', () => {
    render(
      <ReplyForm
        review={replied('facebook', {
          replyStatus: 'failed',
          replyError: 'Facebook answered 403: page token expired',
        })}
        onChange={() => {}}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not posted on Facebook: Facebook answered 403: page token expired.');
    expect(alert.textContent).toContain('Save the reply again to try once more');
    expect(screen.getByRole('link', { name: 'Connections' }).getAttribute('href')).toBe(
      '/dashboard/settings/connections',
    );
  });

  it('local says the reply stays in Plaudit and links to answer on the platform', () => {
    render(
      <ReplyForm
        review={replied('yelp', {
          replyStatus: 'local',
          replyUrl: 'https://biz.yelp.com/r2r/corner-cafe-sf',
        })}
        onChange={() => {}}
      />,
    );
    expect(screen.getByTestId('reply-status').textContent).toContain('This reply stays in Plaudit');
    const link = screen.getByRole('link', { name: 'Answer on Yelp' });
    expect(link.getAttribute('href')).toBe('https://biz.yelp.com/r2r/corner-cafe-sf');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('a review of Plaudit’s own says nothing about a platform', () => {
    render(<ReplyForm review={replied('plaudit', {})} onChange={() => {}} />);
    expect(screen.queryByTestId('reply-status')).toBeNull();
  });
});
