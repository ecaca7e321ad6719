import { useState } from 'preact/hooks';
import { type CardWithStats, cardsApi } from '../../api/cards';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { businesses } from '../../state/business';

type Props = { card: CardWithStats; onSaved: (card: CardWithStats) => void };

/** Label, staff member and business of a card (moving it keeps its code, so printed tags keep working). */
export function CardEditForm({ card, onSaved }: Props) {
  const [label, setLabel] = useState(card.label ?? '');
  const [staff, setStaff] = useState(card.staffMember ?? '');
  const [business, setBusiness] = useState(card.businessId);
  const save = useSubmit(async () => {
    const updated = await cardsApi.update(card.id, {
      label: label.trim() || null,
      staffMember: staff.trim() || null,
      ...(business !== card.businessId ? { businessId: business } : {}),
    });
    onSaved({ ...card, ...updated });
    return updated;
  });
  const toggle = useSubmit(async () => {
    const updated = card.active
      ? await cardsApi.deactivate(card.id)
      : await cardsApi.update(card.id, { active: true });
    onSaved({ ...card, ...updated });
    return updated;
  });
  return (
    <>
      <form class="panel" onSubmit={save.submit} aria-labelledby="edit-title">
        <h2 id="edit-title">Label and assignment</h2>
        <div class="form-grid">
          <Field label="Label" name="cardLabel" maxLength={100} value={label} onValue={setLabel} />
          <Field
            label="Staff member"
            name="cardStaff"
            maxLength={100}
            hint="Taps count for them from now on"
            value={staff}
            onValue={setStaff}
          />
          <div class="field">
            <label for="card-business">Business</label>
            <select id="card-business" value={business} onChange={(e) => setBusiness(e.currentTarget.value)}>
              {businesses.value.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit" disabled={save.busy}>
            Save
          </button>
        </div>
        {save.done && <p role="status">Saved.</p>}
        <ErrorNote error={save.error} />
      </form>
      <form class="panel" onSubmit={toggle.submit} aria-labelledby="active-title">
        <h2 id="active-title">{card.active ? 'Active' : 'Deactivated'}</h2>
        <p class="muted">
          {card.active
            ? 'Deactivating keeps its history; a tap then shows a “no longer active” page linking to the business.'
            : 'Reactivate it and tapping it opens the review page again.'}
        </p>
        <div class="actions">
          <button type="submit" class={card.active ? 'danger' : undefined} disabled={toggle.busy}>
            {card.active ? 'Deactivate card' : 'Reactivate card'}
          </button>
        </div>
        <ErrorNote error={toggle.error} />
      </form>
    </>
  );
}
