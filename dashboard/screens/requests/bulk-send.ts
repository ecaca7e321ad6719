import {
  type BulkInput,
  type BulkResult,
  type BulkRow,
  type RowResult,
  requestsApi,
} from '../../api/requests';

/** Rows per call: each call is one short transaction on the server, and the progress bar moves per chunk. */
export const CHUNK = 200;
type Options = Omit<BulkInput, 'rows' | 'dryRun'>;

/** Adds up outcomes into the totals the API gives. */
export function totalsOf(rows: RowResult[]): BulkResult['totals'] {
  const totals = { rows: rows.length, send: 0, scheduled: 0, suppressed: 0, deduplicated: 0, invalid: 0 };
  for (const row of rows) totals[row.outcome] += 1;
  return totals;
}

/**
 * Sends the upload in chunks of CHUNK rows, each with its own Idempotency-Key (a retried chunk sends nothing
 * twice). Rows the dry run found earlier in the same file stay out: across chunks the server could not see
 * them as one upload. Every other row meets the server's rules again, so a change since the dry run counts.
 */
export async function sendInChunks(
  rows: BulkRow[],
  dryRun: BulkResult,
  options: Options,
  uploadId: string,
  onProgress: (done: number, total: number) => void,
): Promise<BulkResult> {
  const results: RowResult[] = [];
  const pending: Array<{ index: number; row: BulkRow }> = [];
  for (const [index, result] of dryRun.rows.entries()) {
    if (result.reason === 'duplicate_in_file') results.push(result);
    else pending.push({ index, row: rows[index] });
  }
  onProgress(0, pending.length);
  for (let start = 0; start < pending.length; start += CHUNK) {
    const chunk = pending.slice(start, start + CHUNK);
    const answer = await requestsApi.bulk(
      { ...options, dryRun: false, rows: chunk.map((c) => c.row) },
      `${uploadId}-${start / CHUNK}`,
    );
    for (const [i, result] of answer.rows.entries()) results.push({ ...result, row: chunk[i].index + 1 });
    onProgress(Math.min(start + CHUNK, pending.length), pending.length);
  }
  results.sort((a, b) => a.row - b.row);
  return { dryRun: false, totals: totalsOf(results), rows: results };
}
