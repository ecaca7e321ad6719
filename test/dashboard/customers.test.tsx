import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../dashboard/api';
import type { Customer } from '../../dashboard/api/customers';
import { CustomerEraseForm } from '../../dashboard/screens/customers/CustomerEraseForm';
import { CustomerPage } from '../../dashboard/screens/customers/CustomerPage';
import { me } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
});

function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'cust_1',
    organizationId: 'org_1',
    name: 'Jessica Jones',
    email: 'jessica@example.com',
    phone: '+14155550123',
    tags: ['vip'],
    notes: null,
    optOut: false,
    optedOutAt: null,
    invalid: false,
    invalidReason: null,
    source: null,
    sourceContactId: null,
    businessIds: [],
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  };
}

const signedIn = (scopes: string[]): Me => ({
  user: { id: 'usr_1', email: 'o@example.com', name: 'O', instanceAdmin: false } as Me['user'],
  memberships: [],
  role: 'manager',
  scopes,
  organization: { id: 'org_1', name: 'Acme' },
});

describe('erasing a customer', () => {
  it('stays disabled until the word is typed, then sends DELETE ?erase=true once', async () => {
    const api = fakeApi({ 'DELETE /customers/cust_1': () => undefined });
    const onErased = vi.fn();
    render(<CustomerEraseForm id="cust_1" onErased={onErased} />);
    const button = screen.getByRole('button', { name: 'Erase personal data' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const input = screen.getByLabelText(/Type “erase” to confirm/);
    fireEvent.input(input, { target: { value: 'eras' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(button.disabled).toBe(true);
    fireEvent.submit(button.form!);
    expect(api.calls).toHaveLength(0);
    fireEvent.input(input, { target: { value: 'ERASE' } });
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(onErased).toHaveBeenCalledOnce());
    expect(api.of('DELETE', '/customers/cust_1')).toEqual([
      expect.objectContaining({ path: '/customers/cust_1?erase=true' }),
    ]);
  });
});

describe('a customer’s page', () => {
  const openCustomer = () =>
    render(
      <LocationProvider scope="/dashboard">
        <Router>
          <Route path="/dashboard/customers/:id" component={CustomerPage} />
          <Route default component={() => null} />
        </Router>
      </LocationProvider>,
    );

  it('shows masked contact details as the server sends them, without export or erase for a reader', async () => {
    history.replaceState(null, '', '/dashboard/customers/cust_1');
    me.value = signedIn(['customers:read']);
    fakeApi({
      'GET /customers/cust_1': () =>
        customer({ name: 'J. J.', email: 'j•••@example.com', phone: '+1 •••• 0123' }),
      'GET /customers/cust_1/activity': () => ({
        data: [
          {
            at: '2026-06-02T10:00:00.000Z',
            type: 'message.sent',
            requestId: 'rr_1',
            details: { subject: null },
          },
        ],
      }),
    });
    openCustomer();
    await screen.findByRole('heading', { name: 'J. J.', level: 1 });
    expect(screen.getByText('j•••@example.com')).toBeTruthy();
    expect(screen.getByTestId('pii-note')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Export/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Erase/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Opt out/ })).toBeNull();
    await screen.findByText('Message sent');
  });

  it('opts a customer out and back in, and links the export for a person who sees personal data', async () => {
    history.replaceState(null, '', '/dashboard/customers/cust_1');
    me.value = signedIn(['customers:read', 'customers:write', 'pii:read']);
    let current = customer();
    const api = fakeApi({
      'GET /customers/cust_1': () => current,
      'GET /customers/cust_1/activity': () => ({ data: [] }),
      'PATCH /customers/cust_1': (call) => {
        const optOut = (call.body as { optOut: boolean }).optOut;
        current = { ...current, optOut, optedOutAt: optOut ? '2026-06-03T10:00:00.000Z' : null };
        return current;
      },
    });
    openCustomer();
    fireEvent.click(await screen.findByRole('button', { name: 'Opt out of messages' }));
    await waitFor(() => expect(screen.getByTestId('optout-state').textContent).toMatch(/^Opted out/));
    fireEvent.click(screen.getByRole('button', { name: 'Resume messages' }));
    await waitFor(() => expect(screen.getByTestId('optout-state').textContent).toBe('Receiving messages.'));
    expect(api.of('PATCH', '/customers/cust_1').map((c) => c.body)).toEqual([
      { optOut: true },
      { optOut: false },
    ]);
    const link = screen.getByRole('link', { name: /Export everything/ }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/v1/customers/cust_1/export');
  });
});
