import { useEffect, useState } from 'preact/hooks';
import type { Pagination } from '../../api';
import { type ReviewRequest, requestsApi } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { RequestsTabs } from '../../components/RequestsTabs';
import { businessId, businessName } from '../../state/business';
import { METHODS } from './MessageChoice';
import { RequestTimeline } from './RequestTimeline';
import './requests.css';

const STATUSES = ['pending', 'scheduled', 'sent', 'opened', 'completed', 'failed', 'suppressed'];

/** Every review request, newest first, filtered by status and channel, each with its timeline. */
export function RequestsPage() {
  const [status, setStatus] = useState('');
  const [method, setMethod] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ data: ReviewRequest[]; pagination: Pagination } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    requestsApi
      .list({ status, method, page: String(page), businessId: businessId.value || undefined })
      .then((answer) => {
        setList(answer);
        setError(null);
      }, setError);
  }, [status, method, page, businessId.value]);

  return (
    <section aria-labelledby="requests-title" class="requests">
      <RequestsTabs />
      <div class="title-row">
        <h1 id="requests-title">Review requests</h1>
        <a href="/dashboard/requests/new">Ask one customer</a>
        <a href="/dashboard/requests/bulk">Upload a list</a>
      </div>
      <div class="toolbar">
        <div class="field">
          <label for="rq-status">Status</label>
          <select
            id="rq-status"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setPage(1);
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rq-method">Channel</label>
          <select
            id="rq-method"
            value={method}
            onChange={(e) => {
              setMethod(e.currentTarget.value);
              setPage(1);
            }}
          >
            <option value="">Any</option>
            {METHODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={error} />
      {!list && !error && <p role="status">Loading…</p>}
      {list && list.data.length === 0 && <p class="empty">No requests yet.</p>}
      {list && list.data.length > 0 && (
        <ul class="inbox" aria-label="Requests">
          {list.data.map((r) => (
            <li class="item" key={r.id}>
              <div>
                <strong>
                  {r.customer?.name || r.customer?.email || r.customer?.phone || 'Erased customer'}
                </strong>{' '}
                <span class="badge">{r.status}</span> <span class="muted">{r.method}</span>{' '}
                <span class="muted">{businessName(r.businessId)}</span>
                <RequestTimeline request={r} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {list && <Pager page={page} totalPages={list.pagination.totalPages} onPage={setPage} />}
    </section>
  );
}
