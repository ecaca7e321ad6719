import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/ErrorNote';
import { businessId } from '../../state/business';
import { can } from '../../state/can';
import { CardBatchForm } from './CardBatchForm';
import { CardPrintPanel } from './CardPrintPanel';
import { CardsTable } from './CardsTable';
import { StaffStatsTable } from './StaffStatsTable';
import { useCards } from './use-cards';
import './cards.css';

/** NFC/QR cards: create batches, see taps per card and per staff member, print the QR sheet. */
export function CardsPage() {
  const [active, setActive] = useState('true');
  const business = businessId.value;
  const { cards, perCard, perStaff, error, reload } = useCards(business, active);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <section aria-labelledby="cards-title">
      <div class="title-row">
        <h1 id="cards-title">Cards</h1>
        {cards && (
          <p class="muted">
            {cards.length} {cards.length === 1 ? 'card' : 'cards'}
          </p>
        )}
      </div>
      {can('cards:write') && (
        <CardBatchForm
          businessId={business}
          onCreated={(made) => {
            // A new batch is usually printed next: it becomes the pick.
            setSelected(new Set(made.map((c) => c.id)));
            reload();
          }}
        />
      )}
      <CardPrintPanel businessId={business} selected={[...selected]} onClear={() => setSelected(new Set())} />
      <div class="actions">
        <label class="inline">
          <span>Show</span>
          <select value={active} onChange={(e) => setActive(e.currentTarget.value)}>
            <option value="true">Active cards</option>
            <option value="false">Deactivated cards</option>
            <option value="">All cards</option>
          </select>
        </label>
      </div>
      <ErrorNote error={error} />
      {cards === null && !error && <p role="status">Loading…</p>}
      {cards && <CardsTable cards={cards} stats={perCard} selected={selected} onToggle={toggle} />}
      <StaffStatsTable rows={perStaff} />
    </section>
  );
}
