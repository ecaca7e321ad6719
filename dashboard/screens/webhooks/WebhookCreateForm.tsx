import { useState } from 'preact/hooks';
import { settingsApi, type Webhook, type WebhookFormatName } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { EventPicker } from './EventPicker';
import { FormatPicker } from './FormatPicker';

/** A new endpoint: its URL, a note, the events it receives. */
export function WebhookCreateForm({
  onCreated,
}: {
  onCreated: (hook: Webhook & { secret: string }) => void;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [format, setFormat] = useState<WebhookFormatName>('standard');
  const { submit, busy, error } = useSubmit(async () => {
    const hook = await settingsApi.createWebhook({
      url: url.trim(),
      events,
      description: description.trim() || null,
      // The server's default is standard: the field goes only when the owner chose another format.
      ...(format === 'standard' ? {} : { format }),
    });
    setUrl('');
    setDescription('');
    setEvents([]);
    setFormat('standard');
    onCreated(hook);
    return hook;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add an endpoint</h2>
      <Field
        label="Endpoint URL"
        name="webhookUrl"
        type="url"
        required
        placeholder="https://crm.example.com/hooks/plaudit"
        value={url}
        onValue={setUrl}
      />
      <Field
        label="Description (optional)"
        name="webhookDescription"
        maxLength={500}
        value={description}
        onValue={setDescription}
      />
      <EventPicker value={events} onChange={setEvents} />
      <FormatPicker value={format} onChange={setFormat} />
      <button type="submit" disabled={busy || events.length === 0}>
        Add endpoint
      </button>
      {events.length === 0 && <p class="muted">Choose at least one event.</p>}
      <ErrorNote error={error} />
    </form>
  );
}
