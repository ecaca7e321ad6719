import { useState } from 'preact/hooks';
import { type Card, cardsApi } from '../../api/cards';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { businesses } from '../../state/business';

/** Creates a batch of cards for a business: how many, a label prefix ("Table" → "Table 1" …), a staff member. */
export function CardBatchForm({
  businessId,
  onCreated,
}: {
  businessId: string;
  onCreated: (cards: Card[]) => void;
}) {
  const [count, setCount] = useState('10');
  const [prefix, setPrefix] = useState('');
  const [staff, setStaff] = useState('');
  const [business, setBusiness] = useState(businessId);
  const chosen = business || businessId || businesses.value[0]?.id || '';
  const { submit, busy, error, done } = useSubmit(async () => {
    const { data } = await cardsApi.create({
      businessId: chosen,
      count: Number(count),
      labelPrefix: prefix.trim() || undefined,
      staffMember: staff.trim() || undefined,
    });
    onCreated(data);
    return data;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="batch-title">
      <h2 id="batch-title">New cards</h2>
      <div class="field">
        <label for="batch-business">Business</label>
        <select
          id="batch-business"
          value={chosen}
          required
          onChange={(e) => setBusiness(e.currentTarget.value)}
        >
          {businesses.value.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div class="form-grid">
        <Field
          label="How many"
          name="batchCount"
          type="number"
          min={1}
          max={500}
          required
          value={count}
          onValue={setCount}
        />
        <Field
          label="Label prefix"
          name="batchPrefix"
          hint="“Table” labels them Table 1, Table 2 …"
          maxLength={90}
          value={prefix}
          onValue={setPrefix}
        />
        <Field label="Staff member" name="batchStaff" maxLength={100} value={staff} onValue={setStaff} />
      </div>
      <div class="actions">
        <button type="submit" disabled={busy || !chosen}>
          Create cards
        </button>
      </div>
      {done && (
        <p role="status">
          Created {done.length} {done.length === 1 ? 'card' : 'cards'}.
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
