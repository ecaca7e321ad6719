import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { settingsApi } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';
import { can } from '../settings/can';
import { NoAccess } from '../settings/NoAccess';
import { SecretOnce } from '../settings/SecretOnce';
import { webhookState } from './circuit';
import { DeliveriesList } from './DeliveriesList';
import { formatName } from './formats';
import { useWebhook } from './use-webhook';
import { WebhookEventsForm } from './WebhookEventsForm';

/** One endpoint: enable or pause it, its events, a test event, a new secret, its deliveries and redelivery. */
export function WebhookPage({ id }: { id: string }) {
  const allowed = can('webhooks:read');
  const write = can('webhooks:write');
  const { route } = useLocation();
  const { hook, deliveries, error, load, act } = useWebhook(id, allowed);
  const [secret, setSecret] = useState<string | null>(null);
  const [note, setNote] = useState('');
  if (!allowed) return <NoAccess title="Webhook" needs="the webhooks:read permission (owners)" />;
  // `act` answers undefined when the call failed: its error is shown instead of the note.
  const say = (text: string) => (result: unknown) => result !== undefined && setNote(text);
  const remove = async () => {
    if (!confirm('Delete this endpoint and its delivery log?')) return;
    const gone = await act(() => settingsApi.deleteWebhook(id).then(() => true));
    if (gone) route('/dashboard/settings/webhooks');
  };
  return (
    <section aria-labelledby="webhook-title">
      <p>
        <a class="back" href="/dashboard/settings/webhooks">
          ← Webhooks
        </a>
      </p>
      <h1 id="webhook-title">Webhook endpoint</h1>
      <ErrorNote error={error} />
      {!hook && !error && <p role="status">Loading…</p>}
      {hook && (
        <>
          <div class="panel">
            <p>
              <code class="link">{hook.url}</code>
              {hook.description && <span class="muted"> · {hook.description}</span>}
            </p>
            <p data-testid="webhook-state">{webhookState(hook)}</p>
            <p data-testid="webhook-format">Format: {formatName(hook.format)}</p>
            {write && (
              <div class="actions">
                <button
                  type="button"
                  onClick={() =>
                    act(() => settingsApi.testWebhook(id)).then(
                      say('Test event queued: it shows below once sent.'),
                    )
                  }
                >
                  Send a test event
                </button>
                <button
                  type="button"
                  class="ghost"
                  onClick={() =>
                    act(() => settingsApi.updateWebhook(id, { enabled: !hook.enabled })).then(
                      say(hook.enabled ? 'Endpoint disabled.' : 'Endpoint enabled.'),
                    )
                  }
                >
                  {hook.enabled ? 'Disable' : 'Enable'}
                </button>
                <button
                  type="button"
                  class="ghost"
                  onClick={() =>
                    confirm('Make a new signing secret? The old one keeps signing for 24 hours.') &&
                    act(() => settingsApi.rotateSecret(id)).then((r) => r && setSecret(r.secret))
                  }
                >
                  Rotate secret
                </button>
                <button type="button" class="danger" onClick={remove}>
                  Delete endpoint
                </button>
              </div>
            )}
            <p role="status" class="muted">
              {note}
            </p>
          </div>
          {secret && (
            <SecretOnce
              label="New signing secret (the old one also signs for 24 hours)"
              secret={secret}
              onDone={() => setSecret(null)}
            />
          )}
          {write && (
            <WebhookEventsForm
              key={hook.updatedAt}
              hook={hook}
              onSave={(change) => act(() => settingsApi.updateWebhook(id, change)).then(say('Saved.'))}
            />
          )}
        </>
      )}
      <section class="panel" aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">Deliveries</h2>
        <button type="button" class="ghost" onClick={load}>
          Refresh
        </button>
        {deliveries && (
          <DeliveriesList
            deliveries={deliveries}
            canWrite={write}
            onRedeliver={(deliveryId) =>
              act(() => settingsApi.redeliver(id, deliveryId)).then(say('Queued again.'))
            }
          />
        )}
      </section>
    </section>
  );
}
