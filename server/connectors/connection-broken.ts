import { renderAccountEmail } from '../delivery/account-email';
import { scopesOfRole } from '../domain/roles';
import { queueAccountEmail } from '../store/account-emails';
import { type Connection, setConnectionStatus } from '../store/connections';
import { alertRecipients } from '../store/notification-preferences';
import type { EngineDeps } from './engine-deps';

/**
 * The platform refused the grant even after a refresh (revoked, password changed): the connection is
 * broken and every member who may manage connections is told by email, once per breakage.
 */
export function markBroken(deps: EngineDeps, connection: Connection, reason: string): void {
  deps.db.transaction(() => {
    const wasBroken = connection.status === 'broken';
    setConnectionStatus(deps.db, deps.clock, connection.id, 'broken', reason);
    if (wasBroken) return;
    const url = `${deps.config.publicUrl}/dashboard/connections`;
    for (const member of alertRecipients(deps.db, connection.organizationId)) {
      if (!scopesOfRole(member.role).includes('connections:write')) continue;
      queueAccountEmail(deps.db, deps.clock, {
        to: member.email,
        ...renderAccountEmail({
          subject: `Your ${connection.label} connection stopped working`,
          heading: 'A review platform connection needs you',
          lines: [
            `Plaudit can no longer read reviews from ${connection.label}: the platform refused its access (${reason}).`,
            'Connect it again to resume syncing reviews and posting replies.',
          ],
          action: { label: 'Reconnect', url },
          footer: 'You receive this because you manage review platform connections in Plaudit.',
        }),
      });
    }
  })();
}
