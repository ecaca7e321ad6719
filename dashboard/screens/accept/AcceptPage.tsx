import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field, PASSWORD } from '../../components/Field';
import { afterSignIn } from '../../components/signed-in';
import { useSubmit } from '../../components/use-submit';

type Invitation = Awaited<ReturnType<typeof api.lookupInvitation>>;

/** Join an organization from an invitation link: a new user picks a name and password, a known one signs in. */
export function AcceptPage() {
  const { query, route } = useLocation();
  const token = query.token ?? '';
  const [invitation, setInvitation] = useState<Invitation | null | false>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (!token) return setInvitation(false);
    api.lookupInvitation(token).then(setInvitation, () => setInvitation(false));
  }, [token]);
  const { submit, busy, error } = useSubmit(async () => {
    await api.acceptInvitation(
      invitation && !invitation.existingUser ? { token, name: name.trim(), password } : { token, password },
    );
    await afterSignIn(route);
  });
  if (invitation === null) return <p role="status">Checking the invitation…</p>;
  if (invitation === false) {
    return (
      <section class="card">
        <h1>Invitation</h1>
        <p>This invitation is unknown, used or expired. Ask for a new one.</p>
      </section>
    );
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="accept-title">
      <h1 id="accept-title">Join {invitation.organizationName}</h1>
      <p>
        You are invited as {invitation.role} with {invitation.email}.
      </p>
      {!invitation.existingUser && (
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
      )}
      <Field
        label={invitation.existingUser ? 'Your current password' : 'Choose a password'}
        name="password"
        type="password"
        autoComplete={invitation.existingUser ? 'current-password' : 'new-password'}
        required
        minLength={PASSWORD.minLength}
        maxLength={PASSWORD.maxLength}
        hint={invitation.existingUser ? undefined : PASSWORD.hint}
        value={password}
        onValue={setPassword}
      />
      <button type="submit" disabled={busy}>
        Accept the invitation
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
