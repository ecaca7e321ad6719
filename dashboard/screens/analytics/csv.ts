/** One table of figures: what a chart draws, what its hidden table reads out, what its CSV holds. */
export type Table = { columns: string[]; rows: Array<Array<string | number | null>> };

// A spreadsheet runs a cell that starts with one of these as a formula; staff names and labels are
// typed by people, so such text is prefixed with an apostrophe (OWASP's advice on CSV injection).
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as RFC 4180 CSV: comma-separated, CRLF line ends, quoted where a cell needs it. */
export function toCsv(table: Table): string {
  return `${[table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves `csv` as a file through a Blob link (no server round trip: the numbers are the ones on screen). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click's download has taken the URL by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
