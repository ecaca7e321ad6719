import { useEffect, useState } from 'preact/hooks';
import { settingsApi, type Webhook } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';
import { can } from '../settings/can';
import { NoAccess } from '../settings/NoAccess';
import { SecretOnce } from '../settings/SecretOnce';
import { webhookState } from './circuit';
import { formatName } from './formats';
import { WebhookCreateForm } from './WebhookCreateForm';

/** Webhook endpoints of the organization: list with their state, add one (its secret shown once). */
export function WebhooksPage() {
  const allowed = can('webhooks:read');
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<(Webhook & { secret: string }) | null>(null);
  const load = () =>
    settingsApi.webhooks().then(
      (r) => {
        setHooks(r.data);
        setError(null);
      },
      (e) => setError(e),
    );
  useEffect(() => {
    if (allowed) load();
  }, [allowed]);
  if (!allowed) return <NoAccess title="Webhooks" needs="the webhooks:read permission (owners)" />;
  return (
    <section aria-labelledby="webhooks-title">
      <p>
        <a class="back" href="/dashboard/settings">
          ← Settings
        </a>
      </p>
      <h1 id="webhooks-title">Webhooks</h1>
      <p class="muted">
        Plaudit posts signed events (Standard Webhooks) to these URLs. Verify them with the endpoint’s{' '}
        <code>whsec_</code> secret.
      </p>
      {created && (
        <SecretOnce
          label={`Signing secret for ${created.url}`}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <ErrorNote error={error} />
      {hooks === null && !error && <p role="status">Loading…</p>}
      {hooks?.length === 0 && <p class="empty muted">No endpoints yet.</p>}
      {hooks && hooks.length > 0 && (
        <ul class="sessions panel link-list" aria-label="Endpoints">
          {hooks.map((hook) => (
            <li key={hook.id}>
              <span>
                <a href={`/dashboard/settings/webhooks/${hook.id}`}>
                  <code class="link">{hook.url}</code>
                </a>
                {hook.description && <span class="muted"> · {hook.description}</span>}
                <br />
                <small>{hook.events.join(', ')}</small>
                {hook.format && hook.format !== 'standard' && (
                  <small> · {formatName(hook.format)} format</small>
                )}
                <br />
                <small class="muted">{webhookState(hook)}</small>
              </span>
            </li>
          ))}
        </ul>
      )}
      {can('webhooks:write') && (
        <WebhookCreateForm
          onCreated={(hook) => {
            setCreated(hook);
            load();
          }}
        />
      )}
    </section>
  );
}
