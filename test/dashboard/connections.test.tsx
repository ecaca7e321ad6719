import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection, ConnectionLocation } from '../../dashboard/api/connections';
import { App } from '../../dashboard/app';
import { browser } from '../../dashboard/screens/connections/leave';
import { businesses } from '../../dashboard/state/business';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi, json } from './fake-api';

const USER = { id: 'usr_1', email: 'jo@example.com', name: 'Jo', instanceAdmin: false };
const person = (role: string, scopes: string[]) => ({
  user: USER,
  memberships: [{ organizationId: 'org_1', organizationName: 'Acme', role }],
  role,
  scopes,
  mode: 'live',
  organization: { id: 'org_1', name: 'Acme' },
});
const OWNER = person('owner', ['connections:read', 'connections:write', 'reviews:read']);
const BUSINESS = { id: 'biz_1', name: 'Corner Café' };

const location = (overrides: Partial<ConnectionLocation> = {}): ConnectionLocation => ({
  id: null,
  externalId: 'locations/1',
  name: 'Corner Café Main St',
  address: '1 Main St',
  placeId: null,
  url: null,
  businessId: null,
  lastSeenUpdateTime: null,
  lastFullReadAt: null,
  ...overrides,
});

const connection = (overrides: Partial<Connection> = {}): Connection => ({
  id: 'conn_1',
  platform: 'google',
  status: 'active',
  label: 'Google Business Profile',
  lastError: null,
  tokenExpiresAt: null,
  syncIntervalMinutes: 30,
  limitation: null,
  canReply: true,
  locations: [location({ id: 'cloc_1', businessId: 'biz_1' })],
  lastRuns: [
    {
      id: 'run_1',
      locationId: 'cloc_1',
      startedAt: '2026-06-01T10:00:00.000Z',
      finishedAt: '2026-06-01T10:00:05.000Z',
      fetched: 12,
      created: 10,
      updated: 2,
      hidden: 0,
      error: null,
    },
    {
      id: 'run_0',
      locationId: 'cloc_1',
      startedAt: '2026-06-01T09:30:00.000Z',
      finishedAt: '2026-06-01T09:30:01.000Z',
      fetched: 0,
      created: 0,
      updated: 0,
      hidden: 0,
      error: 'Google answered 503',
    },
  ],
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T10:00:05.000Z',
  ...overrides,
});

const leave = vi.fn();
browser.leave = leave;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  leave.mockReset();
  me.value = null;
  sessionChecked.value = false;
  businesses.value = [];
});

/** The app signed in as `who` at `path`, the shell's calls answered, `handlers` for the rest. */
function signedIn(
  who: ReturnType<typeof person>,
  path: string,
  handlers: Parameters<typeof fakeApi>[0] = {},
) {
  const api = fakeApi({
    'GET /me': () => who,
    'GET /organizations': () => ({ data: [] }),
    'GET /businesses': () => ({ data: [BUSINESS] }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    ...handlers,
  });
  me.value = who as never;
  sessionChecked.value = true;
  history.replaceState(null, '', path);
  render(<App />);
  return api;
}

describe('connections screen', () => {
  it('lists each connection with its status, locations and the business each feeds, and its last runs', async () => {
    signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [connection()] }),
    });
    const card = within(await screen.findByRole('article', { name: /Google Business Profile/ }));
    expect(card.getByText('Active')).toBeTruthy();
    expect(card.getByText('Corner Café Main St')).toBeTruthy();
    await waitFor(() => expect(card.getByTestId('location-business').textContent).toBe('Feeds Corner Café'));
    const runs = within(card.getByRole('list', { name: 'Last sync runs' }));
    expect(runs.getAllByRole('listitem')).toHaveLength(2);
    expect(runs.getAllByRole('listitem')[0].textContent).toContain('12 fetched, 10 new, 2 updated');
    expect(runs.getAllByRole('listitem')[1].textContent).toContain('Error: Google answered 503');
  });

  it('sends the owner to the consent URL the server answers, and shows the outcome when they come back', async () => {
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [] }),
      'POST /connections/google/authorize': () => ({ url: 'https://accounts.example/consent?state=abc' }),
    });
    await screen.findByText('No platform is connected yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Connect Google' }));
    await waitFor(() => expect(leave).toHaveBeenCalledWith('https://accounts.example/consent?state=abc'));
    expect(api.of('POST', '/connections/google/authorize')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Connect Facebook' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect Trustpilot' })).toBeTruthy();

    cleanup();
    signedIn(OWNER, '/dashboard/connections?connected=conn_1', {
      'GET /connections': () => ({ data: [connection()] }),
    });
    await waitFor(() =>
      expect(screen.getByTestId('consent-outcome').textContent).toContain(
        'Connected Google Business Profile.',
      ),
    );
  });

  it('says an OAuth platform the server has no credentials for is not configured', async () => {
    signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [] }),
      'POST /connections/facebook/authorize': () =>
        json(400, {
          error: 'Facebook is not configured on this server',
          code: 'VALIDATION_ERROR',
          details: { platform: 'set PLAUDIT_FACEBOOK_CLIENT_ID and PLAUDIT_FACEBOOK_CLIENT_SECRET' },
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Facebook' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Facebook is not configured on this server',
    );
    expect(leave).not.toHaveBeenCalled();
  });

  it('connects Yelp with an API key and the places, saying first what Yelp and Tripadvisor limit', async () => {
    const listed: Connection[] = [];
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: listed }),
      'POST /connections/yelp': () => {
        listed.push(
          connection({
            id: 'conn_2',
            platform: 'yelp',
            label: 'Yelp',
            canReply: false,
            limitation: 'Yelp’s API shows only the 3 most recent reviews of each business',
            locations: [],
            lastRuns: [],
          }),
        );
        return listed[0];
      },
      'GET /connections/conn_2/locations': () => ({
        data: [location({ externalId: 'corner-cafe-sf', name: 'Corner Café SF' })],
      }),
    });
    await screen.findByText('No platform is connected yet.');
    expect(screen.getByTestId('platform-limit').textContent).toMatch(
      /only the 3 newest reviews.*replies stay in Plaudit/,
    );
    fireEvent.click(screen.getByLabelText('Tripadvisor'));
    expect(screen.getByTestId('platform-limit').textContent).toMatch(/only the 5 newest reviews/);
    fireEvent.click(screen.getByLabelText('Yelp'));
    fireEvent.input(screen.getByLabelText('Yelp API key'), { target: { value: '  yelp-key-1234567890  ' } });
    fireEvent.input(screen.getByLabelText('Your places'), {
      target: { value: 'https://www.yelp.com/biz/corner-cafe-sf' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Yelp' }));
    const card = within(await screen.findByRole('article', { name: /Yelp/ }));
    expect(api.of('POST', '/connections/yelp')[0].body).toEqual({
      apiKey: 'yelp-key-1234567890',
      places: ['https://www.yelp.com/biz/corner-cafe-sf'],
    });
    // A new connection with nothing mapped asks the platform at once what it can see.
    expect(await card.findByText('Corner Café SF')).toBeTruthy();
    expect(card.getByText(/Replies to its reviews stay in Plaudit/)).toBeTruthy();
    expect((screen.getByLabelText('Yelp API key') as HTMLInputElement).value).toBe('');
  });

  it('maps a location to an existing business or to a new one made from it', async () => {
    const fresh = connection({ locations: [], lastRuns: [] });
    // The sync a mapping queues may run before the list is read again: it touches the connection's updatedAt.
    let listed = 0;
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({
        data: [listed++ === 0 ? fresh : { ...fresh, updatedAt: '2026-06-01T10:30:00.000Z' }],
      }),
      'GET /connections/conn_1/locations': () => ({
        data: [location(), location({ externalId: 'locations/2', name: 'Corner Café Harbour' })],
      }),
      'PUT /connections/conn_1/locations': (call) => {
        const body = call.body as { externalId: string; businessId?: string };
        return {
          data: [
            location({ id: 'cloc_1', externalId: body.externalId, businessId: body.businessId ?? 'biz_2' }),
          ],
        };
      },
    });
    const select = (await screen.findByLabelText('Business for Corner Café Main St')) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    fireEvent.change(select, { target: { value: 'biz_1' } });
    const row = select.closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved: a sync is on its way.');
    // Reading the list again keeps the card, its note and what it was told.
    await waitFor(() => expect(api.of('GET', '/connections').length).toBeGreaterThan(1));
    expect(screen.getByText('Saved: a sync is on its way.')).toBeTruthy();
    expect(api.of('PUT', '/connections/conn_1/locations')[0].body).toEqual({
      externalId: 'locations/1',
      businessId: 'biz_1',
    });
    expect(within(row).getByTestId('location-business').textContent).toBe('Feeds Corner Café');

    const harbour = screen.getByLabelText('Business for Corner Café Harbour') as HTMLSelectElement;
    fireEvent.change(harbour, { target: { value: '__create__' } });
    fireEvent.click(within(harbour.closest('li') as HTMLElement).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.of('PUT', '/connections/conn_1/locations')).toHaveLength(2));
    expect(api.of('PUT', '/connections/conn_1/locations')[1].body).toEqual({
      externalId: 'locations/2',
      createBusiness: true,
    });
    // The new business shows in every business select, so the list is read again.
    await waitFor(() => expect(api.of('GET', '/businesses').length).toBeGreaterThan(1));
  });

  it('syncs now, and disconnects only after a confirmation', async () => {
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [connection()] }),
      'POST /connections/conn_1/sync': () => connection(),
      'DELETE /connections/conn_1': () => connection({ status: 'disconnected' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    await screen.findByText(/Sync of Google Business Profile queued/);
    expect(api.of('POST', '/connections/conn_1/sync')).toHaveLength(1);

    vi.stubGlobal('confirm', () => false);
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(api.of('DELETE', '/connections/conn_1')).toHaveLength(0);
    vi.stubGlobal('confirm', () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await screen.findByText('Google Business Profile disconnected.');
    expect(api.of('DELETE', '/connections/conn_1')).toHaveLength(1);
  });

  it('says a broken connection is broken and reconnects it through a consent bound to it', async () => {
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({
        data: [connection({ status: 'broken', lastError: 'Google revoked the grant (invalid_grant)' })],
      }),
      'POST /connections/conn_1/reconnect': () => ({ url: 'https://accounts.example/consent?state=again' }),
    });
    const card = within(await screen.findByRole('article', { name: /Google Business Profile/ }));
    expect(card.getByRole('alert').textContent).toContain(
      'This connection is broken: Google revoked the grant (invalid_grant)',
    );
    expect(card.queryByRole('button', { name: 'Sync now' })).toBeNull();
    fireEvent.click(card.getByRole('button', { name: 'Reconnect Google' }));
    await waitFor(() => expect(leave).toHaveBeenCalledWith('https://accounts.example/consent?state=again'));
    expect(api.of('POST', '/connections/conn_1/reconnect')).toHaveLength(1);
    expect(api.of('POST', '/connections/google/authorize')).toHaveLength(0);
  });

  it('reconnects a broken Yelp connection in place with a new key', async () => {
    let status: Connection['status'] = 'broken';
    const yelp = () =>
      connection({
        id: 'conn_2',
        platform: 'yelp',
        label: 'Yelp',
        status,
        canReply: false,
        lastError: 'HTTP 401',
      });
    const api = signedIn(OWNER, '/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [yelp()] }),
      'POST /connections/conn_2/reconnect': () => {
        status = 'active';
        return { connection: yelp() };
      },
    });
    const card = within(await screen.findByRole('article', { name: /Yelp/ }));
    fireEvent.input(card.getByLabelText('New Yelp API key'), { target: { value: 'a-fresh-yelp-key' } });
    fireEvent.click(card.getByRole('button', { name: 'Reconnect Yelp' }));
    await waitFor(() => expect(api.of('POST', '/connections/conn_2/reconnect')).toHaveLength(1));
    expect(api.of('POST', '/connections/conn_2/reconnect')[0].body).toEqual({ apiKey: 'a-fresh-yelp-key' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(api.of('POST', '/connections/yelp')).toHaveLength(0);
  });

  it('is listed under Settings, and a role without connections:read sees why instead of the screen', async () => {
    signedIn(OWNER, '/dashboard/settings');
    expect((await screen.findByRole('link', { name: 'Connections' })).getAttribute('href')).toBe(
      '/dashboard/settings/connections',
    );
    cleanup();
    const api = signedIn(person('staff', ['reviews:read']), '/dashboard/settings/connections');
    expect((await screen.findByRole('status')).textContent).toContain('connections:read');
    expect(api.of('GET', '/connections')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Connections' })).toBeNull();
  });
});
