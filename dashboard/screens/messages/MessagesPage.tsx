import { useEffect, useState } from 'preact/hooks';
import type { Pagination } from '../../api';
import { type Message, requestsApi } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { RequestsTabs } from '../../components/RequestsTabs';
import '../requests/requests.css';

/** The message log: every message queued or sent, with its recipient, status and text. */
export function MessagesPage() {
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ data: Message[]; pagination: Pagination } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    requestsApi.messages({ page: String(page) }).then((answer) => {
      setList(answer);
      setError(null);
    }, setError);
  }, [page]);
  return (
    <section aria-labelledby="messages-title" class="requests">
      <RequestsTabs />
      <h1 id="messages-title">Messages</h1>
      <ErrorNote error={error} />
      {!list && !error && <p role="status">Loading…</p>}
      {list && (
        <p class="muted" data-testid="messages-total">
          {list.pagination.total} messages
        </p>
      )}
      {list && list.data.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.id}>
                  <td>{m.recipient}</td>
                  <td>
                    {m.channel}
                    {m.sms && (
                      <small class="muted">
                        {' '}
                        {m.sms.encoding}, {m.sms.segments} part{m.sms.segments > 1 ? 's' : ''}
                      </small>
                    )}
                  </td>
                  <td>{m.status}</td>
                  <td>
                    {m.subject ?? (m.text ? `${m.text.slice(0, 80)}${m.text.length > 80 ? '…' : ''}` : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && <Pager page={page} totalPages={list.pagination.totalPages} onPage={setPage} />}
    </section>
  );
}
