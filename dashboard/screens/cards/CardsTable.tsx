import type { Card, CardStats } from '../../api/cards';
import { formatDate } from '../../components/format';
import { businessName } from '../../state/business';

type Props = {
  cards: Card[];
  stats: CardStats['data'];
  selected: Set<string>;
  onToggle: (id: string) => void;
};

/** The cards with their figures; ticking cards picks them for the print sheet. */
export function CardsTable({ cards, stats, selected, onToggle }: Props) {
  if (cards.length === 0) return <p class="empty panel">No cards yet: create a batch above.</p>;
  const figures = new Map(stats.map((row) => [row.cardId, row]));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section class="table-scroll" aria-label="Card list" tabIndex={0}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">Print</span>
            </th>
            <th scope="col">Card</th>
            <th scope="col">Taps</th>
            <th scope="col">Ratings</th>
            <th scope="col">Completed</th>
            <th scope="col">Staff member</th>
            <th scope="col">Business</th>
            <th scope="col">Last tap</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => {
            const row = figures.get(card.id);
            const name = card.label ?? card.code;
            return (
              <tr key={card.id} class={card.active ? undefined : 'inactive'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Pick ${name} for printing`}
                    checked={selected.has(card.id)}
                    onChange={() => onToggle(card.id)}
                  />
                </td>
                <th scope="row">
                  <a href={`/dashboard/cards/${card.id}`}>{name}</a>
                  {!card.active && <span class="badge">inactive</span>}
                </th>
                <td>{card.taps}</td>
                <td>{row?.ratings ?? 0}</td>
                <td>{row?.completions ?? 0}</td>
                <td>{card.staffMember ?? '—'}</td>
                <td>{businessName(card.businessId)}</td>
                <td>{card.lastTapAt ? formatDate(card.lastTapAt) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
