import { useState } from 'preact/hooks';
import { reviewsApi } from '../../api/reviews';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';
import { businessId as pickedBusiness } from '../../state/business';
import { BusinessSelect, firstBusiness } from '../review-add/BusinessSelect';
import { ImportResultView } from './ImportResultView';

const EXAMPLE = 'source,externalId,rating,authorName,content,publishedAt\ngoogle,g-1,5,Ana,Lovely,2026-05-01';

/** A JSON array starts with `[`; anything else is taken as CSV. */
const formatOf = (text: string): 'csv' | 'json' => (text.trimStart().startsWith('[') ? 'json' : 'csv');

/** Imports reviews from a CSV or JSON file, or pasted text; good rows go in, bad ones are listed. */
export function ReviewImportPage() {
  const [businessId, setBusinessId] = useState(firstBusiness(pickedBusiness.value));
  const [text, setText] = useState('');
  const [readError, setReadError] = useState<unknown>(null);
  const { submit, busy, error, done } = useSubmit(() =>
    reviewsApi.import(businessId || firstBusiness(''), text, formatOf(text)),
  );
  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setText(await file.text());
      setReadError(null);
    } catch (e) {
      setReadError(e);
    }
  };
  return (
    <section aria-labelledby="import-title">
      <div class="title-row">
        <h1 id="import-title">Import reviews</h1>
        <a href="/dashboard/reviews/new">Add one by hand instead</a>
      </div>
      <form class="panel" onSubmit={submit}>
        <BusinessSelect value={businessId} onValue={setBusinessId} />
        <div class="field">
          <label for="import-file">CSV or JSON file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => pick(e.currentTarget.files?.[0])}
          />
        </div>
        <div class="field">
          <label for="import-text">Or paste it here</label>
          <textarea
            id="import-text"
            rows={8}
            value={text}
            placeholder={EXAMPLE}
            aria-describedby="import-text-hint"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <small id="import-text-hint" class="muted">
            A header row, then one review a line: source, externalId, rating and authorName are needed;
            content, title, publishedAt, url and tags (separated by ;) may follow. A row already imported
            (same source and externalId) is updated or skipped, never doubled.
          </small>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy || !text.trim()}>
            Import
          </button>
        </div>
        <ErrorNote error={readError ?? error} />
      </form>
      {done && <ImportResultView result={done} />}
    </section>
  );
}
