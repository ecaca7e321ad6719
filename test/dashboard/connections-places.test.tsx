import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, ConnectionLocation, PlaceSettings } from '../../dashboard/api/connections';
import { App } from '../../dashboard/app';
import { businesses } from '../../dashboard/state/business';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi, json } from './fake-api';

const OWNER = {
  user: { id: 'usr_1', email: 'jo@example.com', name: 'Jo', instanceAdmin: false },
  memberships: [{ organizationId: 'org_1', organizationName: 'Acme', role: 'owner' }],
  role: 'owner',
  scopes: ['connections:read', 'connections:write', 'reviews:read'],
  mode: 'live',
  organization: { id: 'org_1', name: 'Acme' },
};

const location = (overrides: Partial<ConnectionLocation> = {}): ConnectionLocation => ({
  id: null,
  externalId: 'corner-cafe-sf',
  name: 'Corner Café SF',
  address: null,
  placeId: null,
  url: null,
  businessId: null,
  lastSeenUpdateTime: null,
  lastFullReadAt: null,
  ...overrides,
});

const settings = (overrides: Partial<NonNullable<PlaceSettings>> = {}): NonNullable<PlaceSettings> => ({
  places: [],
  searchQuery: null,
  searchLocation: null,
  language: null,
  ...overrides,
});

const connection = (overrides: Partial<Connection> = {}): Connection => ({
  id: 'conn_1',
  platform: 'yelp',
  status: 'active',
  label: 'Yelp',
  lastError: null,
  tokenExpiresAt: null,
  syncIntervalMinutes: 30,
  limitation: null,
  canReply: false,
  placeSettings: settings({ places: ['corner-cafe-sf'] }),
  locations: [],
  lastRuns: [],
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T10:00:05.000Z',
  ...overrides,
});

afterEach(() => {
  cleanup();
  me.value = null;
  sessionChecked.value = false;
  businesses.value = [];
});

function signedIn(path: string, handlers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /me': () => OWNER,
    'GET /organizations': () => ({ data: [] }),
    'GET /businesses': () => ({ data: [] }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    ...handlers,
  });
  me.value = OWNER as never;
  sessionChecked.value = true;
  history.replaceState(null, '', path);
  render(<App />);
  return api;
}

const NAME_THE_DOMAIN = () =>
  json(409, {
    error: 'Trustpilot answered: Trustpilot lists no business units: name the domain(s) to connect',
    code: 'CONFLICT',
    details: { platform: 'rejected' },
  });

describe('named places on the connections screen', () => {
  it('shows a Yelp connection’s places and search, edits them, then asks for its locations again', async () => {
    let current = connection({ placeSettings: settings({ places: ['corner-cafe-sf'] }) });
    const api = signedIn('/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [current] }),
      'PATCH /connections/conn_1': (call) => {
        const body = call.body as NonNullable<PlaceSettings>;
        current = connection({ placeSettings: settings(body), updatedAt: '2026-06-01T11:00:00.000Z' });
        return current;
      },
      'GET /connections/conn_1/locations': () =>
        current.placeSettings?.searchQuery
          ? { data: [location(), location({ externalId: 'corner-cafe-oak', name: 'Corner Café Oakland' })] }
          : { data: [location()] },
    });
    const card = within(await screen.findByRole('article', { name: /Yelp/ }));
    const shown = card.getByTestId('place-settings');
    expect(shown.textContent).toContain('corner-cafe-sf');
    expect(shown.textContent).toContain('Search');
    await card.findByText('Corner Café SF');
    expect(api.of('GET', '/connections/conn_1/locations')).toHaveLength(1);

    fireEvent.click(card.getByRole('button', { name: 'Edit places' }));
    const form = within(card.getByRole('form', { name: 'Places of Yelp' }));
    fireEvent.input(form.getByLabelText('Your places'), {
      target: { value: 'corner-cafe-sf, corner-cafe-oak' },
    });
    fireEvent.input(form.getByLabelText('Search Yelp for (optional)'), { target: { value: 'Corner Café' } });
    fireEvent.input(form.getByLabelText('Near (optional)'), { target: { value: 'Oakland, CA' } });
    fireEvent.click(form.getByRole('button', { name: 'Save and find locations' }));

    await card.findByText('Corner Café Oakland');
    expect(api.of('PATCH', '/connections/conn_1')[0].body).toEqual({
      places: ['corner-cafe-sf', 'corner-cafe-oak'],
      searchQuery: 'Corner Café',
      searchLocation: 'Oakland, CA',
    });
    expect(api.of('GET', '/connections/conn_1/locations')).toHaveLength(2);
    expect(card.getByTestId('place-settings').textContent).toContain('Corner Café near Oakland, CA');
    expect(card.queryByRole('form', { name: 'Places of Yelp' })).toBeNull();
  });

  it('clears a Tripadvisor language with null, and shows no place settings for Google', async () => {
    const api = signedIn('/dashboard/settings/connections', {
      'GET /connections': () => ({
        data: [
          connection({
            platform: 'tripadvisor',
            label: 'Tripadvisor',
            placeSettings: settings({ places: ['60745'], language: 'fr' }),
          }),
          connection({
            id: 'conn_g',
            platform: 'google',
            label: 'Google',
            placeSettings: null,
            canReply: true,
          }),
        ],
      }),
      'GET /connections/conn_1/locations': () => ({
        data: [location({ externalId: '60745', name: 'Hotel' })],
      }),
      'GET /connections/conn_g/locations': () => ({ data: [] }),
      'PATCH /connections/conn_1': () => connection({ platform: 'tripadvisor', placeSettings: settings() }),
    });
    const card = within(await screen.findByRole('article', { name: /Tripadvisor/ }));
    expect(card.getByTestId('place-settings').textContent).toContain('fr');
    const google = within(screen.getByRole('article', { name: /Google/ }));
    expect(google.queryByTestId('place-settings')).toBeNull();
    expect(google.queryByRole('button', { name: 'Edit places' })).toBeNull();

    fireEvent.click(card.getByRole('button', { name: 'Edit places' }));
    fireEvent.input(card.getByLabelText('Review language (optional)'), { target: { value: '' } });
    fireEvent.click(card.getByRole('button', { name: 'Save and find locations' }));
    await waitFor(() => expect(api.of('PATCH', '/connections/conn_1')).toHaveLength(1));
    expect(api.of('PATCH', '/connections/conn_1')[0].body).toEqual({ places: ['60745'], language: null });
  });

  it('asks a Trustpilot connection just made for its domain, the 409 as guidance, then lists the unit', async () => {
    let current = connection({
      platform: 'trustpilot',
      label: 'Trustpilot',
      canReply: true,
      placeSettings: settings(),
    });
    const api = signedIn('/dashboard/connections?connected=conn_1', {
      'GET /connections': () => ({ data: [current] }),
      'GET /connections/conn_1/locations': () =>
        current.placeSettings?.places.length
          ? { data: [location({ externalId: 'bu_1', name: 'example.com' })] }
          : NAME_THE_DOMAIN(),
      'PATCH /connections/conn_1': (call) => {
        current = { ...current, placeSettings: settings(call.body as object) };
        return current;
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('consent-outcome').textContent).toContain(
        'Name the domain your Trustpilot page is for',
      ),
    );
    const card = within(screen.getByRole('article', { name: /Trustpilot/ }));
    expect((await card.findByTestId('locations-guidance')).textContent).toContain(
      'Name your Trustpilot domain',
    );
    expect(card.queryByRole('alert')).toBeNull();
    expect(card.getByTestId('places-needed').textContent).toContain('e.g. example.com');
    // The form is open at once, with no way to dismiss the one thing the connection still needs.
    const domains = card.getByLabelText('Your Trustpilot domains');
    expect(card.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.input(domains, { target: { value: 'example.com' } });
    fireEvent.click(card.getByRole('button', { name: 'Save and find locations' }));
    await card.findByText('example.com', { selector: 'strong' });
    expect(api.of('PATCH', '/connections/conn_1')[0].body).toEqual({ places: ['example.com'] });
    expect(card.queryByTestId('locations-guidance')).toBeNull();
    expect(card.queryByTestId('places-needed')).toBeNull();
  });

  it('still shows a 409 as an error once places are named', async () => {
    signedIn('/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [connection()] }),
      'GET /connections/conn_1/locations': () =>
        json(409, { error: 'Yelp answered: 401 invalid key', code: 'CONFLICT', details: {} }),
    });
    const card = within(await screen.findByRole('article', { name: /Yelp/ }));
    expect((await card.findByRole('alert')).textContent).toContain('Yelp answered: 401 invalid key');
    expect(card.queryByTestId('locations-guidance')).toBeNull();
  });

  it('connects Yelp with a search instead of named places, and Tripadvisor with a language', async () => {
    const api = signedIn('/dashboard/settings/connections', {
      'GET /connections': () => ({ data: [] }),
      'POST /connections/yelp': () => connection(),
      'POST /connections/tripadvisor': () => connection({ platform: 'tripadvisor' }),
    });
    await screen.findByText('No platform is connected yet.');
    fireEvent.input(screen.getByLabelText('Yelp API key'), { target: { value: 'yelp-key-1234567890' } });
    fireEvent.input(screen.getByLabelText('Search Yelp for (optional)'), {
      target: { value: 'Corner Café' },
    });
    expect((screen.getByLabelText('Your places') as HTMLInputElement).required).toBe(false);
    expect((screen.getByLabelText('Near (optional)') as HTMLInputElement).required).toBe(true);
    fireEvent.input(screen.getByLabelText('Near (optional)'), { target: { value: 'Austin, TX' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Yelp' }));
    await waitFor(() => expect(api.of('POST', '/connections/yelp')).toHaveLength(1));
    expect(api.of('POST', '/connections/yelp')[0].body).toEqual({
      apiKey: 'yelp-key-1234567890',
      searchQuery: 'Corner Café',
      searchLocation: 'Austin, TX',
    });

    // The form empties once Yelp answers; only then is it filled again.
    await waitFor(() => expect((screen.getByLabelText('Yelp API key') as HTMLInputElement).value).toBe(''));
    fireEvent.click(screen.getByLabelText('Tripadvisor'));
    expect(screen.queryByLabelText('Search Yelp for (optional)')).toBeNull();
    fireEvent.input(screen.getByLabelText('Tripadvisor API key'), { target: { value: 'ta-key-1234567890' } });
    fireEvent.input(screen.getByLabelText('Your places'), { target: { value: '60745' } });
    fireEvent.input(screen.getByLabelText('Review language (optional)'), { target: { value: 'pt_BR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Tripadvisor' }));
    await waitFor(() => expect(api.of('POST', '/connections/tripadvisor')).toHaveLength(1));
    expect(api.of('POST', '/connections/tripadvisor')[0].body).toEqual({
      apiKey: 'ta-key-1234567890',
      places: ['60745'],
      language: 'pt_BR',
    });
  });

  it.each([
    ['refused', /did not allow Plaudit/],
    ['expired', /expired or was already used/],
    ['exchange_failed', /did not confirm the consent/],
  ])('explains a consent that came back with error=%s', async (code, message) => {
    signedIn(`/dashboard/connections?error=${code}`, { 'GET /connections': () => ({ data: [] }) });
    expect((await screen.findByTestId('consent-error')).textContent).toMatch(message);
  });
});
