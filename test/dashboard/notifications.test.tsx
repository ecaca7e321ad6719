import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationsForm } from '../../dashboard/screens/profile/NotificationsForm';
import { chooseOrganization } from '../../dashboard/state/organization';
import { fakeApi } from './fake-api';

const DEFAULTS = {
  organizationId: 'org_1',
  feedback: true,
  lowRating: 2,
  digestHour: null,
  timeZone: 'Europe/Paris',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  chooseOrganization(null);
});

describe('NotificationsForm', () => {
  it('shows the alerts in effect and saves the new choice with PUT /me/notifications', async () => {
    const api = fakeApi({
      'GET /me/notifications': () => DEFAULTS,
      'PUT /me/notifications': (call) => ({ organizationId: 'org_1', ...(call.body as object) }),
    });
    render(<NotificationsForm />);
    const feedback = (await screen.findByLabelText('Email me each new private feedback')) as HTMLInputElement;
    const lowRating = screen.getByLabelText('Email me each new review rated') as HTMLSelectElement;
    const digest = screen.getByLabelText('Daily digest') as HTMLSelectElement;
    expect(feedback.checked).toBe(true);
    expect(lowRating.value).toBe('2');
    expect(digest.value).toBe('off');

    fireEvent.click(feedback);
    fireEvent.change(lowRating, { target: { value: '3' } });
    fireEvent.change(digest, { target: { value: '8' } });
    expect(await screen.findByText(/in your time zone/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save notifications' }));

    await waitFor(() => expect(screen.getByText('Notifications saved.')).toBeTruthy());
    const [put] = api.of('PUT', '/me/notifications');
    expect(put.body).toEqual({
      feedback: false,
      lowRating: 3,
      digestHour: 8,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(put.headers['X-Plaudit-Csrf']).toBe('1');
  });

  it('turns an alert off with "Never" / "Off" and says what the server refused', async () => {
    const api = fakeApi({
      'GET /me/notifications': () => ({ ...DEFAULTS, digestHour: 7 }),
    });
    render(<NotificationsForm />);
    fireEvent.change(await screen.findByLabelText('Email me each new review rated'), {
      target: { value: 'off' },
    });
    fireEvent.change(screen.getByLabelText('Daily digest'), { target: { value: 'off' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notifications' }));
    // The stub has no PUT handler: the API's 404 shape comes back and is shown.
    expect((await screen.findByRole('alert')).textContent).toContain('Not found');
    expect(api.of('PUT', '/me/notifications')[0].body).toEqual({
      feedback: true,
      lowRating: null,
      digestHour: null,
      timeZone: 'Europe/Paris',
    });
  });

  it('reloads for the organization the user switches to', async () => {
    const api = fakeApi({
      'GET /me/notifications': (call) =>
        call.headers['Plaudit-Organization'] === 'org_2'
          ? { ...DEFAULTS, organizationId: 'org_2', feedback: false, lowRating: null }
          : DEFAULTS,
    });
    render(<NotificationsForm />);
    expect(
      ((await screen.findByLabelText('Email me each new private feedback')) as HTMLInputElement).checked,
    ).toBe(true);
    chooseOrganization('org_2');
    await waitFor(() =>
      expect((screen.getByLabelText('Email me each new private feedback') as HTMLInputElement).checked).toBe(
        false,
      ),
    );
    expect(api.of('GET', '/me/notifications')).toHaveLength(2);
  });
});
