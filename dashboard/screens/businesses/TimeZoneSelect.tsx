import { timeZones } from './time-zones';

/** A labelled select of every IANA time zone; the business's send window and dates follow it. */
export function TimeZoneSelect({
  value,
  onValue,
  id,
}: {
  value: string;
  onValue: (tz: string) => void;
  id: string;
}) {
  return (
    <div class="field">
      <label for={id}>Time zone</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {timeZones(value).map((tz) => (
          <option key={tz} value={tz}>
            {tz}
          </option>
        ))}
      </select>
    </div>
  );
}
