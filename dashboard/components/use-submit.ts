import { useState } from 'preact/hooks';

/** A form's submit handler with its busy flag and last error; the action's answer is kept in `done`. */
export function useSubmit<T>(action: () => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<T | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      setDone(await action());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error, done };
}
