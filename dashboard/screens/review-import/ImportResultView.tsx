import type { ImportResult } from '../../api/reviews';

/** What an import did: counts, then each refused row with its reasons (rows count from 1, header not counted). */
export function ImportResultView({ result }: { result: ImportResult }) {
  const failed = result.errors.length;
  return (
    <section class="panel" aria-labelledby="import-result-title">
      <h2 id="import-result-title">Result</h2>
      <p role="status">
        {result.created} created, {result.updated} updated, {result.skipped} skipped (unchanged), {failed}{' '}
        failed.
      </p>
      {failed > 0 && (
        <ul class="import-errors">
          {result.errors.map(({ row, errors }) => (
            <li key={row}>
              Row {row}:{' '}
              {Object.entries(errors)
                .map(([field, reason]) => `${field} ${reason}`)
                .join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
