import { useState } from 'preact/hooks';
import { agencyApi } from '../../api/agency';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

/** A new organization (an agency's new client); it then shows in the list, ready to switch into. */
export function OrganizationCreateForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const { submit, busy, error, done } = useSubmit(async () => {
    const organization = await agencyApi.create(name.trim());
    setName('');
    onCreated();
    return organization;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-org-title">
      <h2 id="new-org-title">New organization</h2>
      <Field
        label="Organization name"
        name="organizationName"
        value={name}
        onValue={setName}
        maxLength={200}
      />
      <div class="actions">
        <button type="submit" disabled={busy || !name.trim()}>
          Create organization
        </button>
      </div>
      {done && <p role="status">{done.name} created: switch into it below to set it up.</p>}
      <ErrorNote error={error} />
    </form>
  );
}
