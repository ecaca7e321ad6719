import { useState } from 'preact/hooks';
import { sheetLink } from '../../api/cards';

type Props = { businessId: string; selected: string[]; onClear: () => void };

/**
 * Print: the sheet is an ordinary page of the API that the browser opens in a new tab with the session
 * cookie (print it, or save it as PDF from the print dialog).
 */
export function CardPrintPanel({ businessId, selected, onClear }: Props) {
  const [columns, setColumns] = useState('3');
  const cols = Number(columns);
  return (
    <section class="panel" aria-labelledby="print-title">
      <h2 id="print-title">Print</h2>
      <p class="muted">
        Opens a sheet of QR codes with each card’s label and link. Print it from the new tab, or save it as a
        PDF, then cut along the dashed lines.
      </p>
      <div class="actions">
        <label class="inline">
          <span>Columns</span>
          <select value={columns} onChange={(e) => setColumns(e.currentTarget.value)}>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <a
          class="button"
          href={sheetLink({ businessId: businessId || undefined, columns: cols })}
          target="_blank"
          rel="noopener"
          data-testid="print-all"
        >
          Print every active card{businessId ? ' of this business' : ''}
        </a>
        {selected.length > 0 && (
          <>
            <a
              class="button ghost"
              href={sheetLink({ ids: selected, columns: cols })}
              target="_blank"
              rel="noopener"
              data-testid="print-selected"
            >
              Print the {selected.length} picked
            </a>
            <button type="button" class="ghost" onClick={onClear}>
              Clear the pick
            </button>
          </>
        )}
      </div>
    </section>
  );
}
