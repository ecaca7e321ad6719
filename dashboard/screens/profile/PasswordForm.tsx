import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useSubmit } from '../../components/use-submit';

/** Change the password; the server signs out every other session. */
export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { submit, busy, error, done } = useSubmit(async () => {
    await api.changePassword(current, next);
    setCurrent('');
    setNext('');
    return true;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onValue={setCurrent}
      />
      <NewPasswordField label="New password" name="newPassword" value={next} onValue={setNext} />
      <button type="submit" disabled={busy}>
        Change password
      </button>
      <p role="status" class="muted">
        {done ? 'Password changed; your other sessions were signed out.' : ''}
      </p>
      <ErrorNote error={error} />
    </form>
  );
}
