import type { OrganizationSummary } from '../../api/agency';

type Props = { organizations: OrganizationSummary[]; current: string | null; onSwitch: (id: string) => void };

const rating = (value: number | null) => (value === null ? '–' : value.toFixed(2));

/** One row per organization: its businesses, this month's reviews, average rating, open feedback, a switch. */
export function AgencyTable({ organizations, current, onSwitch }: Props) {
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
              <td>
                <button type="button" class="ghost" onClick={() => onSwitch(o.id)}>
                  Switch to {o.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
