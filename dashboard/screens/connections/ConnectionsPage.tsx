import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type Connection, connectionsApi, type Platform } from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { can } from '../settings/can';
import { NoAccess } from '../settings/NoAccess';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectionCard } from './ConnectionCard';
import { consentError } from './consent-errors';
import './connections.css';
import { browser } from './leave';
import { OAuthConnect } from './OAuthConnect';
import { useConnections } from './use-connections';

/** Review platforms: connect, map locations to businesses, sync now, disconnect; a broken one says so. */
export function ConnectionsPage() {
  const allowed = can('connections:read');
  const write = can('connections:write');
  const { query } = useLocation();
  const { connections, error, load, act } = useConnections(allowed);
  const [keyPlatform, setKeyPlatform] = useState<Platform>('yelp');
  const [note, setNote] = useState('');
  if (!allowed)
    return <NoAccess title="Connections" needs="the connections:read permission (owners and managers)" />;

  // The provider's consent brings the owner back here with the outcome in the query.
  const back = connections?.find((c) => c.id === query.connected);
  const say = (text: string) => (result: unknown) => result !== undefined && setNote(text);
  // The consent is bound to the broken connection: it comes back with new tokens and its mappings kept.
  const reconnect = async (c: Connection) => {
    const consent = await act(() => connectionsApi.reconnect(c.id));
    if (consent?.url) browser.leave(consent.url);
  };
  return (
    <section aria-labelledby="connections-title">
      <p>
        <a class="back" href="/dashboard/settings">
          ← Settings
        </a>
      </p>
      <h1 id="connections-title">Connections</h1>
      <p class="muted">
        Reviews from your Google, Facebook, Trustpilot, Yelp and Tripadvisor pages arrive in the inbox by
        themselves, and your replies go back where the platform allows it.
      </p>
      {query.connected && (
        <p class="panel" role="status" data-testid="consent-outcome">
          {back ? `Connected ${back.label}.` : 'Connected.'}{' '}
          {back?.platform === 'trustpilot' && back.placeSettings?.places.length === 0
            ? 'Name the domain your Trustpilot page is for below, e.g. example.com.'
            : 'Choose the business each location feeds below.'}
        </p>
      )}
      {query.error && (
        <div class="error" role="alert" data-testid="consent-error">
          <p>{consentError(query.error)}</p>
        </div>
      )}
      <ErrorNote error={error} />
      <p role="status" class="muted">
        {note}
      </p>
      {!connections && !error && <p role="status">Loading…</p>}
      {connections?.length === 0 && <p class="empty">No platform is connected yet.</p>}
      {connections?.map((c) => (
        // A card starts afresh when its status changes (a reconnect), not on every sync that touches it:
        // a sync queued by a mapping often lands before the list is read again, and must not wipe its note.
        <ConnectionCard
          key={`${c.id}-${c.status}`}
          connection={c}
          canWrite={write}
          onMapped={load}
          onReconnect={() => reconnect(c)}
          onSync={() =>
            act(() => connectionsApi.sync(c.id)).then(
              say(`Sync of ${c.label} queued: it shows below once run.`),
            )
          }
          onDisconnect={() =>
            confirm(`Disconnect ${c.label}? Its tokens are deleted and syncing stops; its reviews stay.`) &&
            act(() => connectionsApi.disconnect(c.id)).then(say(`${c.label} disconnected.`))
          }
        />
      ))}
      {connections && (
        <button type="button" class="ghost" onClick={load}>
          Refresh
        </button>
      )}
      {write && (
        <>
          <OAuthConnect />
          <ApiKeyConnectForm
            platform={keyPlatform}
            onPlatform={setKeyPlatform}
            onConnected={(c) => {
              setNote(`Connected ${c.label}. Choose the business each location feeds.`);
              load();
            }}
          />
        </>
      )}
    </section>
  );
}
