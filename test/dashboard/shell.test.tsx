import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { JSX } from 'preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../dashboard/app';
import { Shell } from '../../dashboard/components/Shell';
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

function signedInApp(screenInShell?: JSX.Element, extra: Parameters<typeof fakeApi>[0] = {}) {
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
    ...extra,
  });
  me.value = ADMIN as never;
  sessionChecked.value = true;
  render(
    screenInShell ? (
      <LocationProvider scope="/dashboard">
        <Shell>{screenInShell}</Shell>
      </LocationProvider>
    ) : (
      <App />
    ),
  );
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
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    expect(document.activeElement?.id).toBe('main');
  });
});

describe('the main navigation', () => {
  const mainNav = () => screen.getByRole('navigation', { name: 'Main' });
  const currentIn = (nav: HTMLElement) =>
    [...nav.querySelectorAll('a[aria-current="page"]')].map((a) => a.firstChild?.textContent);

  it('groups the screens: one entry per area, Team and Profile under Settings', async () => {
    history.replaceState(null, '', '/dashboard');
    signedInApp();
    await screen.findByRole('heading', { name: 'Inbox' });
    const labels = [...mainNav().querySelectorAll('li a')].map((a) => a.firstChild?.textContent);
    expect(labels).toEqual([
      'Inbox',
      'Requests',
      'Widget',
      'Customers',
      'Cards',
      'Analytics',
      'Businesses',
      'Settings',
      'Agency',
    ]);
  });

  it('hides Agency from everyone but the instance admin', async () => {
    history.replaceState(null, '', '/dashboard/settings');
    signedInApp();
    me.value = { ...ADMIN, user: { ...ADMIN.user, instanceAdmin: false } } as never;
    await screen.findByRole('heading', { name: 'Settings' });
    expect(within(mainNav()).queryByRole('link', { name: 'Agency' })).toBeNull();
  });

  it.each([
    ['/dashboard', 'Inbox'],
    ['/dashboard/reviews/rev_1', 'Inbox'],
    ['/dashboard/feedback/fbk_1', 'Inbox'],
    ['/dashboard/requests', 'Requests'],
    ['/dashboard/requests/bulk', 'Requests'],
    ['/dashboard/messages', 'Requests'],
    ['/dashboard/templates', 'Requests'],
    ['/dashboard/campaigns/cmp_1', 'Requests'],
    ['/dashboard/customers/cus_1', 'Customers'],
    ['/dashboard/businesses/new', 'Businesses'],
    ['/dashboard/settings', 'Settings'],
    ['/dashboard/settings/team', 'Settings'],
    ['/dashboard/settings/profile', 'Settings'],
    ['/dashboard/settings/webhooks/whk_1', 'Settings'],
    ['/dashboard/agency', 'Agency'],
  ])('marks the entry of %s as current: %s', async (path, label) => {
    // The shell alone, around a stand-in screen: the navigation is what is under test here.
    history.replaceState(null, '', path);
    signedInApp(<p>screen</p>);
    await waitFor(() => expect(currentIn(mainNav())).toEqual([label]));
  });

  it('shows the Requests tabs on its screens, the current one marked', async () => {
    history.replaceState(null, '', '/dashboard/templates');
    signedInApp();
    const tabs = await screen.findByRole('navigation', { name: 'Requests sections' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Requests', 'Messages', 'Templates', 'Campaigns']);
    expect(currentIn(tabs)).toEqual(['Templates']);
    fireEvent.click(within(tabs).getByRole('link', { name: 'Messages' }));
    await screen.findByRole('heading', { name: 'Messages' });
    expect(currentIn(screen.getByRole('navigation', { name: 'Requests sections' }))).toEqual(['Messages']);
    expect(currentIn(mainNav())).toEqual(['Requests']);
  });

  it('folds behind Menu: the button says whether it is open, Escape closes it and returns focus', async () => {
    history.replaceState(null, '', '/dashboard');
    signedInApp();
    await screen.findByRole('heading', { name: 'Inbox' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    const header = menu.closest('header') as HTMLElement;
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    for (const id of (menu.getAttribute('aria-controls') ?? '').split(' '))
      expect(document.getElementById(id)).not.toBeNull();
    expect(header.classList.contains('open')).toBe(false);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(header.classList.contains('open')).toBe(true);
    const settings = within(mainNav()).getByRole('link', { name: 'Settings' });
    settings.focus();
    fireEvent.keyDown(settings, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(header.classList.contains('open')).toBe(false);
    expect(document.activeElement).toBe(menu);
  });

  it('closes the menu on navigation', async () => {
    history.replaceState(null, '', '/dashboard');
    signedInApp();
    await screen.findByRole('heading', { name: 'Inbox' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(mainNav()).getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    await waitFor(() => expect(menu.getAttribute('aria-expanded')).toBe('false'));
    expect(document.activeElement?.id).toBe('main');
  });

  it('keeps the unread count outside the folded part, so a phone shows it with the menu closed', async () => {
    history.replaceState(null, '', '/dashboard');
    signedInApp(undefined, { 'GET /inbox/unread-count': () => ({ total: 3, reviews: 2, feedback: 1 }) });
    const count = await screen.findByTestId('unread-count');
    expect(count.textContent).toBe('3 unread');
    const menu = screen.getByRole('button', { name: 'Menu' });
    for (const id of (menu.getAttribute('aria-controls') ?? '').split(' '))
      expect(document.getElementById(id)?.contains(count)).toBe(false);
  });
});
