import { useState } from 'preact/hooks';
import { type ApiKey, settingsApi } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';
import { me } from '../../state/session';
import { can } from '../settings/can';
import { NoAccess } from '../settings/NoAccess';
import { SecretOnce } from '../settings/SecretOnce';
import { KeyCreateForm } from './KeyCreateForm';
import { KeysList } from './KeysList';
import { useKeys } from './use-keys';

/** API keys of the organization: create (the secret shown once), list, revoke. Owners only (keys:admin). */
export function KeysPage() {
  const allowed = can('keys:admin');
  const { keys, error, setError, load } = useKeys(allowed);
  const [created, setCreated] = useState<(ApiKey & { secret: string }) | null>(null);
  if (!allowed) return <NoAccess title="API keys" needs="the keys:admin permission (owners)" />;
  const caller = me.value as { scopes: string[]; mode?: 'live' | 'test' } | null;
  const revoke = async (key: ApiKey) => {
    try {
      await settingsApi.revokeKey(key.id);
      await load();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <p>
        <a class="back" href="/dashboard/settings">
          ← Settings
        </a>
      </p>
      <h1 id="keys-title">API keys</h1>
      <p class="muted">
        A key acts for this organization with the scopes it was given. Send it as{' '}
        <code>Authorization: Bearer sk_…</code>.
      </p>
      {created && (
        <SecretOnce
          label={`Your new key “${created.name}”`}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <ErrorNote error={error} />
      {keys === null && !error && <p role="status">Loading…</p>}
      {keys && <KeysList keys={keys} onRevoke={revoke} />}
      <KeyCreateForm
        held={caller?.scopes ?? []}
        live={caller?.mode !== 'test'}
        onCreated={(key) => {
          setCreated(key);
          load();
        }}
      />
    </section>
  );
}
