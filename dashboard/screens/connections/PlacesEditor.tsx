import { useState } from 'preact/hooks';
import { type Connection, connectionsApi, type PlaceSettings } from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';
import { PlaceFields, placeInput, placeValues } from './PlaceFields';
import { platformInfo } from './platforms';

type Props = {
  connection: Connection;
  settings: NonNullable<PlaceSettings>;
  canWrite: boolean;
  onSaved: (connection: Connection) => void;
};

/**
 * The places a Yelp, Tripadvisor or Trustpilot connection watches, and a form to change them. A Trustpilot
 * connection with none yet opens on the question it needs answered: which domain.
 */
export function PlacesEditor({ connection, settings, canWrite, onSaved }: Props) {
  const info = platformInfo(connection.platform);
  const needsDomain = connection.platform === 'trustpilot' && settings.places.length === 0;
  const [open, setOpen] = useState(needsDomain && canWrite);
  const [values, setValues] = useState(placeValues(settings));
  const { submit, busy, error } = useSubmit(async () => {
    const updated = await connectionsApi.updatePlaces(connection.id, placeInput(values, info, true));
    setOpen(false);
    onSaved(updated);
    return updated;
  });
  const titleId = `places-${connection.id}`;
  const search = [settings.searchQuery, settings.searchLocation && `near ${settings.searchLocation}`]
    .filter(Boolean)
    .join(' ');
  return (
    <section class="places" aria-labelledby={titleId}>
      <h3 id={titleId}>{connection.platform === 'trustpilot' ? 'Domains' : 'Places'}</h3>
      {needsDomain && (
        <p class="limit" data-testid="places-needed">
          Trustpilot does not tell which business pages an account runs: name the domain your Trustpilot page
          is for (e.g. example.com), and its reviews follow.
        </p>
      )}
      <dl class="place-settings" data-testid="place-settings">
        <dt>{connection.platform === 'trustpilot' ? 'Domains' : 'Named places'}</dt>
        <dd>{settings.places.length > 0 ? settings.places.join(', ') : <span class="muted">None</span>}</dd>
        {info.search === 'name' && (
          <>
            <dt>Search</dt>
            <dd>{search || <span class="muted">None</span>}</dd>
          </>
        )}
        {info.search === 'language' && (
          <>
            <dt>Review language</dt>
            <dd>{settings.language ?? <span class="muted">English (default)</span>}</dd>
          </>
        )}
      </dl>
      {canWrite && !open && (
        <button type="button" class="ghost" onClick={() => setOpen(true)}>
          {connection.platform === 'trustpilot' ? 'Edit domains' : 'Edit places'}
        </button>
      )}
      {canWrite && open && (
        <form onSubmit={submit} aria-label={`Places of ${connection.label}`}>
          <PlaceFields info={info} values={values} onValues={setValues} idPrefix={titleId} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              Save and find locations
            </button>
            {!needsDomain && (
              <button
                type="button"
                class="ghost"
                onClick={() => {
                  setValues(placeValues(settings));
                  setOpen(false);
                }}
              >
                Cancel
              </button>
            )}
          </div>
          <ErrorNote error={error} />
        </form>
      )}
    </section>
  );
}
