import { useState } from 'preact/hooks';
import { type Customer, customersApi } from '../../api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

/** Tags as a comma-separated list; saving replaces them all (as `PATCH {tags}` does). */
export function CustomerTagsForm({
  customer,
  onSaved,
}: {
  customer: Customer;
  onSaved: (c: Customer) => void;
}) {
  const [text, setText] = useState(customer.tags.join(', '));
  const { submit, busy, error, done } = useSubmit(async () => {
    const tags = text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const updated = await customersApi.update(customer.id, { tags });
    onSaved(updated);
    return updated;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      <Field
        label="Tags"
        name="customerTags"
        hint="Separate with commas; up to 20 tags of 50 characters"
        value={text}
        onValue={setText}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save tags
        </button>
      </div>
      {done && <p role="status">Tags saved.</p>}
      <ErrorNote error={error} />
    </form>
  );
}
