import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../dashboard/api/customers';
import { CustomerForm } from '../../dashboard/screens/customers/CustomerForm';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const customer = (overrides: Partial<Customer> = {}): Customer => ({
  id: 'cust_1',
  organizationId: 'org_1',
  name: 'Jessica Jones',
  email: 'jessica@example.com',
  phone: '+14155550123',
  tags: [],
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
});

/** A fetch answering POST /customers with a status of the test's choosing. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('creating a customer', () => {
  it('posts name, email, phone, tags and notes; a 201 says added', async () => {
    const fetch = answer(201, customer({ id: 'cust_9' }));
    const onSaved = vi.fn();
    render(<CustomerForm onSaved={onSaved} />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Maya' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'maya@example.com' } });
    fireEvent.input(screen.getByLabelText(/^Phone/), { target: { value: '+44 20 7946 0958' } });
    fireEvent.input(screen.getByLabelText(/^Tags/), { target: { value: 'vip, regular' } });
    fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Likes oat milk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
    await screen.findByText(/Customer added/);
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      name: 'Maya',
      email: 'maya@example.com',
      phone: '+44 20 7946 0958',
      notes: 'Likes oat milk',
      tags: ['vip', 'regular'],
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'cust_9' }), false);
    expect(screen.getByRole('link', { name: 'Open their page' }).getAttribute('href')).toBe(
      '/dashboard/customers/cust_9',
    );
  });

  it('says so when the email already belonged to a customer (the upsert answers 200)', async () => {
    answer(200, customer());
    render(<CustomerForm onSaved={() => {}} />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'jessica@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
    await screen.findByText(/already existed: it was updated/);
  });

  it('shows a 409 readably, linking the customer that holds the phone', async () => {
    answer(409, {
      error: 'The email and the phone belong to two different customers',
      code: 'CONFLICT',
      details: { email: 'belongs to customer cust_a', phone: 'belongs to customer cust_b' },
    });
    render(<CustomerForm onSaved={() => {}} />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'a@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The phone already belongs to another customer');
    const links = [...alert.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/dashboard/customers/cust_a', '/dashboard/customers/cust_b']);
  });
});

describe('editing a customer', () => {
  it('sends only the changed fields in a PATCH and says saved', async () => {
    const api = fakeApi({ 'PATCH /customers/cust_1': () => customer({ phone: '+14155550999' }) });
    const onSaved = vi.fn();
    render(<CustomerForm customer={customer()} onSaved={onSaved} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Jessica Jones');
    fireEvent.input(screen.getByLabelText(/^Phone/), { target: { value: '+1 415 555 0999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact details' }));
    await screen.findByText('Contact details saved.');
    expect(api.of('PATCH', '/customers/cust_1')[0].body).toEqual({ phone: '+1 415 555 0999' });
    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ phone: '+14155550999' }), true),
    );
  });
});
