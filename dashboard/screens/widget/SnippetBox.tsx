import { useState } from 'preact/hooks';

/** The embed snippet, read-only, with a copy button (falls back to selecting the text). */
export function SnippetBox({ text }: { text: string }) {
  const [said, setSaid] = useState('');
  return (
    <section class="snippet" aria-labelledby="snippet-title">
      <h2 id="snippet-title">Snippet</h2>
      <p class="muted">Paste it where the reviews should appear on your site.</p>
      <textarea id="snippet" readOnly rows={4} aria-labelledby="snippet-title" value={text} />
      <div class="actions">
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              setSaid('Copied.');
            } catch {
              (document.getElementById('snippet') as HTMLTextAreaElement | null)?.select();
              setSaid('Selected: press Ctrl+C (⌘C) to copy.');
            }
          }}
        >
          Copy snippet
        </button>
        <span role="status">{said}</span>
      </div>
    </section>
  );
}
