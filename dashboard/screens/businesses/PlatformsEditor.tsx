import type { ReviewLink } from '../../../server/domain/links';
import { type PlatformDraft, platformsOf } from './platform-links';

const ROWS: Array<{ key: Exclude<keyof PlatformDraft, 'custom'>; label: string; hint: string }> = [
  {
    key: 'google',
    label: 'Google',
    hint: 'Place id (ChIJ…) or the review short link from your Business Profile (https://g.page/r/…/review).',
  },
  { key: 'yelp', label: 'Yelp', hint: 'Your Yelp page (https://www.yelp.com/biz/…) or its id.' },
  { key: 'facebook', label: 'Facebook', hint: 'Your page (https://www.facebook.com/…) or its name.' },
  { key: 'tripadvisor', label: 'Tripadvisor', hint: 'Your Tripadvisor page URL (it contains -g…-d…).' },
  {
    key: 'trustpilot',
    label: 'Trustpilot',
    hint: 'The domain Trustpilot lists you under, such as example.com.',
  },
];

/** The deep link a row will produce, with a link to try it; or why there is none yet. */
function LinkPreview({
  link,
  typed,
  id,
}: {
  link: ReviewLink | null | undefined;
  typed: boolean;
  id: string;
}) {
  if (!typed) return null;
  if (!link) {
    return (
      <small id={id} class="muted">
        Not recognised yet: no review link.
      </small>
    );
  }
  return (
    <small id={id} class="deep-link">
      <span>
        Customers go to <code data-testid="deep-link">{link.url}</code>
      </span>
      <a class="button ghost" href={link.url} target="_blank" rel="noopener">
        Open it<span class="sr-only"> ({link.name}, in a new tab)</span>
      </a>
    </small>
  );
}

type Props = { draft: PlatformDraft; onDraft: (draft: PlatformDraft) => void; disabled?: boolean };

/** The public review platforms, each with the deep link it will produce, built as the server builds it. */
export function PlatformsEditor({ draft, onDraft, disabled }: Props) {
  const { links, customLinks } = platformsOf(draft);
  const setCustom = (i: number, part: Partial<{ name: string; url: string }>) =>
    onDraft({ ...draft, custom: draft.custom.map((c, j) => (j === i ? { ...c, ...part } : c)) });
  return (
    <fieldset class="platforms" disabled={disabled}>
      <legend>Review platforms</legend>
      {ROWS.map((row) => (
        <div class="field" key={row.key}>
          <label for={`platform-${row.key}`}>{row.label}</label>
          <input
            id={`platform-${row.key}`}
            value={draft[row.key]}
            maxLength={2048}
            aria-describedby={`platform-${row.key}-hint platform-${row.key}-link`}
            onInput={(e) => onDraft({ ...draft, [row.key]: e.currentTarget.value })}
          />
          <small id={`platform-${row.key}-hint`} class="muted">
            {row.hint}
          </small>
          <LinkPreview
            id={`platform-${row.key}-link`}
            link={links[row.key]}
            typed={draft[row.key].trim() !== ''}
          />
        </div>
      ))}
      {draft.custom.map((c, i) => (
        <div class="custom-platform" key={i}>
          <div class="field">
            <label for={`custom-name-${i}`}>Custom link {i + 1}: name</label>
            <input
              id={`custom-name-${i}`}
              value={c.name}
              maxLength={60}
              onInput={(e) => setCustom(i, { name: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`custom-url-${i}`}>Custom link {i + 1}: https URL</label>
            <input
              id={`custom-url-${i}`}
              type="url"
              value={c.url}
              aria-describedby={`custom-link-${i}`}
              onInput={(e) => setCustom(i, { url: e.currentTarget.value })}
            />
            <LinkPreview id={`custom-link-${i}`} link={customLinks[i]} typed={c.url.trim() !== ''} />
          </div>
          <button
            type="button"
            class="ghost"
            onClick={() => onDraft({ ...draft, custom: draft.custom.filter((_, j) => j !== i) })}
          >
            Remove custom link {i + 1}
          </button>
        </div>
      ))}
      {draft.custom.length < 10 && (
        <button
          type="button"
          class="ghost"
          onClick={() => onDraft({ ...draft, custom: [...draft.custom, { name: '', url: '' }] })}
        >
          Add a custom link
        </button>
      )}
    </fieldset>
  );
}
