import { useState } from 'preact/hooks';
import type { ConnectionLocation, MapInput } from '../../api/connections';
import { businesses } from '../../state/business';

const CREATE = '__create__';

type Props = {
  location: ConnectionLocation;
  canWrite: boolean;
  onMap: (input: MapInput) => Promise<unknown>;
};

/** One platform location and the Plaudit business its reviews go to (or none, or a new one made from it). */
export function LocationRow({ location, canWrite, onMap }: Props) {
  const [choice, setChoice] = useState(location.businessId ?? '');
  const [busy, setBusy] = useState(false);
  const mapped = businesses.value.find((b) => b.id === location.businessId);
  const selectId = `map-${location.externalId}`;
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const input: MapInput =
      choice === CREATE
        ? { externalId: location.externalId, createBusiness: true }
        : { externalId: location.externalId, businessId: choice || null };
    await onMap(input);
    setBusy(false);
  };
  return (
    <li class="location">
      <div>
        <strong>{location.name}</strong>
        {location.address && <span class="muted"> · {location.address}</span>}
        <br />
        <span class="muted" data-testid="location-business">
          {mapped ? `Feeds ${mapped.name}` : location.businessId ? 'Feeds a business' : 'Not synced yet'}
        </span>
      </div>
      {canWrite && (
        <form class="inline-form" onSubmit={save}>
          <label class="sr-only" for={selectId}>
            Business for {location.name}
          </label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">Not synced</option>
            {businesses.value.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
            <option value={CREATE}>Create a business from it</option>
          </select>
          <button type="submit" disabled={busy || choice === (location.businessId ?? '')}>
            Save
          </button>
        </form>
      )}
    </li>
  );
}
