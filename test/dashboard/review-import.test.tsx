import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Business } from '../../dashboard/api';
import { ReviewImportPage } from '../../dashboard/screens/review-import/ReviewImportPage';
import { businesses } from '../../dashboard/state/business';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  businesses.value = [];
});

const CSV = 'source,externalId,rating,authorName\ngoogle,a,5,Ana\ngoogle,b,9,Bob\ngoogle,c,4,Cy';

describe('importing reviews', () => {
  it('sends pasted CSV as text/csv for the chosen business and lists each failed row with its reason', async () => {
    businesses.value = [{ id: 'biz_1', name: 'Cafe' }] as Business[];
    const api = fakeApi({
      'POST /reviews/import': () => ({
        created: 2,
        updated: 0,
        skipped: 0,
        errors: [{ row: 2, errors: { rating: 'Too big: expected number to be <=5' } }],
      }),
    });
    render(<ReviewImportPage />);
    fireEvent.input(screen.getByLabelText('Or paste it here'), { target: { value: CSV } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/2 created, 0 updated, 0 skipped \(unchanged\), 1 failed/);
    expect(screen.getByText(/Row 2: rating Too big/)).toBeTruthy();
    const [call] = api.of('POST', '/reviews/import');
    expect(call.path).toBe('/reviews/import?businessId=biz_1');
    expect(call.headers['Content-Type']).toBe('text/csv');
  });

  it('sends a JSON array as JSON', async () => {
    businesses.value = [{ id: 'biz_1', name: 'Cafe' }] as Business[];
    const api = fakeApi({
      'POST /reviews/import': () => ({ created: 1, updated: 0, skipped: 0, errors: [] }),
    });
    render(<ReviewImportPage />);
    const rows = [{ source: 'google', externalId: 'a', rating: 5, authorName: 'Ana' }];
    fireEvent.input(screen.getByLabelText('Or paste it here'), { target: { value: JSON.stringify(rows) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(api.of('POST', '/reviews/import')).toHaveLength(1));
    expect(api.calls[0].body).toEqual(rows);
    expect(api.calls[0].headers['Content-Type']).toBe('application/json');
    await screen.findByText(/1 created/);
  });
});
