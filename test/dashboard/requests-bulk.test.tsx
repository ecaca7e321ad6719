import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkResult } from '../../dashboard/api/requests';
import { sendInChunks } from '../../dashboard/screens/requests/bulk-send';
import { ColumnMapper } from '../../dashboard/screens/requests/ColumnMapper';
import { guessMapping, type Mapping, rowsFrom } from '../../dashboard/screens/requests/column-mapping';
import { parseCsv } from '../../dashboard/screens/requests/csv';
import { DryRunSummary } from '../../dashboard/screens/requests/DryRunSummary';
import { fakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('reading a CSV', () => {
  it('handles quotes, quoted commas and line breaks, semicolons, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFname,email\r\n"Silva, Ana","a@x.com"\n\n"Bo ""B"" \nJr",b@x.com\n')).toEqual([
      ['name', 'email'],
      ['Silva, Ana', 'a@x.com'],
      ['Bo "B" \nJr', 'b@x.com'],
    ]);
    expect(parseCsv('Name;Phone\nAna;+33 6 12 34 56 78')).toEqual([
      ['Name', 'Phone'],
      ['Ana', '+33 6 12 34 56 78'],
    ]);
  });
});

function Mapper({ table, onRows }: { table: string[][]; onRows: (rows: unknown) => void }) {
  const [mapping, setMapping] = useState<Mapping>(guessMapping(table[0]));
  onRows(rowsFrom(table.slice(1), mapping));
  return <ColumnMapper headers={table[0]} sample={table[1]} mapping={mapping} onChange={setMapping} />;
}

describe('the column mapper', () => {
  it('guesses columns from the header row, shows a sample, and builds rows from what the person picks', () => {
    const table = parseCsv('Given name,Surname,Mobile,Mail,Notes\nAna,Silva,+14155550100,ana@x.com,vip\n');
    let rows: unknown;
    render(<Mapper table={table} onRows={(r) => (rows = r)} />);
    const group = screen.getByRole('group', { name: 'Match the file’s columns' });
    expect((within(group).getByLabelText('First name') as HTMLSelectElement).value).toBe('0');
    expect((within(group).getByLabelText('Last name') as HTMLSelectElement).value).toBe('1');
    expect((within(group).getByLabelText('Phone') as HTMLSelectElement).value).toBe('2');
    expect((within(group).getByLabelText('Email') as HTMLSelectElement).value).toBe('3');
    expect((within(group).getByLabelText('Full name') as HTMLSelectElement).value).toBe('-1');
    expect(within(group).getAllByRole('option', { name: 'Mail (e.g. ana@x.com)' })).toHaveLength(5);
    expect(rows).toEqual([{ name: 'Ana Silva', email: 'ana@x.com', phone: '+14155550100' }]);

    // Unmap the phone and read the name from the Notes column instead.
    fireEvent.change(within(group).getByLabelText('Phone'), { target: { value: '-1' } });
    fireEvent.change(within(group).getByLabelText('Full name'), { target: { value: '4' } });
    expect(rows).toEqual([{ name: 'vip', email: 'ana@x.com' }]);
  });
});

const result = (outcomes: Array<[string, string | null]>): BulkResult['rows'] =>
  outcomes.map(([outcome, reason], i) => ({
    row: i + 1,
    outcome: outcome as BulkResult['rows'][number]['outcome'],
    reason,
    requestId: null,
    sendAt: outcome === 'scheduled' ? '2026-06-16T13:00:00.000Z' : null,
  }));

describe('the dry-run summary', () => {
  it('gives every total, and lists each row not sent with the reason in words', () => {
    const rows = result([
      ['send', null],
      ['suppressed', 'opted_out'],
      ['deduplicated', 'duplicate_in_file'],
      ['deduplicated', 'recent_request'],
      ['invalid', 'invalid_phone'],
      ['scheduled', null],
    ]);
    const totals = { rows: 6, send: 1, scheduled: 1, suppressed: 1, deduplicated: 2, invalid: 1 };
    render(<DryRunSummary totals={totals} rows={rows} done={false} />);
    expect(screen.getByRole('heading', { name: 'Dry run: 6 rows' })).toBeTruthy();
    const summary = screen.getByTestId('dry-run');
    const total = (outcome: string) => summary.querySelector(`[data-outcome="${outcome}"]`)?.textContent;
    expect(total('send')).toBe('1 will be sent now');
    expect(total('deduplicated')).toBe('2 deduplicated (asked recently, or twice in the file)');
    expect(total('suppressed')).toBe('1 suppressed (opted out or invalid customer)');
    expect(screen.getByText('The 5 rows not sent now')).toBeTruthy();
    const cells = screen.getAllByRole('row').map((r) => r.textContent);
    expect(cells).toContain('2suppressedopted out');
    expect(cells).toContain('3deduplicatedearlier in this file');
    expect(cells).toContain('4deduplicatedalready asked recently');
    expect(cells).toContain('5invalidphone is not valid');
  });
});

describe('sending in chunks', () => {
  it('leaves out the rows found twice in the file, sends the rest 200 at a time with a key each, and reports progress', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ email: `c${i}@x.com` }));
    const dry: BulkResult = {
      dryRun: true,
      totals: { rows: 450, send: 440, scheduled: 0, suppressed: 0, deduplicated: 10, invalid: 0 },
      rows: result(rows.map((_, i) => (i >= 440 ? ['deduplicated', 'duplicate_in_file'] : ['send', null]))),
    };
    const api = fakeApi({
      'POST /review-requests/bulk': (call) => {
        const body = call.body as { rows: unknown[] };
        return { dryRun: false, totals: {}, rows: result(body.rows.map(() => ['send', null])) };
      },
    });
    const progress: number[][] = [];
    const sent = await sendInChunks(rows, dry, { businessId: 'biz_1', method: 'email' }, 'up', (d, t) =>
      progress.push([d, t]),
    );
    const calls = api.of('POST', '/review-requests/bulk');
    expect(calls.map((c) => (c.body as { rows: unknown[] }).rows.length)).toEqual([200, 200, 40]);
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['up-0', 'up-1', 'up-2']);
    expect(calls.every((c) => (c.body as { dryRun: boolean }).dryRun === false)).toBe(true);
    expect(progress).toEqual([
      [0, 440],
      [200, 440],
      [400, 440],
      [440, 440],
    ]);
    expect(sent.totals).toEqual({
      rows: 450,
      send: 440,
      scheduled: 0,
      suppressed: 0,
      deduplicated: 10,
      invalid: 0,
    });
    expect(sent.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
  });
});
