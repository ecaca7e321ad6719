import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Business } from '../../api';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { loadBusinesses } from '../../state/business';

/** Archives the business after a confirmation: its reviews stay, its public pages and widget stop. */
export function BusinessArchiveButton({ business }: { business: Business }) {
  const { route } = useLocation();
  const [error, setError] = useState<unknown>(null);
  const archive = async () => {
    if (
      !confirm(
        `Archive ${business.name}? Its landing pages, cards and widget stop answering; reviews are kept.`,
      )
    )
      return;
    try {
      await businessesApi.archive(business.id);
      await loadBusinesses();
      route('/dashboard/businesses');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="panel" aria-labelledby="archive-title">
      <h2 id="archive-title">Archive</h2>
      <p class="muted">
        Archiving keeps its reviews and history; its public pages and widget stop answering.
      </p>
      <div class="actions">
        <button type="button" class="danger" onClick={archive}>
          Archive {business.name}
        </button>
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
