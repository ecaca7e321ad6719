import { useState } from 'preact/hooks';
import type { Webhook, WebhookFormatName } from '../../api/settings';
import { EventPicker } from './EventPicker';
import { FormatPicker } from './FormatPicker';

type Props = { hook: Webhook; onSave: (change: { events: string[]; format: WebhookFormatName }) => void };

/** Change which events the endpoint receives and in which format. */
export function WebhookEventsForm({ hook, onSave }: Props) {
  const [events, setEvents] = useState<string[]>(hook.events);
  const [format, setFormat] = useState<WebhookFormatName>(hook.format);
  return (
    <form
      class="panel"
      aria-labelledby="events-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ events, format });
      }}
    >
      <h2 id="events-title">What it receives, and how</h2>
      <EventPicker value={events} onChange={setEvents} />
      <FormatPicker value={format} onChange={setFormat} />
      <button type="submit" disabled={events.length === 0}>
        Save
      </button>
    </form>
  );
}
