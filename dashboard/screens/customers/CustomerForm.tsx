import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api';
import { type Customer, type CustomerPatch, customersApi } from '../../api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

type Props = {
  /** The customer to edit; without one the form creates (or, on a matching email/phone, updates) one. */
  customer?: Customer;
  onSaved: (customer: Customer, existing: boolean) => void;
};

const orNull = (text: string) => text.trim() || null;

/** Name, email, phone and notes of a customer (tags too when creating). */
export function CustomerForm({ customer, onSaved }: Props) {
  const [name, setName] = useState(customer?.name ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const [tags, setTags] = useState('');
  const prefix = customer ? 'edit' : 'new';
  const { submit, busy, error, done } = useSubmit(async () => {
    const fields = { name: orNull(name), email: orNull(email), phone: orNull(phone), notes: orNull(notes) };
    if (customer) {
      // Only what changed: a PATCH naming the unchanged email would still be checked for collisions.
      const patch: CustomerPatch = {};
      for (const key of ['name', 'email', 'phone', 'notes'] as const) {
        if (fields[key] !== customer[key]) patch[key] = fields[key];
      }
      const updated = Object.keys(patch).length ? await customersApi.update(customer.id, patch) : customer;
      onSaved(updated, true);
      return { customer: updated, existing: true };
    }
    const list = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const answer = await customersApi.create({
      name: fields.name ?? undefined,
      email: fields.email ?? undefined,
      phone: fields.phone ?? undefined,
      notes: fields.notes ?? undefined,
      tags: list.length ? list : undefined,
    });
    onSaved(answer.customer, answer.existing);
    return answer;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={`${prefix}-customer-title`}>
      <h2 id={`${prefix}-customer-title`}>{customer ? 'Edit contact details' : 'Add a customer'}</h2>
      <Field id={`${prefix}-name`} label="Name" name="name" value={name} onValue={setName} maxLength={200} />
      <Field
        id={`${prefix}-email`}
        label="Email"
        name="email"
        type="email"
        value={email}
        onValue={setEmail}
        autoComplete="off"
      />
      <Field
        id={`${prefix}-phone`}
        label="Phone"
        name="phone"
        type="tel"
        hint="International (+44 20 7946 0958) or national in the business’s country"
        value={phone}
        onValue={setPhone}
        autoComplete="off"
      />
      {!customer && (
        <Field
          id="new-tags"
          label="Tags"
          name="tags"
          hint="Separate with commas"
          value={tags}
          onValue={setTags}
        />
      )}
      <div class="field">
        <label for={`${prefix}-notes`}>Notes</label>
        <textarea
          id={`${prefix}-notes`}
          rows={3}
          maxLength={2000}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" disabled={busy || (!customer && !email.trim() && !phone.trim())}>
          {customer ? 'Save contact details' : 'Add customer'}
        </button>
      </div>
      {done && (
        <p role="status">
          {customer
            ? 'Contact details saved.'
            : done.existing
              ? 'A customer with this email or phone already existed: it was updated with what you gave (an opt-out stays as it was).'
              : 'Customer added.'}{' '}
          {!customer && <a href={`/dashboard/customers/${done.customer.id}`}>Open their page</a>}
        </p>
      )}
      {error instanceof ApiFailure && error.status === 409 ? (
        <ConflictNote error={error} />
      ) : (
        <ErrorNote error={error} />
      )}
    </form>
  );
}

/** A 409 says which other customer holds the email or phone; each is linked so it can be opened. */
function ConflictNote({ error }: { error: ApiFailure }) {
  return (
    <div class="error" role="alert">
      <p>{error.message}. Each email and phone belongs to one customer only.</p>
      <ul>
        {Object.entries(error.details).map(([field, text]) => {
          const other = /cust_[A-Za-z0-9]+/.exec(text)?.[0];
          return (
            <li key={field}>
              The {field} already belongs to{' '}
              {other ? <a href={`/dashboard/customers/${other}`}>another customer</a> : 'another customer'}.
            </li>
          );
        })}
      </ul>
    </div>
  );
}
