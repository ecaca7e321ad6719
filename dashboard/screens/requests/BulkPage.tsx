import { useMemo, useState } from 'preact/hooks';
import { type BulkResult, requestsApi } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { sendInChunks } from './bulk-send';
import { ColumnMapper } from './ColumnMapper';
import { guessMapping, type Mapping, rowsFrom } from './column-mapping';
import { parseCsv } from './csv';
import { DryRunSummary } from './DryRunSummary';
import { MessageChoice } from './MessageChoice';
import { useMessageChoice } from './use-message-choice';
import './requests.css';

const MAX_ROWS = 5000;

/** Upload or paste a CSV, match its columns, see what a send would do (the server's dry run), then send. */
export function BulkPage() {
  const choice = useMessageChoice();
  const [text, setText] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [dryRun, setDryRun] = useState<BulkResult | null>(null);
  const [sent, setSent] = useState<BulkResult | null>(null);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const table = useMemo(() => parseCsv(text), [text]);
  const headers = table[0] ?? [];
  const body = table.slice(1);
  const rows = useMemo(() => (mapping ? rowsFrom(body, mapping) : []), [table, mapping]);
  const options = {
    businessId: choice.businessId,
    method: choice.method,
    templateId: choice.templateId || undefined,
  };

  const load = (next: string) => {
    setText(next);
    setMapping(guessMapping(parseCsv(next)[0] ?? []));
    setDryRun(null);
    setSent(null);
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      setSent(null);
      setDryRun(await requestsApi.bulk({ ...options, dryRun: true, rows }));
    });
  const send = () =>
    run(async () => {
      if (!dryRun) return;
      const uploadId = crypto.randomUUID();
      setSent(
        await sendInChunks(rows, dryRun, options, uploadId, (done, total) => setProgress([done, total])),
      );
    });

  return (
    <section aria-labelledby="bulk-title" class="requests">
      <div class="title-row">
        <h1 id="bulk-title">Ask many customers</h1>
        <a href="/dashboard/requests">All requests</a>
      </div>
      <div class="panel">
        <MessageChoice {...choice} />
        <div class="field">
          <label for="bulk-file">CSV file</label>
          <input
            id="bulk-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) load(await file.text());
            }}
          />
        </div>
        <div class="field">
          <label for="bulk-paste">Or paste the rows (first line: column names)</label>
          <textarea id="bulk-paste" rows={4} value={text} onInput={(e) => load(e.currentTarget.value)} />
        </div>
      </div>
      {mapping && body.length > 0 && (
        <>
          <ColumnMapper headers={headers} sample={body[0]} mapping={mapping} onChange={setMapping} />
          <p>
            {body.length} rows{body.length > MAX_ROWS && ` — at most ${MAX_ROWS} per upload; split the file`}
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={check}
              disabled={busy || body.length > MAX_ROWS || !choice.businessId}
            >
              Check what will happen
            </button>
          </div>
        </>
      )}
      <ErrorNote error={error} />
      {dryRun && !sent && <DryRunSummary totals={dryRun.totals} rows={dryRun.rows} done={false} />}
      {dryRun && !sent && dryRun.totals.send + dryRun.totals.scheduled > 0 && (
        <div class="actions">
          <button type="button" onClick={send} disabled={busy}>
            Send {dryRun.totals.send + dryRun.totals.scheduled} requests
          </button>
        </div>
      )}
      {progress && (busy || sent) && (
        <div class="field">
          <label for="bulk-progress">Sending</label>
          <progress id="bulk-progress" max={progress[1]} value={progress[0]}>
            {progress[0]} of {progress[1]}
          </progress>
          <small class="muted" aria-live="polite">
            {progress[0]} of {progress[1]} rows
          </small>
        </div>
      )}
      {sent && (
        <>
          <DryRunSummary totals={sent.totals} rows={sent.rows} done />
          <p>
            <a href="/dashboard/messages">See the messages</a> ·{' '}
            <a href="/dashboard/requests">See the requests</a>
          </p>
        </>
      )}
    </section>
  );
}
