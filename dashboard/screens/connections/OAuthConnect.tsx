import { useState } from 'preact/hooks';
import { connectionsApi, type Platform } from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { browser } from './leave';
import { PLATFORMS } from './platforms';

/** The buttons that send the owner to Google's, Facebook's or Trustpilot's consent page. */
export function OAuthConnect() {
  const [busy, setBusy] = useState<Platform | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async (platform: Platform) => {
    setBusy(platform);
    try {
      const { url } = await connectionsApi.authorize(platform);
      setError(null);
      browser.leave(url);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };
  return (
    <section class="panel" aria-labelledby="oauth-title">
      <h2 id="oauth-title">Connect an account</h2>
      <p class="muted">
        You sign in on the platform and allow Plaudit to read your reviews and post your replies; you come
        back here afterwards.
      </p>
      <div class="actions">
        {PLATFORMS.filter((p) => p.auth === 'oauth').map((p) => (
          <button key={p.id} type="button" disabled={busy !== null} onClick={() => start(p.id)}>
            {busy === p.id ? `Opening ${p.name}…` : `Connect ${p.name}`}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
