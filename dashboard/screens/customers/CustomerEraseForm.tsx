import { useState } from 'preact/hooks';
import { customersApi } from '../../api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';

/** The word to type before erasing: a typed confirmation, because an erase cannot be undone. */
export const ERASE_WORD = 'erase';

/**
 * Erases a customer's personal data everywhere (`DELETE ?erase=true`), keeping only a hashed suppression
 * entry so they are never invited again. The button stays disabled until the word is typed.
 */
export function CustomerEraseForm({ id, onErased }: { id: string; onErased: () => void }) {
  const [typed, setTyped] = useState('');
  const ready = typed.trim().toLowerCase() === ERASE_WORD;
  const { submit, busy, error } = useSubmit(async () => {
    if (!ready) return;
    await customersApi.erase(id);
    onErased();
  });
  return (
    <form class="panel danger-zone" onSubmit={submit} aria-labelledby="erase-title">
      <h2 id="erase-title">Erase this customer</h2>
      <p>
        Removes their name, email, phone, notes and the text of their messages and feedback everywhere.
        Reviews and figures stay, anonymous. Only a one-way hash of the contact is kept, so they are never
        messaged again. This cannot be undone.
      </p>
      <div class="field">
        <label for="erase-confirm">Type “{ERASE_WORD}” to confirm</label>
        <input
          id="erase-confirm"
          autocomplete="off"
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="danger" disabled={!ready || busy}>
          Erase personal data
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
