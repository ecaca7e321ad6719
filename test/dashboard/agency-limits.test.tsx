import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actInOrganization, type Me } from '../../dashboard/api';
import { AgencyPage } from '../../dashboard/screens/agency/AgencyPage';
import { me } from '../../dashboard/state/session';
import { fakeApi, json } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
  actInOrganization(null);
});

const summary = (id: string, name: string) => ({
  id,
  name,
  businesses: [],
  reviewsThisMonth: 0,
  averageRating: null,
  openFeedback: 0,
});

const usage = (id: string, sms: number | null, email: number | null) => ({
  organizationId: id,
  periodStart: '2026-06-01T00:00:00.000Z',
  renews: '2026-07-01T00:00:00.000Z',
  renewalAnchor: '2026-01-01T00:00:00.000Z',
  sms: { limit: sms, used: 12, left: sms === null ? null : sms - 12 },
  email: { limit: email, used: 40, left: email === null ? null : email - 40 },
});

function adminOnAgency(handlers: Parameters<typeof fakeApi>[0]) {
  me.value = {
    user: { id: 'usr_1', email: 'a@example.com', name: 'A', instanceAdmin: true },
    memberships: [],
    role: 'owner',
    scopes: [],
    organization: { id: 'org_1', name: 'Acme' },
  } as unknown as Me;
  // The admin acts in Acme: reading Bistro's usage must still name Bistro.
  actInOrganization('org_1');
  const api = fakeApi({
    'GET /organizations/overview': () => ({ data: [summary('org_1', 'Acme'), summary('org_2', 'Bistro')] }),
    'GET /organizations': () => ({ data: [] }),
    ...handlers,
  });
  render(
    <LocationProvider>
      <AgencyPage />
    </LocationProvider>,
  );
  return api;
}

describe('message allowances on the agency screen', () => {
  it('shows an organization’s allowances and use, and sets them (empty = unlimited)', async () => {
    const api = adminOnAgency({
      'GET /usage': (call) => usage(call.headers['Plaudit-Organization'], null, 500),
      'PUT /organizations/org_2/limits': (call) => {
        const body = call.body as { smsPerMonth: number | null; emailPerMonth: number | null };
        return usage('org_2', body.smsPerMonth, body.emailPerMonth);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Allowances of Bistro' }));
    const panel = within(await screen.findByRole('region', { name: 'Message allowances of Bistro' }));
    await waitFor(() =>
      expect(panel.getByTestId('usage').textContent).toContain(
        '40 of 500 emails used; 12 text messages sent, no cap',
      ),
    );
    expect(api.of('GET', '/usage')[0].headers['Plaudit-Organization']).toBe('org_2');
    const emails = panel.getByLabelText('Emails a month') as HTMLInputElement;
    const texts = panel.getByLabelText('Text messages a month (SMS and WhatsApp)') as HTMLInputElement;
    expect(emails.value).toBe('500');
    expect(texts.value).toBe('');

    fireEvent.input(texts, { target: { value: '200' } });
    fireEvent.input(emails, { target: { value: '' } });
    fireEvent.click(panel.getByRole('button', { name: 'Save allowances' }));
    await panel.findByText('Allowances of Bistro saved.');
    expect(api.of('PUT', '/organizations/org_2/limits')[0].body).toEqual({
      smsPerMonth: 200,
      emailPerMonth: null,
    });
    expect(panel.getByTestId('usage').textContent).toContain(
      '40 emails sent, no cap; 12 of 200 text messages used',
    );

    fireEvent.click(panel.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Message allowances of Bistro' })).toBeNull();
  });

  it('shows a refused allowance as an error and keeps the form', async () => {
    adminOnAgency({
      'GET /usage': () => usage('org_1', 10, 10),
      'PUT /organizations/org_1/limits': () =>
        json(400, {
          error: 'Invalid request',
          code: 'VALIDATION_ERROR',
          details: { smsPerMonth: 'Too big: expected number to be <=100000000' },
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Allowances of Acme' }));
    const panel = within(await screen.findByRole('region', { name: 'Message allowances of Acme' }));
    await panel.findByTestId('usage');
    fireEvent.click(panel.getByRole('button', { name: 'Save allowances' }));
    expect((await panel.findByRole('alert')).textContent).toContain('Too big');
    expect(panel.getByLabelText('Emails a month')).toBeTruthy();
  });
});
