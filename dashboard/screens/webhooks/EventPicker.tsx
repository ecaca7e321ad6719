import { useEffect, useState } from 'preact/hooks';
import { settingsApi } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';

/** Checkboxes for the events the API lists, plus “every event” (`*`), which covers ones added later. */
export function EventPicker({ value, onChange }: { value: string[]; onChange: (events: string[]) => void }) {
  const [types, setTypes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    settingsApi.eventTypes().then(
      (r) => setTypes(r.data),
      (e) => setError(e),
    );
  }, []);
  const all = value.includes('*');
  const toggle = (event: string, on: boolean) =>
    onChange(on ? [...value.filter((e) => e !== event), event] : value.filter((e) => e !== event));
  return (
    <fieldset class="toggles">
      <legend>Events</legend>
      <ErrorNote error={error} />
      <label class="check">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(e.currentTarget.checked ? ['*'] : [])}
        />
        <span>Every event, including ones added later</span>
      </label>
      {types?.map((event) => (
        <label key={event} class="check">
          <input
            type="checkbox"
            disabled={all}
            checked={all || value.includes(event)}
            onChange={(e) => toggle(event, e.currentTarget.checked)}
          />
          <span>{event}</span>
        </label>
      ))}
    </fieldset>
  );
}
