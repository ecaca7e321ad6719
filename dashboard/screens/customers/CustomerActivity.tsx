import type { ActivityItem } from '../../api/customers';

const LABELS: Record<string, string> = {
  'message.sent': 'Message sent',
  'message.failed': 'Message failed',
  'message.delivered': 'Message delivered',
};

/** "request.opened" → "Request opened", for types without a label of their own. */
const labelOf = (type: string) =>
  LABELS[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replace(/[._]/g, ' ');

/** Short, readable details: scalar values only (subjects withheld without pii:read arrive as null). */
function detailsOf(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** Everything that happened with a customer, newest first. */
export function CustomerActivity({ items }: { items: ActivityItem[] }) {
  return (
    <section class="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {items.length === 0 ? (
        <p class="muted">Nothing yet.</p>
      ) : (
        <ol class="activity">
          {[...items].reverse().map((item, i) => (
            <li key={`${item.at}-${i}`}>
              <strong>{labelOf(item.type)}</strong>
              <span class="muted">
                <time dateTime={item.at}>{new Date(item.at).toLocaleString()}</time>
              </span>
              {detailsOf(item.details) && <span class="item-text">{detailsOf(item.details)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
