import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../../api';
import {
  type Connection,
  type ConnectionLocation,
  connectionsApi,
  type MapInput,
} from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { loadBusinesses } from '../../state/business';
import { LocationRow } from './LocationRow';
import { PlacesEditor } from './PlacesEditor';

type Props = { connection: Connection; canWrite: boolean; onMapped: () => void };

/**
 * The locations of a connection and the business each feeds. What the account can see is asked of the
 * platform (at once for a connection with none mapped yet, else on demand); stored ones show meanwhile.
 * Where the owner names the places (Yelp, Tripadvisor, Trustpilot), they are edited here, then asked again.
 */
export function LocationsPanel({ connection, canWrite, onMapped }: Props) {
  const [live, setLive] = useState<ConnectionLocation[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [settings, setSettings] = useState(connection.placeSettings ?? null);
  const [unnamed, setUnnamed] = useState(false);
  const active = connection.status === 'active';
  const find = async (named = settings) => {
    setBusy(true);
    try {
      setLive((await connectionsApi.locations(connection.id)).data);
      setError(null);
      setUnnamed(false);
    } catch (e) {
      // Until places are named the platform has nothing to list (409): that is the next step, not a fault.
      const nothingNamed = named && named.places.length === 0 && !named.searchQuery;
      if (e instanceof ApiFailure && e.status === 409 && nothingNamed) {
        setUnnamed(true);
        setError(null);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (active && connection.locations.length === 0) find();
  }, [connection.id, active]);

  const map = async (input: MapInput) => {
    try {
      const stored = (await connectionsApi.mapLocation(connection.id, input)).data;
      const byId = new Map(stored.map((l) => [l.externalId, l]));
      setLive((list) => list?.map((l) => byId.get(l.externalId) ?? l) ?? null);
      if (input.createBusiness) await loadBusinesses();
      setError(null);
      setNote(input.businessId === null ? 'Location no longer synced.' : 'Saved: a sync is on its way.');
      onMapped();
    } catch (e) {
      setError(e);
    }
  };

  const placesSaved = (updated: Connection) => {
    setSettings(updated.placeSettings ?? null);
    setNote('');
    find(updated.placeSettings ?? null);
  };

  const locations = live ?? connection.locations;
  return (
    <section aria-label={`Locations of ${connection.label}`}>
      {settings && active && (
        <PlacesEditor connection={connection} settings={settings} canWrite={canWrite} onSaved={placesSaved} />
      )}
      <h3>Locations</h3>
      {unnamed && !busy && (
        <p class="muted" data-testid="locations-guidance">
          {connection.platform === 'trustpilot'
            ? 'Name your Trustpilot domain above: its business page then shows here.'
            : 'Name your places above (or search): they then show here.'}
        </p>
      )}
      {locations.length === 0 && !busy && !unnamed && (
        <p class="muted">{active ? 'This account shows no locations.' : 'No locations.'}</p>
      )}
      {busy && <p role="status">Asking {connection.label} for its locations…</p>}
      <ul class="locations">
        {locations.map((location) => (
          <LocationRow
            key={location.externalId}
            location={location}
            canWrite={canWrite && active}
            onMap={map}
          />
        ))}
      </ul>
      {active && (
        <button type="button" class="ghost" disabled={busy} onClick={() => find()}>
          Find locations
        </button>
      )}
      <p role="status" class="muted">
        {note}
      </p>
      <ErrorNote error={error} />
    </section>
  );
}
