import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../dashboard/app';
import { chooseOrganization } from '../../dashboard/state/organization';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

const ADMIN = {
  user: { id: 'usr_1', email: 'ops@example.com', name: 'Ops', instanceAdmin: true },
  memberships: [{ organizationId: 'org_1', organizationName: 'Agency', role: 'owner' }],
  role: 'owner',
  scopes: ['team:admin'],
  organization: { id: 'org_1', name: 'Agency' },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
  sessionChecked.value = false;
  chooseOrganization(null);
});

function signedInApp() {
  const api = fakeApi({
    'GET /me': () => ADMIN,
    'GET /organizations': () => ({
      data: [
        { id: 'org_1', name: 'Agency' },
        { id: 'org_2', name: 'Client bakery' },
      ],
    }),
    'GET /businesses': () => ({ data: [] }),
    'GET /inbox': () => ({
      data: [],
      pagination: { page: 1, perPage: 25, total: 0, totalPages: 0 },
      unreadCount: 0,
    }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    'GET /auth/sessions': () => ({ data: [] }),
  });
  me.value = ADMIN as never;
  sessionChecked.value = true;
  render(<App />);
  return api;
}

describe('the shell', () => {
  it('lets the instance admin act in another organization: later calls name it', async () => {
    history.replaceState(null, '', '/dashboard');
    const api = signedInApp();
    const switcher = (await screen.findByLabelText('Organization')) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Client bakery' });
    expect(api.calls.every((c) => !c.headers['Plaudit-Organization'])).toBe(true);
    fireEvent.change(switcher, { target: { value: 'org_2' } });
    await waitFor(() =>
      expect(api.of('GET', '/inbox/unread-count').at(-1)?.headers['Plaudit-Organization']).toBe('org_2'),
    );
    expect(api.of('GET', '/me').at(-1)?.headers['Plaudit-Organization']).toBe('org_2');
    expect(localStorage.getItem('plaudit.organization')).toBe('org_2');
  });

  it('moves focus to the content on a new screen, not on a new filter', async () => {
    history.replaceState(null, '', '/dashboard');
    signedInApp();
    await screen.findByRole('heading', { name: 'Inbox' });
    const rating = screen.getByLabelText('Rating');
    rating.focus();
    fireEvent.change(rating, { target: { value: '5' } });
    await waitFor(() => expect(location.search).toBe('?rating=5'));
    expect(document.activeElement).toBe(rating);
    fireEvent.click(screen.getByRole('link', { name: 'Profile' }));
    await screen.findByRole('heading', { name: 'Profile' });
    expect(document.activeElement?.id).toBe('main');
  });
});
