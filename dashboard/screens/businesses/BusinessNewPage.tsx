import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { loadBusinesses } from '../../state/business';
import { PlatformsEditor } from './PlatformsEditor';
import { draftOf, platformsOf } from './platform-links';
import { TimeZoneSelect } from './TimeZoneSelect';
import { browserTimeZone } from './time-zones';

/** A new business: its name, where it is, and (optionally) its review platforms; the rest on its page next. */
export function BusinessNewPage() {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [country, setCountry] = useState('');
  const [platforms, setPlatforms] = useState(draftOf({}));
  const { submit, busy, error } = useSubmit(async () => {
    const created = await businessesApi.create({
      name: name.trim(),
      address: address.trim() || null,
      timezone,
      country: country.trim() || null,
      platforms: platformsOf(platforms).body,
    });
    await loadBusinesses();
    route(`/dashboard/businesses/${created.id}`);
    return created;
  });
  return (
    <section aria-labelledby="new-business-title">
      <h1 id="new-business-title">New business</h1>
      <form class="panel" onSubmit={submit} aria-labelledby="new-business-title">
        <Field label="Name" name="name" required maxLength={200} value={name} onValue={setName} />
        <Field label="Address" name="address" maxLength={500} value={address} onValue={setAddress} />
        <TimeZoneSelect id="new-timezone" value={timezone} onValue={setTimezone} />
        <Field
          label="Country"
          name="country"
          maxLength={2}
          hint="Two letters, such as GB or US: customers’ local phone numbers are read in it."
          value={country}
          onValue={(v) => setCountry(v.toUpperCase())}
        />
        <PlatformsEditor draft={platforms} onDraft={setPlatforms} />
        <ErrorNote error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Create business
          </button>
          <a class="button ghost" href="/dashboard/businesses">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
