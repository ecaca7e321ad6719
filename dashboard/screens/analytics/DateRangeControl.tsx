import { type DateRange, PRESETS, presetOf, presetRange } from './date-range';

type Props = { range: DateRange; today: string; onChange: (range: DateRange) => void };

/** From/to dates and the 30 d / 90 d / 12 months presets; every chart on the screen follows them. */
export function DateRangeControl({ range, today, onChange }: Props) {
  const current = presetOf(range, today);
  return (
    <fieldset class="range">
      <legend>Date range</legend>
      <div class="actions">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={current === p.id}
            onClick={() => onChange(presetRange(p.id, today))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div class="range-dates">
        <label>
          <span>From</span>
          <input
            type="date"
            value={range.dateFrom}
            max={range.dateTo}
            onChange={(e) => e.currentTarget.value && onChange({ ...range, dateFrom: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            value={range.dateTo}
            min={range.dateFrom}
            onChange={(e) => e.currentTarget.value && onChange({ ...range, dateTo: e.currentTarget.value })}
          />
        </label>
      </div>
    </fieldset>
  );
}
