import { useState } from 'preact/hooks';
import type { PlatformSettings } from '../../../server/domain/links';
import type { Business } from '../../api';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';
import { PlatformsEditor } from './PlatformsEditor';
import { draftOf, platformsOf } from './platform-links';

type Props = { business: Business; onSaved: (b: Business) => void; disabled: boolean };

/** The platforms editor of an existing business, saved on its own. */
export function PlatformsForm({ business, onSaved, disabled }: Props) {
  const [draft, setDraft] = useState(() => draftOf(business.platforms as PlatformSettings));
  const { submit, busy, error, done } = useSubmit(async () => {
    const saved = await businessesApi.update(business.id, { platforms: platformsOf(draft).body });
    onSaved(saved);
    return saved;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="platforms-title">
      <h2 id="platforms-title">Where customers review you</h2>
      <PlatformsEditor draft={draft} onDraft={setDraft} disabled={disabled} />
      <ErrorNote error={error} />
      {!disabled && (
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save review platforms
          </button>
          {done && !busy && <span role="status">Saved.</span>}
        </div>
      )}
    </form>
  );
}
