import type { ReviewRequest } from '../../api/requests';
import { reasonText } from './DryRunSummary';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** A request's steps with their times: scheduled → sent → opened → completed, or failed / suppressed and why. */
export function RequestTimeline({ request }: { request: ReviewRequest }) {
  const steps: Array<[string, string | null, string?]> = [
    ['Created', request.createdAt],
    ['Scheduled for', request.sendAt],
    ['Sent', request.sentAt],
    ['Opened', request.openedAt],
    ['Completed', request.completedAt],
  ];
  return (
    <ol class="timeline" aria-label="Timeline">
      {steps
        .filter(([, at]) => at)
        .map(([label, at]) => (
          <li key={label}>
            {label} <time dateTime={at!}>{when(at)}</time>
          </li>
        ))}
      {request.failedAt && (
        <li class="failed">
          Failed <time dateTime={request.failedAt}>{when(request.failedAt)}</time>
          {request.failureReason && `: ${request.failureReason}`}
        </li>
      )}
      {request.status === 'suppressed' && (
        <li class="failed">Not sent: {reasonText(request.suppressedReason)}</li>
      )}
    </ol>
  );
}
