import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { afterSignIn } from '../../components/signed-in';
import { useSubmit } from '../../components/use-submit';

/** Sign in with email and password. */
export function LoginPage() {
  const { query, route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useSubmit(async () => {
    await api.login(email.trim(), password);
    await afterSignIn(route, query.next);
  });
  return (
    <form class="card" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">Sign in to Plaudit</h1>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      <ErrorNote error={error} />
      <p>
        <a href="/dashboard/forgot">Forgot your password?</a>
      </p>
    </form>
  );
}
