import type { Connection } from '../../api/connections';
import { LocationsPanel } from './LocationsPanel';
import { platformInfo } from './platforms';
import { ReconnectKeyForm } from './ReconnectKeyForm';
import { SyncRuns } from './SyncRuns';

type Props = {
  connection: Connection;
  canWrite: boolean;
  onSync: () => void;
  onDisconnect: () => void;
  onReconnect: () => void;
  onMapped: () => void;
};

const STATUS = { active: 'Active', broken: 'Broken', disconnected: 'Disconnected' } as const;

/** One connection: its state, what the platform limits, its locations, its last syncs and what to do. */
export function ConnectionCard({ connection, canWrite, onSync, onDisconnect, onReconnect, onMapped }: Props) {
  const info = platformInfo(connection.platform);
  const titleId = `conn-${connection.id}`;
  return (
    <article class={`panel connection ${connection.status}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {connection.label}{' '}
        <span class={`badge status-${connection.status}`}>{STATUS[connection.status]}</span>
      </h2>
      {connection.status === 'broken' && (
        <div class="error" role="alert">
          <p>
            <strong>This connection is broken</strong>:{' '}
            {connection.lastError ?? 'the platform refused its access'}. Reviews stop arriving until you
            reconnect it: its locations stay mapped.
          </p>
          {canWrite &&
            (info.auth === 'key' ? (
              <ReconnectKeyForm connection={connection} onReconnected={onMapped} />
            ) : (
              <button type="button" onClick={onReconnect}>
                Reconnect {info.name}
              </button>
            ))}
        </div>
      )}
      {connection.status === 'disconnected' && (
        <p class="muted">Disconnected: its tokens are deleted; the reviews it brought stay.</p>
      )}
      {connection.limitation && <p class="muted">{connection.limitation}</p>}
      {connection.status === 'active' && !connection.canReply && (
        <p class="muted">Replies to its reviews stay in Plaudit: answer them on {info.name} itself.</p>
      )}
      {connection.status !== 'disconnected' && (
        <LocationsPanel connection={connection} canWrite={canWrite} onMapped={onMapped} />
      )}
      <h3>Last syncs</h3>
      <SyncRuns runs={connection.lastRuns} />
      {canWrite && connection.status !== 'disconnected' && (
        <div class="actions">
          {connection.status === 'active' && (
            <button type="button" onClick={onSync}>
              Sync now
            </button>
          )}
          <button type="button" class="danger" onClick={onDisconnect}>
            Disconnect
          </button>
        </div>
      )}
    </article>
  );
}
