import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../dashboard/app';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

const USER = { id: 'usr_1', email: 'jo@example.com', name: 'Jo', instanceAdmin: true };
const ME = {
  user: USER,
  memberships: [{ organizationId: 'org_1', organizationName: 'Acme', role: 'owner' }],
  role: 'owner',
  scopes: [],
  organization: { id: 'org_1', name: 'Acme' },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
  sessionChecked.value = false;
});

describe('signing in', () => {
  it('sends a signed-out visitor to the sign-in form, then back where they were headed', async () => {
    let signedIn = false;
    const api = fakeApi({
      'GET /me': () => (signedIn ? ME : undefined),
      'POST /auth/login': () => {
        signedIn = true;
        return { user: USER, memberships: ME.memberships };
      },
      'GET /inbox': () => ({
        data: [],
        pagination: { page: 1, perPage: 25, total: 0, totalPages: 0 },
        unreadCount: 0,
      }),
      'GET /inbox/unread-count': () => ({ total: 4, reviews: 3, feedback: 1 }),
      'GET /businesses': () => ({ data: [] }),
      'GET /organizations': () => ({ data: [] }),
    });
    history.replaceState(null, '', '/dashboard?unread=true');
    sessionChecked.value = true;
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/dashboard/login'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/dashboard?unread=true');

    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: ' jo@example.com ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(location.pathname + location.search).toBe('/dashboard?unread=true'));
    expect(api.of('POST', '/auth/login')[0]?.body).toEqual({
      email: 'jo@example.com',
      password: 'correct horse battery',
    });
    // The shell's navigation carries the unread count.
    expect((await screen.findByTestId('unread-count')).textContent).toBe('4 unread');
    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeTruthy();
  });

  it('says what the server said when the password is wrong', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('/auth/login')
        ? new Response(JSON.stringify({ error: 'Email or password is incorrect', code: 'UNAUTHORIZED' }), {
            status: 401,
          })
        : new Response(JSON.stringify({ error: 'x', code: 'UNAUTHORIZED' }), { status: 401 }),
    );
    history.replaceState(null, '', '/dashboard/login');
    sessionChecked.value = true;
    render(<App />);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'jo@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Email or password is incorrect');
    expect(location.pathname).toBe('/dashboard/login');
  });

  it('asks to sign in again when the session ends while the app is open', async () => {
    fakeApi({
      'GET /me': () => ME,
      'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
      'GET /businesses': () => ({ data: [] }),
      'GET /organizations': () => ({ data: [] }),
    });
    const original = globalThis.fetch;
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
      url.startsWith('/api/v1/inbox?')
        ? Promise.resolve(
            new Response(JSON.stringify({ error: 'Session expired', code: 'UNAUTHORIZED' }), { status: 401 }),
          )
        : original(url, init),
    );
    me.value = ME as never;
    sessionChecked.value = true;
    history.replaceState(null, '', '/dashboard?rating=1');
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/dashboard/login'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/dashboard?rating=1');
    expect(me.value).toBeNull();
  });
});
