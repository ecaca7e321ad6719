import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../dashboard/app';
import { me, sessionChecked } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

const USER = { id: 'usr_1', email: 'jo@example.com', name: 'Jo', instanceAdmin: false };
const OWNER_SCOPES = [
  'reviews:read',
  'reviews:reply',
  'webhooks:read',
  'webhooks:write',
  'keys:admin',
  'team:admin',
];
const person = (role: string, scopes: string[]) => ({
  user: USER,
  memberships: [{ organizationId: 'org_1', organizationName: 'Acme', role }],
  role,
  scopes,
  mode: 'live',
  organization: { id: 'org_1', name: 'Acme' },
});
const page = (data: unknown[]) => ({
  data,
  pagination: { page: 1, perPage: 100, total: data.length, totalPages: 1 },
});
const KEY = {
  id: 'key_1',
  organizationId: 'org_1',
  name: 'CRM sync',
  prefix: 'sk_live_ab',
  mode: 'live',
  scopes: ['reviews:read'],
  createdAt: '2026-06-01T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
  sessionChecked.value = false;
});

/** The app signed in as `who`, at `path`, with the shell's calls answered and `handlers` for the rest. */
function signedIn(
  who: ReturnType<typeof person>,
  path: string,
  handlers: Parameters<typeof fakeApi>[0] = {},
) {
  const api = fakeApi({
    'GET /me': () => who,
    'GET /organizations': () => ({ data: [] }),
    'GET /businesses': () => ({ data: [] }),
    'GET /inbox/unread-count': () => ({ total: 0, reviews: 0, feedback: 0 }),
    ...handlers,
  });
  me.value = who as never;
  sessionChecked.value = true;
  history.replaceState(null, '', path);
  render(<App />);
  return api;
}

describe('API keys screen', () => {
  it('offers only the caller’s scopes, shows the new secret once, and forgets it after navigation', async () => {
    const keys = [KEY];
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/keys', {
      'GET /keys': () => page(keys),
      'POST /keys': (call) => {
        const body = call.body as { name: string; mode: string; scopes: string[] };
        const key = { ...KEY, id: 'key_2', ...body, prefix: 'sk_live_cd' };
        keys.push(key);
        return { ...key, secret: 'sk_live_cdSECRETSECRET' };
      },
    });
    await screen.findByText('CRM sync');
    const scopes = within(screen.getByRole('group', { name: 'Scopes' }));
    const boxes = scopes.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toEqual(OWNER_SCOPES);
    // Managing keys and people is asked for: not ticked by default.
    expect(boxes.filter((b) => b.checked).map((b) => b.labels?.[0]?.textContent)).toEqual([
      'reviews:read',
      'reviews:reply',
      'webhooks:read',
      'webhooks:write',
    ]);
    fireEvent.click(scopes.getByLabelText('webhooks:write'));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' Zapier ' } });
    fireEvent.click(screen.getByLabelText('Test: same data, never sends a real message'));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const secret = (await screen.findByTestId('secret')) as HTMLInputElement;
    expect(secret.value).toBe('sk_live_cdSECRETSECRET');
    expect(screen.getByText(/it will not be shown again/)).toBeTruthy();
    expect(api.of('POST', '/keys')[0].body).toEqual({
      name: 'Zapier',
      mode: 'test',
      scopes: ['reviews:read', 'reviews:reply', 'webhooks:read'],
    });
    await screen.findByText('Zapier');

    fireEvent.click(screen.getByRole('link', { name: '← Settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    fireEvent.click(screen.getByRole('link', { name: 'API keys' }));
    await screen.findByText('Zapier');
    expect(screen.queryByTestId('secret')).toBeNull();
    expect(document.body.innerHTML).not.toContain('SECRETSECRET');
  });

  it('revokes after a confirmation and says why the server refused', async () => {
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/keys', {
      'GET /keys': () => page([KEY]),
    });
    const stubbed = api.fetch;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      if (init.method === 'DELETE') {
        await stubbed(input, init);
        return new Response(
          JSON.stringify({
            error: 'This is the last active live admin key: create another one first',
            code: 'CONFLICT',
          }),
          { status: 409 },
        );
      }
      return stubbed(input, init);
    });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke CRM sync' }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(api.of('DELETE', '/keys')).toHaveLength(0);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke CRM sync' }));
    expect((await screen.findByRole('alert')).textContent).toContain('last active live admin key');
    expect(api.of('DELETE', '/keys/key_1')).toHaveLength(1);
  });

  it('says “no access” to someone without keys:admin, and never asks for the keys', async () => {
    const api = signedIn(person('staff', ['reviews:read', 'reviews:reply']), '/dashboard/settings/keys');
    expect((await screen.findByRole('status')).textContent).toContain('No access.');
    expect(api.of('GET', '/keys')).toHaveLength(0);
    fireEvent.click(screen.getByRole('link', { name: 'Back to settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    const sections = within(screen.getByRole('list', { name: 'Settings sections' }));
    expect(sections.getAllByRole('link').map((a) => a.textContent)).toEqual(['Profile', 'Team']);
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('webhooks screen', () => {
  it('adds an endpoint with events from the API’s list; the whsec_ secret is shown once', async () => {
    const hooks: unknown[] = [];
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/webhooks', {
      'GET /webhooks': () => page(hooks),
      'GET /webhook-events': () => ({
        data: ['review.created', 'feedback.created'],
        all: '*',
        test: 'webhook.test',
      }),
      'POST /webhooks': (call) => {
        const hook = {
          id: 'wh_1',
          ...(call.body as object),
          enabled: true,
          disabledReason: null,
          secretRotatedUntil: null,
          circuit: { state: 'closed', openUntil: null, consecutiveFailures: 0 },
          createdAt: '2026-06-01T10:00:00.000Z',
          updatedAt: '2026-06-01T10:00:00.000Z',
        };
        hooks.push(hook);
        return { ...hook, secret: 'whsec_SECRETSECRET' };
      },
    });
    await screen.findByText('No endpoints yet.');
    fireEvent.input(screen.getByLabelText('Endpoint URL'), {
      target: { value: 'https://crm.example.com/h' },
    });
    fireEvent.click(await screen.findByLabelText('feedback.created'));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(((await screen.findByTestId('secret')) as HTMLInputElement).value).toBe('whsec_SECRETSECRET');
    expect(api.of('POST', '/webhooks')[0].body).toEqual({
      url: 'https://crm.example.com/h',
      events: ['feedback.created'],
      description: null,
    });
    expect(
      (await screen.findByRole('link', { name: 'https://crm.example.com/h' })).getAttribute('href'),
    ).toBe('/dashboard/settings/webhooks/wh_1');
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByTestId('secret')).toBeNull();
  });
});

describe('team screen', () => {
  const MEMBERS = [
    {
      userId: 'usr_1',
      name: 'Jo',
      email: 'jo@example.com',
      role: 'owner',
      joinedAt: '2026-06-01T10:00:00.000Z',
    },
    {
      userId: 'usr_2',
      name: 'Sam',
      email: 'sam@example.com',
      role: 'staff',
      joinedAt: '2026-06-01T10:00:00.000Z',
    },
  ];

  it('removes a member only after a confirmation', async () => {
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/team', {
      'GET /team': () => ({ data: MEMBERS }),
      'GET /auth/invitations': () => ({ data: [] }),
    });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Sam' }));
    expect(confirm.mock.calls[0]).toEqual(['Remove Sam from the organization?']);
    expect(api.of('DELETE', '/team')).toHaveLength(0);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sam' }));
    await waitFor(() => expect(api.of('DELETE', '/team/usr_2')).toHaveLength(1));
  });

  it('puts the select back when the server refuses to demote the last owner', async () => {
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/team', {
      'GET /team': () => ({ data: MEMBERS }),
      'GET /auth/invitations': () => ({ data: [] }),
    });
    const stubbed = api.fetch;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) =>
      init.method === 'PATCH'
        ? new Response(
            JSON.stringify({
              error: 'The organization needs an owner: make someone else owner first',
              code: 'CONFLICT',
            }),
            { status: 409 },
          )
        : stubbed(input, init),
    );
    const select = (await screen.findByLabelText('Role of Jo')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'staff' } });
    expect((await screen.findByRole('alert')).textContent).toContain('needs an owner');
    await waitFor(() => expect(select.value).toBe('owner'));
  });
});

describe('signed-in devices', () => {
  it('names each device on its sign-out button and says which one was signed out', async () => {
    let sessions = [
      {
        id: 'ses_1',
        userAgent: 'Firefox on Linux',
        ip: null,
        current: true,
        createdAt: '2026-06-01T10:00:00.000Z',
        lastSeenAt: '2026-06-01T10:00:00.000Z',
      },
      {
        id: 'ses_2',
        userAgent: 'Safari on iPhone',
        ip: null,
        current: false,
        createdAt: '2026-06-01T10:00:00.000Z',
        lastSeenAt: '2026-06-02T10:00:00.000Z',
      },
      {
        id: 'ses_3',
        userAgent: 'Chrome on Android',
        ip: null,
        current: false,
        createdAt: '2026-06-01T10:00:00.000Z',
        lastSeenAt: '2026-06-03T10:00:00.000Z',
      },
    ];
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/profile', {
      'GET /auth/sessions': () => ({ data: sessions }),
      'DELETE /auth/sessions/ses_3': () => {
        sessions = sessions.filter((s) => s.id !== 'ses_3');
        return undefined;
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Sign out this device \(Chrome on Android/ }));
    await screen.findByText('Signed out Chrome on Android.');
    expect(api.of('DELETE', '/auth/sessions')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText(/Chrome on Android,/)).toBeNull());
    expect(screen.getByRole('button', { name: /Sign out this device \(Safari on iPhone/ })).toBeTruthy();
  });
});

describe('a webhook endpoint', () => {
  const HOOK = {
    id: 'wh_1',
    url: 'https://crm.example.com/h',
    description: null,
    events: ['review.created'],
    enabled: true,
    disabledReason: null,
    secretRotatedUntil: null,
    circuit: { state: 'open', openUntil: '2026-06-01T10:05:00.000Z', consecutiveFailures: 5 },
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
  };
  const FAILED = {
    id: 'msg_1',
    eventType: 'review.created',
    payload: {},
    status: 'failed',
    attempts: [
      {
        attemptedAt: '2026-06-01T10:00:00.000Z',
        statusCode: 503,
        latencyMs: 42,
        outcome: 'failed',
        error: 'HTTP 503',
      },
    ],
    createdAt: '2026-06-01T10:00:00.000Z',
  };

  it('shows the circuit and each attempt, sends a test, redelivers, rotates the secret once', async () => {
    const api = signedIn(person('owner', OWNER_SCOPES), '/dashboard/settings/webhooks/wh_1', {
      'GET /webhooks/wh_1': () => HOOK,
      'GET /webhooks/wh_1/deliveries': () => page([FAILED]),
      'GET /webhook-events': () => ({ data: ['review.created'], all: '*', test: 'webhook.test' }),
      'POST /webhooks/wh_1/test': () => ({ deliveryId: 'msg_2' }),
      'POST /webhooks/wh_1/deliveries/msg_1/redeliver': () => ({ deliveryId: 'msg_1' }),
      'POST /webhooks/wh_1/rotate-secret': () => ({ ...HOOK, secret: 'whsec_NEWNEWNEW' }),
    });
    expect((await screen.findByTestId('webhook-state')).textContent).toContain(
      'Paused after 5 failures in a row',
    );
    expect(screen.getByRole('list', { name: 'Deliveries' }).textContent).toMatch(
      /failed · HTTP 503 · 42 ms · HTTP 503/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send a test event' }));
    await screen.findByText(/Test event queued/);
    fireEvent.click(screen.getByRole('button', { name: 'Redeliver msg_1' }));
    await screen.findByText('Queued again.');
    expect(api.of('POST', '/webhooks/wh_1/deliveries/msg_1/redeliver')).toHaveLength(1);
    vi.stubGlobal('confirm', () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }));
    expect(((await screen.findByTestId('secret')) as HTMLInputElement).value).toBe('whsec_NEWNEWNEW');
  });
});
