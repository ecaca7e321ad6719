import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { funnelChart, staffChart } from '../../dashboard/screens/analytics/chart-data';
import { toCsv } from '../../dashboard/screens/analytics/csv';
import { DateRangeControl } from '../../dashboard/screens/analytics/DateRangeControl';
import { type DateRange, presetOf, presetRange, todayIn } from '../../dashboard/screens/analytics/date-range';

// uPlot draws on a canvas, which happy-dom lacks; the real chart is checked in Chromium.
vi.mock('../../dashboard/screens/analytics/UplotChart', () => ({
  UplotChart: () => <div data-testid="chart" />,
}));
const { ChartFigure } = await import('../../dashboard/screens/analytics/ChartFigure');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('CSV export', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain cells and numbers alone', () => {
    const csv = toCsv({
      columns: ['Staff member', 'Taps', 'Note'],
      rows: [
        ['Ana', 3, 'plain'],
        ['Smith, John', 12, 'said "hi"'],
        ['Multi\nline', 0, ' padded '],
        ['Carriage\rreturn', 1.5, null],
      ],
    });
    expect(csv).toBe(
      'Staff member,Taps,Note\r\n' +
        'Ana,3,plain\r\n' +
        '"Smith, John",12,"said ""hi"""\r\n' +
        '"Multi\nline",0," padded "\r\n' +
        '"Carriage\rreturn",1.5,\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(
      toCsv({
        columns: ['a', 'b'],
        rows: [
          ['=HYPERLINK("x")', -2],
          ['+1', '@me'],
        ],
      }),
    ).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-2\r\n\'+1,\'@me\r\n');
  });

  it('downloads the chart’s own numbers as a CSV Blob', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const spec = staffChart({
      range: { dateFrom: '2026-01-01', dateTo: '2026-01-31', timeZone: 'UTC', from: '', before: '' },
      cards: [],
      staff: [
        { staffMember: 'O’Brien, Pat', cards: 2, taps: 5, rated: 3, completed: 2 },
        { staffMember: null, cards: 1, taps: 1, rated: 0, completed: 0 },
      ],
    });
    render(<ChartFigure id="c" title="Taps per staff member" spec={spec} filename="staff.csv" />);
    // The hidden table carries the same numbers for screen readers.
    const table = screen.getByRole('table', { name: 'Taps per staff member' });
    expect(within(table).getByRole('rowheader', { name: 'O’Brien, Pat' })).toBeTruthy();
    expect(
      screen.getByRole('figure', { name: 'Taps per staff member' }).getAttribute('aria-describedby'),
    ).toBe('c-summary');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV of Taps per staff member' }));
    expect(clicks).toEqual(['staff.csv']);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0].text()).toBe(
      'Staff member,Taps,Conversions\r\n"O’Brien, Pat",5,2\r\nUnassigned,1,0\r\n',
    );
  });

  it('summarises a chart in words for screen readers', () => {
    render(
      <ChartFigure
        id="f"
        title="Request funnel"
        spec={funnelChart({
          range: { dateFrom: '', dateTo: '', timeZone: 'UTC', from: '', before: '' },
          sent: 10,
          opened: 6,
          rated: 4,
          platformClicked: 3,
          privateFeedback: 1,
        })}
        filename="f.csv"
      />,
    );
    expect(document.getElementById('f-summary')?.textContent).toContain('Requests highest at 10 (Sent)');
  });
});

describe('date range presets', () => {
  it('count back from today, both ends included; 12 months start on the first of a month', () => {
    expect(presetRange('30d', '2026-03-15')).toEqual({ dateFrom: '2026-02-14', dateTo: '2026-03-15' });
    expect(presetRange('90d', '2026-03-15')).toEqual({ dateFrom: '2025-12-16', dateTo: '2026-03-15' });
    expect(presetRange('12m', '2026-03-15')).toEqual({ dateFrom: '2025-04-01', dateTo: '2026-03-15' });
    expect(presetRange('12m', '2026-12-31')).toEqual({ dateFrom: '2026-01-01', dateTo: '2026-12-31' });
    expect(presetOf({ dateFrom: '2026-02-14', dateTo: '2026-03-15' }, '2026-03-15')).toBe('30d');
    expect(presetOf({ dateFrom: '2026-02-13', dateTo: '2026-03-15' }, '2026-03-15')).toBeNull();
  });

  it('take today from the time zone’s clock', () => {
    const instant = new Date('2026-03-15T02:00:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-15');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-14');
  });

  it('set both dates from a button, which shows as pressed; typed dates keep the other end', () => {
    function Harness() {
      const [range, setRange] = useState<DateRange>(presetRange('12m', '2026-03-15'));
      return (
        <>
          <DateRangeControl range={range} today="2026-03-15" onChange={setRange} />
          <output data-testid="range">{`${range.dateFrom}..${range.dateTo}`}</output>
        </>
      );
    }
    render(<Harness />);
    const pressed = () =>
      screen
        .getAllByRole('button')
        .filter((b) => b.getAttribute('aria-pressed') === 'true')
        .map((b) => b.textContent);
    expect(pressed()).toEqual(['12 months']);
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(screen.getByTestId('range').textContent).toBe('2026-02-14..2026-03-15');
    expect(pressed()).toEqual(['30 days']);
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    expect(screen.getByTestId('range').textContent).toBe('2025-12-16..2026-03-15');
    const from = screen.getByLabelText('From') as HTMLInputElement;
    from.value = '2026-01-01';
    fireEvent.change(from);
    expect(screen.getByTestId('range').textContent).toBe('2026-01-01..2026-03-15');
    expect(pressed()).toEqual([]);
  });
});
