import { ErrorNote } from '../../components/ErrorNote';
import { BusinessArchiveButton } from './BusinessArchiveButton';
import { BusinessDetailsForm } from './BusinessDetailsForm';
import { BusinessLogoForm } from './BusinessLogoForm';
import { GatingForm } from './GatingForm';
import { PlatformsForm } from './PlatformsForm';
import { canEditBusinesses, useBusiness } from './use-business';

/** One business's settings, in sections each saved on its own (a save sends only that section's fields). */
export function BusinessEditPage({ id }: { id: string }) {
  const { business, error, saved } = useBusiness(id);
  const disabled = !canEditBusinesses();
  return (
    <section aria-labelledby="business-title">
      <p>
        <a href="/dashboard/businesses">← Businesses</a>
      </p>
      <h1 id="business-title">{business?.name ?? 'Business'}</h1>
      <ErrorNote error={error} />
      {!business && !error && <p role="status">Loading…</p>}
      {business && (
        <>
          <p class="actions">
            Landing link: <code class="link">{business.reviewLink}</code>
            <a class="button ghost" href={business.reviewLink} target="_blank" rel="noopener">
              Open the landing page
            </a>
          </p>
          {disabled && <p class="muted">You can look at these settings; owners and managers change them.</p>}
          {business.archivedAt && (
            <p class="muted">Archived on {new Date(business.archivedAt).toLocaleDateString()}.</p>
          )}
          <BusinessDetailsForm business={business} onSaved={saved} disabled={disabled} />
          <BusinessLogoForm business={business} onSaved={saved} disabled={disabled} />
          <PlatformsForm business={business} onSaved={saved} disabled={disabled} />
          <GatingForm business={business} onSaved={saved} disabled={disabled} />
          {!disabled && !business.archivedAt && <BusinessArchiveButton business={business} />}
        </>
      )}
    </section>
  );
}
