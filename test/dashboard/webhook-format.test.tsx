import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../dashboard/app';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

const OWNER = {
  user: { id: 'usr_1', email: 'jo@example.com', name: 'Jo', instanceAdmin: false },
  memberships: [{ organizationId: 'org_1', organizationName: 'Acme', role: 'owner' }],
  role: 'owner',
  scopes: ['webhooks:read', 'webhooks:write'],
  mode: 'live',
  organization: { id: 'org_1', name: 'Acme' },
};
const HOOK = {
  id: 'wh_1',
  url: 'https://crm.example.com/h',
  description: null,
  events: ['review.created'],
  enabled: true,
  disabledReason: null,
  format: 'standard',
  secretRotatedUntil: null,
  circuit: { state: 'closed', openUntil: null, consecutiveFailures: 0 },
  createdAt: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-01T10:00:00.000Z',
};
const page = (data: unknown[]) => ({
  data,
  pagination: { page: 1, perPage: 100, total: data.length, totalPages: 1 },
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
  sessionChecked.value = false;
});

function signedIn(path: string, handlers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /me': () => OWNER,
    'GET /organizations': () => ({ data: [] }),
    'GET /businesses': () => ({ data: [] }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    'GET /webhook-events': () => ({ data: ['review.created'], all: '*', test: 'webhook.test' }),
    ...handlers,
  });
  me.value = OWNER as never;
  sessionChecked.value = true;
  history.replaceState(null, '', path);
  render(<App />);
  return api;
}

describe('webhook format', () => {
  it('offers each format of the server’s enum with one line on what it is for, and sends the chosen one', async () => {
    const hooks: unknown[] = [];
    const api = signedIn('/dashboard/settings/webhooks', {
      'GET /webhooks': () => page(hooks),
      'POST /webhooks': (call) => {
        const hook = { ...HOOK, ...(call.body as object) };
        hooks.push(hook);
        return { ...hook, secret: 'whsec_S' };
      },
    });
    await screen.findByText('No endpoints yet.');
    const standard = screen.getByLabelText(/^Standard: Plaudit’s own events/) as HTMLInputElement;
    expect(standard.checked).toBe(true);
    expect(
      screen.getByLabelText(/^EmbedMyReviews: for integrations written for EmbedMyReviews/),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Endpoint URL'), {
      target: { value: 'https://crm.example.com/h' },
    });
    fireEvent.click(await screen.findByLabelText('review.created'));
    fireEvent.click(screen.getByLabelText(/^RatingsRise: for integrations written for RatingsRise/));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await screen.findByTestId('secret');
    expect(api.of('POST', '/webhooks')[0].body).toEqual({
      url: 'https://crm.example.com/h',
      events: ['review.created'],
      description: null,
      format: 'ratingsrise',
    });
    expect(await screen.findByText(/RatingsRise format/)).toBeTruthy();
  });

  it('shows an endpoint’s format and changes it', async () => {
    let current = { ...HOOK };
    const api = signedIn('/dashboard/settings/webhooks/wh_1', {
      'GET /webhooks/wh_1': () => current,
      'GET /webhooks/wh_1/deliveries': () => page([]),
      'PATCH /webhooks/wh_1': (call) => {
        current = { ...current, ...(call.body as object), updatedAt: '2026-06-02T10:00:00.000Z' };
        return current;
      },
    });
    expect((await screen.findByTestId('webhook-format')).textContent).toBe('Format: Standard');
    fireEvent.click(screen.getByLabelText(/^EmbedMyReviews:/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByTestId('webhook-format').textContent).toBe('Format: EmbedMyReviews'),
    );
    expect(api.of('PATCH', '/webhooks/wh_1')[0].body).toEqual({
      events: ['review.created'],
      format: 'embedmyreviews',
    });
  });
});
