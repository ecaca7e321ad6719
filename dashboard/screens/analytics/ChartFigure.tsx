import type { ComponentChildren } from 'preact';
import { type ChartSpec, summaryOf, tableOf } from './chart-data';
import { downloadCsv, toCsv } from './csv';
import { UplotChart } from './UplotChart';

type Props = { id: string; title: string; spec: ChartSpec; filename: string; children?: ComponentChildren };

/**
 * A chart with its caption, a spoken summary, the same numbers as a visually hidden table for screen
 * readers, and a CSV download of exactly those numbers.
 */
export function ChartFigure({ id, title, spec, filename, children }: Props) {
  const table = tableOf(spec);
  const empty = spec.labels.length === 0 || spec.series.length === 0;
  return (
    <figure class="panel chart-figure" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-caption`}>
        <h2>{title}</h2>
      </figcaption>
      {children}
      <p id={`${id}-summary`} class="sr-only">
        {summaryOf(title, spec)}
      </p>
      {empty ? <p class="muted">Nothing in this range yet.</p> : <UplotChart spec={spec} />}
      {!empty && (
        // A table ignores a 1 px width: the wrapper clips it, or it would widen a phone's page.
        <div class="sr-only">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((value, i) => (
                    <td key={table.columns[i + 1]}>{value ?? '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          class="ghost"
          disabled={empty}
          onClick={() => downloadCsv(filename, toCsv(table))}
        >
          Download CSV<span class="sr-only"> of {title}</span>
        </button>
      </div>
    </figure>
  );
}
