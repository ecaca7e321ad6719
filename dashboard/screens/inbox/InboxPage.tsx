import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type ItemRef } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { refreshUnread } from '../../state/unread';
import { PendingNotice } from '../pending/PendingNotice';
import { InboxFilters } from './InboxFilters';
import { InboxList, itemKey } from './InboxList';
import { filterFromQuery, inboxUrl, pageFromQuery } from './inbox-query';
import { PER_PAGE, useInbox } from './use-inbox';

/** Reviews and private feedback of every business of the organization, newest first, filtered by the URL. */
export function InboxPage() {
  const { query } = useLocation();
  const filter = filterFromQuery(query);
  const page = pageFromQuery(query);
  const { data, error, loading, reload } = useInbox(filter, page);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  // A selection belongs to the list it was made in.
  const listKey = `${JSON.stringify(filter)}|${page}`;
  useEffect(() => setSelected(new Set()), [listKey]);

  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const items = data?.data ?? [];
  const allSelected = items.length > 0 && items.every((item) => selected.has(itemKey(item)));

  async function mark(read: boolean, target: { items: ItemRef[] } | { filter: typeof filter }) {
    try {
      const { updated } = await api.mark(read, target);
      setStatus(`Marked ${updated} ${updated === 1 ? 'item' : 'items'} ${read ? 'read' : 'unread'}.`);
      setFailure(null);
      setSelected(new Set());
      await Promise.all([reload(), refreshUnread()]);
    } catch (e) {
      setFailure(e);
    }
  }
  const selectedRefs = (): ItemRef[] =>
    [...selected].map((key) => {
      const [type, id] = key.split(':') as ['review' | 'feedback', string];
      return { type, id };
    });

  const total = data?.pagination.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <section aria-labelledby="inbox-title">
      <div class="title-row">
        <h1 id="inbox-title">Inbox</h1>
        <a href="/dashboard/reviews/new">Add or import reviews</a>
        {data && (
          <p class="muted">
            {total} {total === 1 ? 'item' : 'items'}, {data.unreadCount} unread
          </p>
        )}
      </div>
      <PendingNotice />
      <InboxFilters filter={filter} />
      <fieldset class="toolbar">
        <legend class="sr-only">Read state</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(items.map(itemKey)))}
          />
          <span>Select all on this page</span>
        </label>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => mark(true, { items: selectedRefs() })}
        >
          Mark read
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => mark(false, { items: selectedRefs() })}
        >
          Mark unread
        </button>
        <button type="button" class="ghost" onClick={() => mark(true, { filter })}>
          Mark all {Object.keys(filter).length > 0 ? 'matching ' : ''}read
        </button>
      </fieldset>
      <p role="status" class="muted">
        {loading ? 'Loading…' : status}
      </p>
      <ErrorNote error={error ?? failure} />
      {data && <InboxList items={items} selected={selected} onToggle={toggle} />}
      {pages > 1 && (
        <nav class="pager" aria-label="Pages">
          {page > 1 && <a href={inboxUrl(filter, page - 1)}>Newer</a>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <a href={inboxUrl(filter, page + 1)}>Older</a>}
        </nav>
      )}
    </section>
  );
}
