import type { PendingAction } from '../../api/pending';
import { businessName } from '../../state/business';

/** One line saying what a decided action was. */
function summary(action: PendingAction): string {
  if (action.kind === 'review_reply') return `Reply: “${String(action.payload.reply ?? '')}”`;
  const who = action.payload.customerName ?? action.payload.customerEmail ?? action.payload.customerPhone;
  return `Review request to ${String(who ?? 'a customer')} by ${String(action.payload.method)} for ${businessName(action.targetId)}`;
}

/** Actions already approved or rejected, newest first, with their outcome. */
export function DecidedList({ actions }: { actions: PendingAction[] }) {
  if (actions.length === 0) return <p class="muted">Nothing decided yet.</p>;
  return (
    <ul class="decided">
      {actions.map((action) => (
        <li key={action.id} data-status={action.status}>
          <strong class={`outcome ${action.status}`}>
            {action.status === 'approved' ? 'Approved' : 'Rejected'}
          </strong>{' '}
          {action.decidedAt && <span class="muted">{new Date(action.decidedAt).toLocaleString()}</span>}
          <p class="decided-what">
            {summary(action)}
            {action.kind === 'review_reply' && action.status === 'approved' && (
              <>
                {' '}
                <a href={`/dashboard/reviews/${encodeURIComponent(action.targetId)}`}>Open the review</a>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
