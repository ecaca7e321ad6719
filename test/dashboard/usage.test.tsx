import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../dashboard/api';
import { ErrorNote } from '../../dashboard/components/ErrorNote';
import { reasonText } from '../../dashboard/screens/requests/DryRunSummary';
import { UsagePanel } from '../../dashboard/screens/settings/UsagePanel';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const USAGE = {
  organizationId: 'org_1',
  periodStart: '2026-06-01T00:00:00.000Z',
  renews: '2026-07-01T00:00:00.000Z',
  renewalAnchor: '2026-01-01T00:00:00.000Z',
  sms: { limit: 50, used: 50, left: 0 },
  email: { limit: null, used: 120, left: null },
};

describe('usage and limits', () => {
  it('shows each allowance used / limit and when it renews, and says which one is used up', async () => {
    const api = fakeApi({ 'GET /usage': () => USAGE });
    render(<UsagePanel />);
    const list = await screen.findByTestId('usage');
    expect(list.textContent).toContain('Email: 120 sent this month, no limit.');
    expect(list.textContent).toContain('Text messages: 50 of 50 used, 0 left.');
    expect(list.textContent).toMatch(/Used up: new requests by text messages are refused until/);
    expect(screen.getByText(/^Renews /).textContent).toContain('2026');
    expect(api.of('GET', '/usage')).toHaveLength(1);
  });

  it('a 429 USAGE_LIMIT_REACHED shows the server’s message, that nothing was sent, and where usage is', () => {
    render(
      <ErrorNote
        error={
          new ApiFailure(
            429,
            'USAGE_LIMIT_REACHED',
            "This request would exceed the organization's monthly email allowance; it renews at 2026-07-01T00:00:00.000Z",
            { method: 'email: 100 a month, 0 left, this request needs 1; renews 2026-07-01T00:00:00.000Z' },
          )
        }
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('monthly email allowance; it renews at 2026-07-01');
    expect(alert.textContent).toContain('Nothing was sent.');
    expect(screen.getByRole('link', { name: /usage in Settings/ }).getAttribute('href')).toBe(
      '/dashboard/settings',
    );
  });

  it('a bulk row refused for the allowance says so in words', () => {
    expect(reasonText('usage_limit_reached')).toBe('monthly message allowance used up (see Settings)');
  });
});
