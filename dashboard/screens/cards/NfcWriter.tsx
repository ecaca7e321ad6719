import { useState } from 'preact/hooks';

type NdefWriter = { write(message: { records: Array<{ recordType: string; data: string }> }): Promise<void> };
type NdefWindow = { NDEFReader?: new () => NdefWriter };

/** Whether this browser can write NFC tags itself (Web NFC: Chrome on Android). */
export const hasWebNfc = (): boolean => typeof window !== 'undefined' && 'NDEFReader' in window;

/**
 * Puts the card's URL on an NFC tag as an NDEF URL record: a "Write to tag" button where the browser has
 * Web NFC, and the same steps for any NFC writer app everywhere else.
 */
export function NfcWriter({ url }: { url: string }) {
  const [state, setState] = useState<'idle' | 'waiting' | 'written' | 'failed'>('idle');
  const [message, setMessage] = useState('');
  const write = async () => {
    const Reader = (window as unknown as NdefWindow).NDEFReader;
    if (!Reader) return;
    setState('waiting');
    try {
      await new Reader().write({ records: [{ recordType: 'url', data: url }] });
      setState('written');
    } catch (error) {
      setState('failed');
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section class="panel" aria-labelledby="nfc-title">
      <h2 id="nfc-title">Program an NFC tag</h2>
      <p>
        The tag holds one URL record: <span class="url-box">{url}</span>
      </p>
      {hasWebNfc() ? (
        <div class="actions">
          <button type="button" onClick={write} disabled={state === 'waiting'}>
            Write to tag
          </button>
          <p role="status">
            {state === 'waiting' && 'Hold the tag against the back of the phone…'}
            {state === 'written' && 'Written. Tap the tag to check that it opens the link.'}
          </p>
          {state === 'failed' && (
            <p class="error" role="alert">
              Could not write the tag: {message}
            </p>
          )}
        </div>
      ) : (
        <p class="muted" data-testid="nfc-unsupported">
          This browser cannot write NFC tags (Chrome on Android can). Use any NFC writer app instead:
        </p>
      )}
      <ol class="steps">
        <li>Add a record of type URL (or “Link”) with the address above.</li>
        <li>Write it: hold the tag against the phone until the app confirms.</li>
        <li>Tap the tag with another phone: it must open this card’s page.</li>
        <li>Lock the tag (make it read-only) so nobody can rewrite it. Locking cannot be undone.</li>
      </ol>
    </section>
  );
}
