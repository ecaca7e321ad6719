import { useEffect, useState } from 'preact/hooks';
import { api, type Invitation, type TeamMember } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { me } from '../../state/session';
import { InviteForm } from './InviteForm';
import { TeamMembersList } from './TeamMembersList';

/** The organization's people and their roles; owners invite, change roles and remove. */
export function TeamPage() {
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const admin = me.value?.scopes.includes('team:admin') || me.value?.user?.instanceAdmin === true;

  const load = async () => {
    try {
      setMembers((await api.team()).data);
      if (admin) setInvitations((await api.invitations()).data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    load();
  }, [me.value?.organization?.id]);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      <ErrorNote error={error} />
      {members === null && !error && <p role="status">Loading…</p>}
      {members && (
        <TeamMembersList
          members={members}
          admin={admin}
          self={me.value?.user?.id}
          onRole={(userId, role) => act(() => api.changeRole(userId, role))}
          onRemove={(userId) => act(() => api.removeMember(userId))}
        />
      )}
      {admin && (
        <>
          <InviteForm onInvited={load} />
          {invitations.length > 0 && (
            <section class="panel" aria-labelledby="pending-title">
              <h2 id="pending-title">Pending invitations</h2>
              <ul class="sessions">
                {invitations.map((i) => (
                  <li key={i.id}>
                    <span>
                      {i.email} · {i.role} · until {new Date(i.expiresAt).toLocaleDateString()}
                    </span>
                    <button type="button" class="ghost" onClick={() => act(() => api.revokeInvitation(i.id))}>
                      Revoke invitation for {i.email}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
