import { useState } from 'preact/hooks';
import type { Business } from '../../api';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { contrastHint } from './contrast';
import { TimeZoneSelect } from './TimeZoneSelect';

type Props = { business: Business; onSaved: (b: Business) => void; disabled: boolean };

/** Name, where the business is and how its pages look; saving sends only these fields. */
export function BusinessDetailsForm({ business, onSaved, disabled }: Props) {
  const [name, setName] = useState(business.name);
  const [address, setAddress] = useState(business.address ?? '');
  const [phone, setPhone] = useState(business.phone ?? '');
  const [website, setWebsite] = useState(business.website ?? '');
  const [timezone, setTimezone] = useState(business.timezone);
  const [country, setCountry] = useState(business.country ?? '');
  const [locale, setLocale] = useState(business.locale);
  const [brandColor, setBrandColor] = useState(business.brandColor ?? '');
  const { submit, busy, error, done } = useSubmit(async () => {
    const saved = await businessesApi.update(business.id, {
      name: name.trim(),
      address: address.trim() || null,
      phone: phone.trim() || null,
      website: website.trim() || null,
      timezone,
      country: country.trim() || null,
      locale: locale.trim(),
      brandColor: brandColor || null,
    });
    onSaved(saved);
    return saved;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <fieldset class="plain" disabled={disabled}>
        <Field label="Name" name="name" required maxLength={200} value={name} onValue={setName} />
        <Field label="Address" name="address" maxLength={500} value={address} onValue={setAddress} />
        <Field label="Phone" name="phone" type="tel" maxLength={40} value={phone} onValue={setPhone} />
        <Field label="Website" name="website" type="url" value={website} onValue={setWebsite} />
        <TimeZoneSelect id="details-timezone" value={timezone} onValue={setTimezone} />
        <Field
          label="Country"
          name="country"
          maxLength={2}
          hint="Two letters, such as GB or US: customers’ local phone numbers are read in it."
          value={country}
          onValue={(v) => setCountry(v.toUpperCase())}
        />
        <Field
          label="Language"
          name="locale"
          required
          maxLength={35}
          hint="The language tag of the landing pages and messages, such as en, fr or pt-BR."
          value={locale}
          onValue={setLocale}
        />
        <div class="field">
          <label for="f-brandColor">Brand colour</label>
          <div class="actions">
            <input
              id="f-brandColor"
              type="color"
              class="swatch"
              value={brandColor || '#1f6feb'}
              aria-describedby="f-brandColor-hint"
              onInput={(e) => setBrandColor(e.currentTarget.value)}
            />
            {brandColor && (
              <button type="button" class="ghost" onClick={() => setBrandColor('')}>
                Use the default colour
              </button>
            )}
          </div>
          <small id="f-brandColor-hint" class="muted" aria-live="polite">
            {brandColor ? `${brandColor}. ${contrastHint(brandColor)}` : 'The default colour.'}
          </small>
        </div>
        <ErrorNote error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save details
          </button>
          {done && !busy && <span role="status">Saved.</span>}
        </div>
      </fieldset>
    </form>
  );
}
