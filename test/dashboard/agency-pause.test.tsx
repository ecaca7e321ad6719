import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../dashboard/api';
import { AgencyPage } from '../../dashboard/screens/agency/AgencyPage';
import { me } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  me.value = null;
});

const summary = (id: string, name: string) => ({
  id,
  name,
  businesses: [],
  reviewsThisMonth: 0,
  averageRating: null,
  openFeedback: 0,
});
const org = (id: string, name: string, pausedAt: string | null) => ({
  id,
  name,
  pausedAt,
  createdAt: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-01T10:00:00.000Z',
});

describe('pausing an organization from the agency screen', () => {
  it('shows which organizations are paused (messages wait), pauses after a confirmation and resumes', async () => {
    me.value = {
      user: { id: 'usr_1', email: 'a@example.com', name: 'A', instanceAdmin: true },
      memberships: [],
      role: 'owner',
      scopes: [],
      organization: { id: 'org_1', name: 'Acme' },
    } as unknown as Me;
    const state: Record<string, string | null> = { org_1: null, org_2: '2026-06-03T10:00:00.000Z' };
    const api = fakeApi({
      'GET /organizations/overview': () => ({ data: [summary('org_1', 'Acme'), summary('org_2', 'Bistro')] }),
      'GET /organizations': () => ({
        data: [org('org_1', 'Acme', state.org_1), org('org_2', 'Bistro', state.org_2)],
      }),
      'POST /organizations/org_1/pause': () => {
        state.org_1 = '2026-06-05T10:00:00.000Z';
        return org('org_1', 'Acme', state.org_1);
      },
      'POST /organizations/org_2/resume': () => {
        state.org_2 = null;
        return org('org_2', 'Bistro', null);
      },
    });
    render(
      <LocationProvider>
        <AgencyPage />
      </LocationProvider>,
    );
    const bistro = within(
      (await screen.findByRole('rowheader', { name: 'Bistro' })).closest('tr') as HTMLElement,
    );
    await waitFor(() => expect(bistro.getByTestId('paused').textContent).toBe('Paused: messages wait'));

    vi.stubGlobal('confirm', () => false);
    fireEvent.click(screen.getByRole('button', { name: 'Pause Acme' }));
    expect(api.of('POST', '/organizations/org_1/pause')).toHaveLength(0);
    vi.stubGlobal('confirm', () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause Acme' }));
    await screen.findByRole('button', { name: 'Resume Acme' });
    expect(api.of('POST', '/organizations/org_1/pause')).toHaveLength(1);

    fireEvent.click(bistro.getByRole('button', { name: 'Resume Bistro' }));
    await screen.findByRole('button', { name: 'Pause Bistro' });
    expect(api.of('POST', '/organizations/org_2/resume')).toHaveLength(1);
  });
});
