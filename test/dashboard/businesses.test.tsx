import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Business } from '../../dashboard/api';
import { BusinessEditPage } from '../../dashboard/screens/businesses/BusinessEditPage';
import { BusinessesPage } from '../../dashboard/screens/businesses/BusinessesPage';
import { contrastWithWhite } from '../../dashboard/screens/businesses/contrast';
import { GatingForm } from '../../dashboard/screens/businesses/GatingForm';
import { PlatformsForm } from '../../dashboard/screens/businesses/PlatformsForm';
import { me } from '../../dashboard/state/session';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  me.value = null;
  vi.unstubAllGlobals();
});

/** A business as the API answers it. */
function business(overrides: Partial<Business> = {}): Business {
  return {
    id: 'biz_1',
    organizationId: 'org_1',
    name: 'Joe’s Coffee',
    slug: 'joes-coffee',
    address: null,
    phone: null,
    website: null,
    country: null,
    timezone: 'Europe/London',
    locale: 'en',
    brandColor: null,
    logoUrl: null,
    gating: { mode: 'soft', threshold: 4, scale: 'stars', policyRiskAcknowledgedAt: null },
    testimonials: { autoPublishMinRating: null },
    platforms: {},
    reviewLinks: [],
    sendWindow: { start: '09:00', end: '20:00' },
    dedupDays: 14,
    reviewLink: 'http://plaudit.test/b/joes-coffee',
    archivedAt: null,
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('the review platforms editor', () => {
  it('shows the deep link each platform will produce, with an "Open it" check, and saves what was typed', async () => {
    const api = fakeApi({ 'PATCH /businesses/biz_1': (c) => business(c.body as Partial<Business>) });
    const onSaved = vi.fn();
    render(<PlatformsForm business={business()} onSaved={onSaved} disabled={false} />);

    fireEvent.input(screen.getByLabelText('Google'), { target: { value: 'ChIJN1t_tDeuEmsRUsoyG83frY4' } });
    const google = screen.getByLabelText('Google').parentElement!;
    expect(within(google).getByTestId('deep-link').textContent).toBe(
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
    );
    const open = within(google).getByRole('link', { name: /Open it/ });
    expect(open.getAttribute('href')).toBe(
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
    );
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toBe('noopener');

    fireEvent.input(screen.getByLabelText('Yelp'), {
      target: { value: 'https://www.yelp.com/biz/joes-coffee-london' },
    });
    expect(within(screen.getByLabelText('Yelp').parentElement!).getByTestId('deep-link').textContent).toBe(
      'https://www.yelp.com/writeareview/biz/joes-coffee-london',
    );
    fireEvent.input(screen.getByLabelText('Facebook'), { target: { value: 'not a page!' } });
    expect(within(screen.getByLabelText('Facebook').parentElement!).getByText(/Not recognised/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Facebook'), { target: { value: '' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save review platforms' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.of('PATCH', '/businesses/biz_1')[0].body).toEqual({
      platforms: {
        google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' },
        yelp: { url: 'https://www.yelp.com/biz/joes-coffee-london' },
      },
    });
  });

  it('takes a g.page review short link as the Google link itself', () => {
    render(<PlatformsForm business={business()} onSaved={() => {}} disabled={false} />);
    fireEvent.input(screen.getByLabelText('Google'), {
      target: { value: 'https://g.page/r/CabcDEF123/review' },
    });
    expect(screen.getByTestId('deep-link').textContent).toBe('https://g.page/r/CabcDEF123/review');
  });

  it('starts from the stored settings, and is read-only for someone who may not change it', () => {
    render(
      <PlatformsForm
        business={business({ platforms: { trustpilot: { domain: 'joes.example' } } })}
        onSaved={() => {}}
        disabled
      />,
    );
    expect((screen.getByLabelText('Trustpilot') as HTMLInputElement).value).toBe('joes.example');
    expect(screen.getByTestId('deep-link').textContent).toBe(
      'https://www.trustpilot.com/evaluate/joes.example',
    );
    expect(screen.getByLabelText('Trustpilot').closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save review platforms' })).toBeNull();
  });
});

describe('the gating form', () => {
  it('shows the policy, and strict needs the explicit acknowledgement, sent as acknowledgePolicyRisk', async () => {
    const api = fakeApi({
      'PATCH /businesses/biz_1': () =>
        business({ gating: { mode: 'strict', threshold: 4, scale: 'stars', policyRiskAcknowledgedAt: 'x' } }),
    });
    const onSaved = vi.fn();
    render(<GatingForm business={business()} onSaved={onSaved} disabled={false} />);
    const strictLabel = screen.getByRole('radio', { name: /Strict/ }).closest('label')!;
    expect(strictLabel.textContent).toContain('16 CFR 465) bans review suppression');
    expect(strictLabel.textContent).toContain('Trustpilot requires inviting all customers or none');
    expect((screen.getByRole('radio', { name: /Soft \(recommended\)/ }) as HTMLInputElement).checked).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('radio', { name: /Strict/ }));
    const save = screen.getByRole('button', { name: 'Save gating and sending' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const acknowledge = screen.getByRole('checkbox', { name: /I understand that strict gating/ });
    fireEvent.click(acknowledge);
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.of('PATCH', '/businesses/biz_1')[0].body).toEqual({
      gating: { mode: 'strict', scale: 'stars', threshold: 4, acknowledgePolicyRisk: true },
      testimonials: { autoPublishMinRating: null },
      sendWindow: { start: '09:00', end: '20:00' },
      dedupDays: 14,
    });
  });

  it('sends no acknowledgement for soft or off, and a new scale brings its own threshold', async () => {
    const api = fakeApi({ 'PATCH /businesses/biz_1': () => business() });
    render(<GatingForm business={business()} onSaved={() => {}} disabled={false} />);
    fireEvent.click(screen.getByRole('radio', { name: /^Off/ }));
    expect(screen.queryByRole('checkbox', { name: /I understand/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Rating scale'), { target: { value: 'nps' } });
    expect((screen.getByLabelText('Happy from') as HTMLInputElement).value).toBe('9');
    fireEvent.click(screen.getByRole('button', { name: 'Save gating and sending' }));
    await waitFor(() => expect(api.of('PATCH', '/businesses/biz_1')).toHaveLength(1));
    expect(api.of('PATCH', '/businesses/biz_1')[0].body).toMatchObject({
      gating: { mode: 'off', scale: 'nps', threshold: 9 },
    });
    expect((api.of('PATCH', '/businesses/biz_1')[0].body as { gating: object }).gating).not.toHaveProperty(
      'acknowledgePolicyRisk',
    );
  });
});

describe('the brand colour hint', () => {
  it('measures white text against the colour as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#1f6feb')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#ffcc00')).toBeLessThan(4.5);
  });
});

describe('who may change a business', () => {
  const signIn = (role: 'owner' | 'staff') => {
    me.value = {
      user: { id: 'usr_1', email: 'a@example.com', name: 'A', instanceAdmin: false },
      memberships: [],
      role,
      scopes: role === 'owner' ? ['businesses:read', 'businesses:write'] : ['businesses:read'],
      organization: { id: 'org_1', name: 'Acme' },
    } as never;
  };

  it('lets an owner add one; staff see the list and the settings read-only', async () => {
    fakeApi({
      'GET /businesses': () => ({
        data: [business()],
        pagination: { page: 1, perPage: 100, total: 1, totalPages: 1 },
      }),
      'GET /businesses/biz_1': () => business(),
    });
    signIn('owner');
    render(<BusinessesPage />);
    await screen.findByRole('link', { name: 'Joe’s Coffee' });
    expect(screen.getByRole('link', { name: 'New business' })).toBeTruthy();
    cleanup();

    signIn('staff');
    render(<BusinessesPage />);
    await screen.findByRole('link', { name: 'Joe’s Coffee' });
    expect(screen.queryByRole('link', { name: 'New business' })).toBeNull();
    cleanup();

    render(<BusinessEditPage id="biz_1" />);
    await screen.findByRole('heading', { name: 'Details' });
    expect(screen.getByLabelText('Name').closest('fieldset')!.disabled).toBe(true);
    expect(
      screen
        .getByRole('radio', { name: /Strict/ })
        .closest('fieldset.plain')!
        .hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: /Archive/ })).toBeNull();
  });
});
