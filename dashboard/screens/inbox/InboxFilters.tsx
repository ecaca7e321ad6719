import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { SOURCES } from '../../../widget/types';
import type { InboxFilter } from '../../api';
import { sourceLabel } from '../../components/format';
import { businesses } from '../../state/business';
import { inboxUrl } from './inbox-query';

type Option = [value: string, label: string];
const ANY: Option = ['', 'Any'];
const SELECTS: { key: string; label: string; options: Option[] }[] = [
  {
    key: 'type',
    label: 'Kind',
    options: [
      ['', 'Reviews and feedback'],
      ['review', 'Reviews'],
      ['feedback', 'Private feedback'],
    ],
  },
  { key: 'source', label: 'Source', options: [ANY, ...SOURCES.map((s): Option => [s, sourceLabel(s)])] },
  {
    key: 'rating',
    label: 'Rating',
    options: [ANY, ...[5, 4, 3, 2, 1].map((n): Option => [String(n), `${n} ★`])],
  },
  {
    key: 'sentiment',
    label: 'Sentiment',
    options: [ANY, ['positive', 'Positive'], ['neutral', 'Neutral'], ['negative', 'Negative']],
  },
  { key: 'responded', label: 'Reply', options: [ANY, ['true', 'Replied'], ['false', 'Unreplied']] },
  {
    key: 'showOnWidget',
    label: 'On the widget',
    options: [ANY, ['true', 'Shown'], ['false', 'Not shown']],
  },
  { key: 'unread', label: 'Read state', options: [ANY, ['true', 'Unread'], ['false', 'Read']] },
];

/** The inbox filters; every change becomes the URL (so a filtered inbox can be bookmarked or shared). */
export function InboxFilters({ filter }: { filter: InboxFilter }) {
  const { route } = useLocation();
  const [q, setQ] = useState(filter.q ?? '');
  // The URL can change under the form (Clear filters, back button): the search box follows it.
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const set = (key: string, value: string) => route(inboxUrl({ ...filter, [key]: value }));
  const active = Object.keys(filter).length;
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 60rem)').matches;

  return (
    <details class="filters" open={wide || active > 0}>
      <summary>Filters{active > 0 ? ` (${active} active)` : ''}</summary>
      <form
        aria-label="Filter the inbox"
        onSubmit={(event) => {
          event.preventDefault();
          set('q', q.trim());
        }}
      >
        <label>
          <span>Search</span>
          <input type="search" name="q" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label>
          <span>Business</span>
          <select
            name="businessId"
            value={filter.businessId ?? ''}
            onChange={(e) => set('businessId', e.currentTarget.value)}
          >
            <option value="">All businesses</option>
            {businesses.value.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        {SELECTS.map(({ key, label, options }) => (
          <label key={key}>
            <span>{label}</span>
            <select name={key} value={filter[key] ?? ''} onChange={(e) => set(key, e.currentTarget.value)}>
              {options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          <span>From</span>
          <input
            type="date"
            name="dateFrom"
            value={filter.dateFrom ?? ''}
            onChange={(e) => set('dateFrom', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            name="dateTo"
            value={filter.dateTo ?? ''}
            onChange={(e) => set('dateTo', e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit">Search</button>
          {active > 0 && (
            <a class="button ghost" href="/dashboard">
              Clear filters
            </a>
          )}
        </div>
      </form>
    </details>
  );
}
