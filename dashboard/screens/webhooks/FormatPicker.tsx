import type { WebhookFormatName } from '../../api/settings';
import { FORMAT_NOTES, FORMATS } from './formats';

/** The body and signature the endpoint receives: Plaudit's own, or the one a migrated integration expects. */
export function FormatPicker({
  value,
  onChange,
}: {
  value: WebhookFormatName;
  onChange: (format: WebhookFormatName) => void;
}) {
  return (
    <fieldset class="toggles">
      <legend>Format</legend>
      {FORMATS.map((format) => (
        <label key={format} class="check">
          <input
            type="radio"
            name="webhookFormat"
            value={format}
            checked={value === format}
            onChange={() => onChange(format)}
          />
          <span>{FORMAT_NOTES[format]}</span>
        </label>
      ))}
    </fieldset>
  );
}
