import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { NewPasswordField } from '../../components/NewPasswordField';
import { afterSignIn } from '../../components/signed-in';
import { useSubmit } from '../../components/use-submit';

/** Set a new password from the emailed link; signs in and ends every other session. */
export function ResetPage() {
  const { query, route } = useLocation();
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useSubmit(async () => {
    await api.reset(query.token ?? '', password);
    await afterSignIn(route);
  });
  if (!query.token) {
    return (
      <section class="card">
        <h1>Reset your password</h1>
        <p>
          This link is incomplete. <a href="/dashboard/forgot">Ask for a new one</a>.
        </p>
      </section>
    );
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <NewPasswordField label="New password" name="password" value={password} onValue={setPassword} />
      <button type="submit" disabled={busy}>
        Set password and sign in
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
