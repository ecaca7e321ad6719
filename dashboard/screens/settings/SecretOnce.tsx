import { useState } from 'preact/hooks';

/**
 * A secret the server shows this once (an API key, a webhook signing secret): selectable, copyable, and
 * said plainly that it cannot be shown again. It lives only in the screen's state, so leaving forgets it.
 */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission, insecure context): the box stays selectable by hand.
      setCopied(false);
    }
  };
  return (
    <section class="panel secret-once" aria-labelledby="secret-title">
      <h2 id="secret-title">{label}</h2>
      <p class="error">
        <strong>Copy it now: it will not be shown again.</strong> Plaudit keeps only a hash of it.
      </p>
      <label for="secret-value">Secret</label>
      <input
        id="secret-value"
        readOnly
        value={secret}
        class="mono"
        data-testid="secret"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="actions">
        <button type="button" onClick={copy}>
          Copy secret
        </button>
        <button type="button" class="ghost" onClick={onDone}>
          I have saved it
        </button>
        <span role="status" class="muted">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </section>
  );
}
