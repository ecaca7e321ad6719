import { useState } from 'preact/hooks';
import { api, type Role } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { ROLES } from './TeamMembersList';

/** Invite someone by email; the link is emailed and also shown here, to hand over another way. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const { submit, busy, error, done } = useSubmit(async () => {
    const invitation = await api.invite(email.trim(), role);
    setEmail('');
    onInvited();
    return invitation;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <Field label="Their email" name="inviteEmail" type="email" required value={email} onValue={setEmail} />
      <div class="field">
        <label for="invite-role">Role</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>
        Send invitation
      </button>
      {done && (
        <p role="status">
          Invitation sent to {done.email}. The link (valid 7 days): <code class="link">{done.acceptUrl}</code>
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
