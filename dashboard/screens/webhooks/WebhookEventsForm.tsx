import { useState } from 'preact/hooks';
import type { Webhook } from '../../api/settings';
import { EventPicker } from './EventPicker';

/** Change which events the endpoint receives. */
export function WebhookEventsForm({ hook, onSave }: { hook: Webhook; onSave: (events: string[]) => void }) {
  const [events, setEvents] = useState<string[]>(hook.events);
  return (
    <form
      class="panel"
      aria-labelledby="events-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(events);
      }}
    >
      <h2 id="events-title">What it receives</h2>
      <EventPicker value={events} onChange={setEvents} />
      <button type="submit" disabled={events.length === 0}>
        Save events
      </button>
    </form>
  );
}
