import type { CardStats } from '../../api/cards';

/** Taps, ratings and completions summed per staff member (by the cards assigned to them now). */
export function StaffStatsTable({ rows }: { rows: CardStats['data'] }) {
  if (rows.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="staff-title">
      <h2 id="staff-title">Per staff member</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section class="table-scroll" aria-label="Figures per staff member" tabIndex={0}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Staff member</th>
              <th scope="col">Cards</th>
              <th scope="col">Taps</th>
              <th scope="col">Ratings</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.staffMember ?? ''}>
                <th scope="row">{row.staffMember ?? <span class="muted">Nobody assigned</span>}</th>
                <td>{row.cards}</td>
                <td>{row.taps}</td>
                <td>{row.ratings}</td>
                <td>{row.completions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
