// CSI and OSC escape sequences (7-bit and C1 forms), then any other C0/C1 control or bidi override.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal control characters is the point
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * User data made safe for a terminal: ANSI/OSC escapes removed, control and bidi-override characters
 * dropped (newlines and tabs become spaces), so a business or review name cannot rewrite the screen.
 */
export function printable(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(CSI, '')
    .replace(OSC, '')
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROLS, '');
}

/** A plain-text table: a header row and left-aligned columns, every cell passed through `printable`. */
export function table(headers: string[], rows: unknown[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(printable))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...row[i]].length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
    .join('\n');
}

/** Writes a line to stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes JSON (for `--json`); C1 controls and bidi overrides, which JSON leaves raw, are escaped too. */
export function sayJson(value: unknown): void {
  const json = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  process.stdout.write(`${json}\n`);
}
