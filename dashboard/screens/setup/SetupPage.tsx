import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { NewPasswordField } from '../../components/NewPasswordField';
import { afterSignIn } from '../../components/signed-in';
import { useSubmit } from '../../components/use-submit';

/** The first user, from the link the server printed at first start: becomes instance admin and owner. */
export function SetupPage() {
  const { query, route } = useLocation();
  const token = query.token ?? '';
  const [valid, setValid] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (!token) return setValid(false);
    api.setupValid(token).then(
      () => setValid(true),
      () => setValid(false),
    );
  }, [token]);
  const { submit, busy, error } = useSubmit(async () => {
    await api.setup({ token, name: name.trim(), email: email.trim(), password });
    await afterSignIn(route);
  });
  if (valid === null) return <p role="status">Checking the link…</p>;
  if (!valid) {
    return (
      <section class="card">
        <h1>Set up Plaudit</h1>
        <p>This setup link is unknown, used or expired. Restart the server to print a fresh one.</p>
        <p>
          <a href="/dashboard/login">Sign in</a>
        </p>
      </section>
    );
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">Set up Plaudit</h1>
      <p>You are the first user: you will own the organization and administer this Plaudit.</p>
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onValue={setName}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <NewPasswordField label="Password" name="password" value={password} onValue={setPassword} />
      <button type="submit" disabled={busy}>
        Create my account
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
