import { useState } from 'preact/hooks';
import type { Business } from '../../api';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

type Props = { business: Business; onSaved: (b: Business) => void; disabled: boolean };

const MAX_BYTES = 512 * 1024;
const isUploaded = (b: Business) => !!b.logoUrl && new URL(b.logoUrl).pathname.startsWith('/assets/logo/');

/** The logo: a file Plaudit stores (PNG, JPEG or WebP up to 512 KB), or the https address of one. */
export function BusinessLogoForm({ business, onSaved, disabled }: Props) {
  const [url, setUrl] = useState(isUploaded(business) ? '' : (business.logoUrl ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<Business>) => {
    setBusy(true);
    try {
      onSaved(await action());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File | undefined) => {
    if (!file) return;
    // Checked here only to say it sooner; the server checks size and the file's real type again.
    if (file.size > MAX_BYTES) return setError(new Error('The logo is larger than 512 KB.'));
    run(() => businessesApi.uploadLogo(business.id, file));
  };
  const preview = business.logoUrl
    ? isUploaded(business)
      ? new URL(business.logoUrl).pathname + new URL(business.logoUrl).search
      : null
    : null;
  return (
    <section class="panel" aria-labelledby="logo-title">
      <h2 id="logo-title">Logo</h2>
      {preview && <img class="logo-preview" src={preview} alt={`Logo of ${business.name}`} />}
      {business.logoUrl && !preview && (
        <p class="muted">
          Fetched by Plaudit from <code class="link">{business.logoUrl}</code>
        </p>
      )}
      <fieldset class="plain" disabled={disabled || busy}>
        <div class="field">
          <label for="logo-file">Upload a file</label>
          <input
            id="logo-file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby="logo-file-hint"
            onChange={(e) => upload(e.currentTarget.files?.[0])}
          />
          <small id="logo-file-hint" class="muted">
            PNG, JPEG or WebP, at most 512 KB. Square works best.
          </small>
        </div>
        <form
          class="actions"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => businessesApi.update(business.id, { logoUrl: url.trim() || null }));
          }}
        >
          <Field
            label="Or the address of an image (https)"
            name="logoUrl"
            type="url"
            value={url}
            onValue={setUrl}
          />
          <button type="submit">Use this address</button>
        </form>
        {business.logoUrl && (
          <button
            type="button"
            class="danger"
            onClick={() =>
              run(() =>
                isUploaded(business)
                  ? businessesApi.deleteLogo(business.id)
                  : businessesApi.update(business.id, { logoUrl: null }),
              )
            }
          >
            Remove the logo
          </button>
        )}
      </fieldset>
      <ErrorNote error={error} />
    </section>
  );
}
