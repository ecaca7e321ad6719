import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

/** Ask for a password-reset link by email (the answer is the same whether or not the address is known). */
export function ForgotPage() {
  const [email, setEmail] = useState('');
  const { submit, busy, error, done } = useSubmit(() => api.forgot(email.trim()));
  return (
    <form class="card" onSubmit={submit} aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      {done ? (
        <p role="status">
          If an account uses {email}, a link to set a new password is on its way. It works for an hour.
        </p>
      ) : (
        <>
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onValue={setEmail}
          />
          <button type="submit" disabled={busy}>
            Email me a link
          </button>
        </>
      )}
      <ErrorNote error={error} />
      <p>
        <a href="/dashboard/login">Back to sign in</a>
      </p>
    </form>
  );
}
