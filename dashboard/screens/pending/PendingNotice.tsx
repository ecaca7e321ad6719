import { useEffect, useState } from 'preact/hooks';
import { pendingApi } from '../../api/pending';
import { organizationId } from '../../state/organization';
import { seesPending } from './may-decide';
import './pending.css';

/** "3 actions from AI assistants wait for your approval", on the inbox, for people who may decide them. */
export function PendingNotice() {
  const [count, setCount] = useState(0);
  const allowed = seesPending();
  const org = organizationId.value;
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    // A failed count hides the notice: the inbox itself must not break over it.
    pendingApi.list('pending', 1).then(
      (page) => live && setCount(page.pagination.total),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [allowed, org]);
  if (!allowed || count === 0) return null;
  return (
    <p class="pending-notice" data-testid="pending-notice">
      <a href="/dashboard/pending">
        {count} {count === 1 ? 'action from an AI assistant waits' : 'actions from AI assistants wait'} for
        your approval
      </a>
    </p>
  );
}
