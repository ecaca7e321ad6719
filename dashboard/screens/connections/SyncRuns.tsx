import type { SyncRun } from '../../api/connections';
import { when } from './when';

/** The newest sync runs of a connection: when, what each brought, and any error. */
export function SyncRuns({ runs }: { runs: SyncRun[] }) {
  if (runs.length === 0) return <p class="muted">No sync has run yet.</p>;
  return (
    <ul class="sync-runs" aria-label="Last sync runs">
      {runs.map((run) => (
        <li key={run.id} class={run.error ? 'failed' : undefined}>
          <span>
            Started {when(run.startedAt)} ·{' '}
            {run.finishedAt ? `finished ${when(run.finishedAt)}` : <strong>running</strong>}
          </span>
          <span class="muted">
            {run.fetched} fetched, {run.created} new, {run.updated} updated
            {run.hidden > 0 && `, ${run.hidden} hidden`}
          </span>
          {run.error && <span class="run-error">Error: {run.error}</span>}
        </li>
      ))}
    </ul>
  );
}
