import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/ErrorNote';
import { canEditBusinesses, useBusinessList } from './use-business';

/** The organization's businesses (locations): each opens its settings; owners and managers add one. */
export function BusinessesPage() {
  const [archived, setArchived] = useState(false);
  const { list, error } = useBusinessList(archived);
  return (
    <section aria-labelledby="businesses-title">
      <div class="title-row">
        <h1 id="businesses-title">Businesses</h1>
        {canEditBusinesses() && (
          <a class="button" href="/dashboard/businesses/new">
            New business
          </a>
        )}
      </div>
      <label class="check">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <span>Show archived businesses</span>
      </label>
      <ErrorNote error={error} />
      {list === null && !error && <p role="status">Loading…</p>}
      {list && list.length === 0 && (
        <p class="panel">{archived ? 'No archived businesses.' : 'No businesses yet: add your first one.'}</p>
      )}
      {list && list.length > 0 && (
        <ul class="sessions panel" aria-label="Businesses">
          {list.map((b) => (
            <li key={b.id}>
              <span>
                <a href={`/dashboard/businesses/${b.id}`}>
                  <strong>{b.name}</strong>
                </a>
                <br />
                <small class="muted">
                  {[b.address, b.timezone, `gating ${b.gating.mode}`, `${b.reviewLinks.length} review links`]
                    .filter(Boolean)
                    .join(' · ')}
                </small>
              </span>
              <a class="button ghost" href={b.reviewLink} target="_blank" rel="noopener">
                Landing page<span class="sr-only"> of {b.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
