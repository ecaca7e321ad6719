import { useState } from 'preact/hooks';
import type { Business } from '../../api';
import { businessesApi } from '../../api/businesses';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

type Mode = Business['gating']['mode'];
type Scale = Business['gating']['scale'];

// DESIGN §5, said to the owner: what each mode shows an unhappy customer, and what the rules say.
const MODES: Array<{ mode: Mode; label: string; text: string }> = [
  {
    mode: 'soft',
    label: 'Soft (recommended)',
    text: 'Customers who rate low are invited to tell you privately first; the public review sites stay visible to everyone, below the form and on the thank-you page.',
  },
  {
    mode: 'off',
    label: 'Off',
    text: 'Every customer sees the public review sites first, with private feedback as an option.',
  },
  {
    mode: 'strict',
    label: 'Strict',
    text: 'Customers who rate low see only the private form. This is review gating: Google forbids “discouraging or prohibiting negative reviews, or selectively soliciting positive reviews”, Trustpilot requires inviting all customers or none, and the US FTC rule on consumer reviews (16 CFR 465) bans review suppression.',
  },
];
const SCALES: Array<{ scale: Scale; label: string; min: number; max: number; threshold: number }> = [
  { scale: 'stars', label: '1–5 stars', min: 1, max: 5, threshold: 4 },
  { scale: 'nps', label: '0–10 (NPS)', min: 0, max: 10, threshold: 9 },
  { scale: 'thumbs', label: 'Thumbs up / down', min: 0, max: 1, threshold: 1 },
];

type Props = { business: Business; onSaved: (b: Business) => void; disabled: boolean };

/** How customers are asked and routed: gating mode (with the policy on screen), scale, threshold, sending rules. */
export function GatingForm({ business, onSaved, disabled }: Props) {
  const [mode, setMode] = useState<Mode>(business.gating.mode);
  const [acknowledged, setAcknowledged] = useState(false);
  const [scale, setScale] = useState<Scale>(business.gating.scale);
  const [threshold, setThreshold] = useState(String(business.gating.threshold));
  const [autoPublish, setAutoPublish] = useState(String(business.testimonials.autoPublishMinRating ?? ''));
  const [start, setStart] = useState(business.sendWindow.start);
  const [end, setEnd] = useState(business.sendWindow.end);
  const [dedupDays, setDedupDays] = useState(String(business.dedupDays));
  const range = SCALES.find((s) => s.scale === scale)!;
  const turningStrict = mode === 'strict' && business.gating.mode !== 'strict';
  const { submit, busy, error, done } = useSubmit(async () => {
    const saved = await businessesApi.update(business.id, {
      gating: {
        mode,
        scale,
        threshold: Number(threshold),
        ...(turningStrict ? { acknowledgePolicyRisk: true } : {}),
      },
      testimonials: { autoPublishMinRating: autoPublish ? Number(autoPublish) : null },
      sendWindow: { start, end },
      dedupDays: Number(dedupDays),
    });
    onSaved(saved);
    return saved;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="gating-title">
      <h2 id="gating-title">Gating and sending</h2>
      <fieldset class="plain" disabled={disabled}>
        <fieldset>
          <legend>What a customer who rates low sees</legend>
          {MODES.map((m) => (
            <label class="check gating-mode" key={m.mode}>
              <input
                type="radio"
                name="gating-mode"
                value={m.mode}
                checked={mode === m.mode}
                onChange={() => setMode(m.mode)}
              />
              <span>
                <strong>{m.label}</strong> — {m.text}
              </span>
            </label>
          ))}
        </fieldset>
        {turningStrict && (
          <label class="check warning">
            <input
              type="checkbox"
              required
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.currentTarget.checked)}
            />
            <span>
              I understand that strict gating can breach Google’s and Trustpilot’s policies and the FTC rule
              (16 CFR 465), and I choose it anyway.
            </span>
          </label>
        )}
        {business.gating.mode === 'strict' && business.gating.policyRiskAcknowledgedAt && (
          <p class="muted">
            Strict gating was acknowledged on{' '}
            {new Date(business.gating.policyRiskAcknowledgedAt).toLocaleString()}.
          </p>
        )}
        <div class="field">
          <label for="gating-scale">Rating scale</label>
          <select
            id="gating-scale"
            value={scale}
            onChange={(e) => {
              const next = SCALES.find((s) => s.scale === e.currentTarget.value)!;
              setScale(next.scale);
              setThreshold(String(next.threshold));
            }}
          >
            {SCALES.map((s) => (
              <option key={s.scale} value={s.scale}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Happy from"
          name="threshold"
          type="number"
          min={range.min}
          max={range.max}
          required
          hint={`Ratings at or above this (${range.min}–${range.max}) are offered the public review sites first.`}
          value={threshold}
          onValue={setThreshold}
        />
        <Field
          label="Publish testimonials automatically from"
          name="autoPublish"
          type="number"
          min={1}
          max={5}
          hint="Testimonials at or above this star rating go on the widget without approval; empty: always approve."
          value={autoPublish}
          onValue={setAutoPublish}
        />
        <div class="actions">
          <Field label="Send from" name="sendStart" type="time" required value={start} onValue={setStart} />
          <Field label="Send until" name="sendEnd" type="time" required value={end} onValue={setEnd} />
        </div>
        <Field
          label="Ask the same customer again after (days)"
          name="dedupDays"
          type="number"
          min={0}
          max={365}
          required
          value={dedupDays}
          onValue={setDedupDays}
        />
        <ErrorNote error={error} />
        <div class="actions">
          <button type="submit" disabled={busy || (turningStrict && !acknowledged)}>
            Save gating and sending
          </button>
          {done && !busy && <span role="status">Saved.</span>}
        </div>
      </fieldset>
    </form>
  );
}
