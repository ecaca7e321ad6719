import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PendingAction } from '../../dashboard/api/pending';
import { InboxPage } from '../../dashboard/screens/inbox/InboxPage';
import { PendingPage } from '../../dashboard/screens/pending/PendingPage';
import { businesses } from '../../dashboard/state/business';
import { me } from '../../dashboard/state/session';
import { review } from './fake-api';

type Seen = { method: string; path: string; headers: Record<string, string> };

/** A stubbed fetch: `answer` gives [status, body] per "METHOD /path" (query left out); every call is kept. */
function stubApi(answer: (key: string, query: URLSearchParams) => [number, unknown] | undefined) {
  const calls: Seen[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://localhost');
      const method = (init.method ?? 'GET').toUpperCase();
      const path = url.pathname.replace(/^\/api\/v1/, '');
      calls.push({ method, path, headers: { ...(init.headers as Record<string, string>) } });
      const [status, body] = answer(`${method} ${path}`, url.searchParams) ?? [
        404,
        { error: 'Not found', code: 'NOT_FOUND' },
      ];
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

const page = (data: unknown[]) => ({
  data,
  pagination: { page: 1, perPage: 50, total: data.length, totalPages: 1 },
});

function action(overrides: Partial<PendingAction> = {}): PendingAction {
  return {
    id: 'pa_reply',
    organizationId: 'org_1',
    kind: 'review_reply',
    targetId: 'rev_1',
    payload: { reply: 'Thank you, Ana! See you soon.' },
    sandbox: false,
    status: 'pending',
    requestedByKeyId: 'key_ai',
    decidedBy: null,
    resultId: null,
    createdAt: '2026-06-03T10:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

const request = action({
  id: 'pa_request',
  kind: 'review_request',
  targetId: 'biz_1',
  payload: { businessId: 'biz_1', method: 'sms', customerName: 'J. D.', customerPhone: '+1 ••• ••• ••67' },
});
const rejected = action({ id: 'pa_old', status: 'rejected', payload: { reply: 'Old draft' } });

function signIn(scopes: string[]) {
  me.value = { user: { id: 'usr_1' } as never, memberships: [], role: 'owner', scopes, organization: null };
}

/** The answers of an organization with two waiting actions and one rejected one. */
function standardAnswers(extra: (key: string) => [number, unknown] | undefined = () => undefined) {
  return stubApi((key, query) => {
    const own = extra(key);
    if (own) return own;
    if (key === 'GET /pending-actions') {
      return [
        200,
        query.get('status') === 'pending' ? page([action(), request]) : page([action(), request, rejected]),
      ];
    }
    if (key === 'GET /reviews/rev_1') return [200, review({ content: 'Lovely coffee.', authorName: 'Ana' })];
    if (key === 'GET /keys') return [200, page([{ id: 'key_ai', name: 'Claude desktop' }])];
    return undefined;
  });
}

function openPending() {
  history.replaceState(null, '', '/dashboard/pending');
  return render(
    <LocationProvider scope="/dashboard">
      <PendingPage />
    </LocationProvider>,
  );
}

beforeEach(() => {
  businesses.value = [{ id: 'biz_1', name: 'Joe’s Coffee' } as never];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
});

describe('the approvals screen', () => {
  it('shows each waiting action in full, who asked, and the decided ones with their outcome', async () => {
    signIn(['reviews:read', 'reviews:write', 'requests:read', 'requests:write', 'keys:admin']);
    standardAnswers();
    openPending();
    const reply = await screen.findByRole('article', { name: 'Publish a reply to a review' });
    await within(reply).findByText('Lovely coffee.');
    expect(within(reply).getByTestId('proposed-reply').textContent).toBe('Thank you, Ana! See you soon.');
    expect(reply.textContent).toContain('Joe’s Coffee');
    await waitFor(() => expect(reply.textContent).toContain('Claude desktop (key_ai)'));
    expect(reply.textContent).toContain('draft_reply');

    const sms = screen.getByRole('article', { name: 'Send a review request' });
    expect(sms.textContent).toContain('SMS');
    expect(sms.textContent).toContain('J. D.');
    expect(sms.textContent).toContain('+1 ••• ••• ••67');
    expect(sms.textContent).toContain('Joe’s Coffee');
    expect(sms.textContent).toContain('send_review_request');

    const decided = screen.getByRole('list');
    expect(decided.textContent).toContain('Rejected');
    expect(decided.textContent).toContain('Old draft');
    expect(decided.textContent).not.toContain('Thank you, Ana');
  });

  it('approves through the right URL with the CSRF header, then lists again', async () => {
    signIn(['reviews:read', 'reviews:write', 'requests:read', 'requests:write']);
    const calls = standardAnswers((key) =>
      key === 'POST /pending-actions/pa_reply/approve' ? [200, action({ status: 'approved' })] : undefined,
    );
    openPending();
    const reply = await screen.findByRole('article', { name: 'Publish a reply to a review' });
    fireEvent.click(within(reply).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Approved: the reply is published.'),
    );
    const approve = calls.filter((c) => c.method === 'POST');
    expect(approve.map((c) => c.path)).toEqual(['/pending-actions/pa_reply/approve']);
    expect(approve[0].headers['X-Plaudit-Csrf']).toBe('1');
    expect(calls.filter((c) => c.path === '/pending-actions').length).toBe(4);
  });

  it('rejects through its own URL', async () => {
    signIn(['reviews:read', 'requests:read', 'requests:write']);
    const calls = standardAnswers((key) =>
      key === 'POST /pending-actions/pa_request/reject'
        ? [200, { ...request, status: 'rejected' }]
        : undefined,
    );
    openPending();
    const sms = await screen.findByRole('article', { name: 'Send a review request' });
    // A role without reviews:write or reviews:reply cannot decide the reply: no buttons there.
    const reply = screen.getByRole('article', { name: 'Publish a reply to a review' });
    expect(within(reply).queryByRole('button', { name: 'Approve' })).toBeNull();
    fireEvent.click(within(sms).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Rejected: nothing'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/pending-actions/pa_request/reject',
    ]);
  });

  it('says readably that an action was already decided (409)', async () => {
    signIn(['reviews:read', 'reviews:write']);
    const calls = standardAnswers((key) =>
      key === 'POST /pending-actions/pa_reply/approve'
        ? [
            409,
            { error: 'This action was already approved', code: 'CONFLICT', details: { status: 'approved' } },
          ]
        : undefined,
    );
    openPending();
    const reply = await screen.findByRole('article', { name: 'Publish a reply to a review' });
    fireEvent.click(within(reply).getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This action was already approved: someone decided it before you.');
    // Listed again, so the action leaves the waiting list for Decided once the server says so.
    await waitFor(() => expect(calls.filter((c) => c.path === '/pending-actions').length).toBe(4));
  });
});

describe('the inbox notice', () => {
  const inbox = { data: [], pagination: { page: 1, perPage: 25, total: 0, totalPages: 0 }, unreadCount: 0 };
  const openInbox = () => {
    history.replaceState(null, '', '/dashboard');
    return render(
      <LocationProvider scope="/dashboard">
        <InboxPage />
      </LocationProvider>,
    );
  };

  it('counts the waiting actions and links to them for a person who may decide', async () => {
    signIn(['reviews:read', 'reviews:reply']);
    const calls = stubApi((key) =>
      key === 'GET /inbox'
        ? [200, inbox]
        : key === 'GET /pending-actions'
          ? [200, { ...page([action()]), pagination: { page: 1, perPage: 1, total: 3, totalPages: 3 } }]
          : undefined,
    );
    openInbox();
    const link = await screen.findByRole('link', {
      name: '3 actions from AI assistants wait for your approval',
    });
    expect(link.getAttribute('href')).toBe('/dashboard/pending');
    expect(calls.some((c) => c.path === '/pending-actions')).toBe(true);
  });

  it('is absent for a person who may decide nothing, who is not even asked', async () => {
    signIn(['reviews:read', 'requests:read']);
    const calls = stubApi((key) => (key === 'GET /inbox' ? [200, inbox] : undefined));
    openInbox();
    await waitFor(() => expect(calls.some((c) => c.path === '/inbox')).toBe(true));
    expect(calls.some((c) => c.path === '/pending-actions')).toBe(false);
    expect(screen.queryByTestId('pending-notice')).toBeNull();
  });
});
