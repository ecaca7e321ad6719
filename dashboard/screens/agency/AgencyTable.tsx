import type { OrganizationSummary } from '../../api/agency';
import { PauseControl } from './PauseControl';

type Props = {
  organizations: OrganizationSummary[];
  current: string | null;
  onSwitch: (id: string) => void;
  /** When each organization was paused (null: sending); null when unknown, which hides the column. */
  pausedAt?: Record<string, string | null> | null;
  onPause?: (id: string, paused: boolean) => void;
  /** Opens an organization's message allowances. */
  onLimits?: (id: string) => void;
};

const rating = (value: number | null) => (value === null ? '–' : value.toFixed(2));

/** One row per organization: its businesses, this month's reviews, average rating, open feedback, a switch. */
export function AgencyTable({ organizations, current, onSwitch, pausedAt, onPause, onLimits }: Props) {
  return (
    <div class="agency-wrap">
      <table class="agency">
        <caption class="sr-only">Organizations with their figures</caption>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">Businesses</th>
            <th scope="col">Reviews this month</th>
            <th scope="col">Average rating</th>
            <th scope="col">Open feedback</th>
            {pausedAt && <th scope="col">Messages</th>}
            <th scope="col">
              <span class="sr-only">Switch</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((o) => (
            <tr key={o.id} aria-current={o.id === current ? 'true' : undefined}>
              <th scope="row" data-label="Organization">
                {o.name}
                {o.id === current && <span class="muted"> (current)</span>}
              </th>
              <td data-label="Businesses">
                {o.businesses.length === 0 ? (
                  <span class="muted">None yet</span>
                ) : (
                  o.businesses.map((b) => b.name).join(', ')
                )}
              </td>
              <td data-label="Reviews this month">{o.reviewsThisMonth}</td>
              <td data-label="Average rating">{rating(o.averageRating)}</td>
              <td data-label="Open feedback">{o.openFeedback}</td>
              {pausedAt && (
                <td data-label="Messages">
                  <PauseControl
                    name={o.name}
                    pausedAt={pausedAt[o.id] ?? null}
                    onPause={(paused) => onPause?.(o.id, paused)}
                  />
                </td>
              )}
              <td>
                <div class="row-actions">
                  {onLimits && (
                    <button
                      type="button"
                      class="ghost"
                      aria-label={`Allowances of ${o.name}`}
                      onClick={() => onLimits(o.id)}
                    >
                      Allowances
                    </button>
                  )}
                  <button type="button" class="ghost" onClick={() => onSwitch(o.id)}>
                    Switch to {o.name}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
