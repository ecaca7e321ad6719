import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

describe('creating an organization from the agency screen', () => {
  it('posts the name to /organizations and the new one then shows in the list with its switch', async () => {
    me.value = {
      user: { id: 'usr_1', email: 'a@example.com', name: 'A', instanceAdmin: true },
      memberships: [],
      role: 'owner',
      scopes: [],
      organization: { id: 'org_1', name: 'Acme' },
    } as unknown as Me;
    const listed = [summary('org_1', 'Acme')];
    const api = fakeApi({
      'GET /organizations/overview': () => ({ data: [...listed] }),
      'POST /organizations': (call) => {
        const created = summary('org_2', (call.body as { name: string }).name);
        listed.push(created);
        return { id: created.id, name: created.name };
      },
    });
    render(
      <LocationProvider>
        <AgencyPage />
      </LocationProvider>,
    );
    await screen.findByRole('button', { name: 'Switch to Acme' });
    fireEvent.input(screen.getByLabelText('Organization name'), { target: { value: ' Bistro ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create organization' }));
    await screen.findByRole('button', { name: 'Switch to Bistro' });
    expect(api.of('POST', '/organizations')[0].body).toEqual({ name: 'Bistro' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Bistro created'));
  });
});
