import { LAYOUTS, THEMES, type WidgetOptions } from '../../../widget/config';

type Props = { options: WidgetOptions; onChange: (options: WidgetOptions) => void };

// Only values the widget's readOptions accepts: the preview and the snippet never disagree.
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/]+\))$/i;

/** Layout, theme and display options; each change redraws the preview. */
export function WidgetOptionsForm({ options, onChange }: Props) {
  const set = (change: Partial<WidgetOptions>) => onChange({ ...options, ...change });
  return (
    <form class="options" aria-label="Widget options" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Layout</span>
        <select
          value={options.layout}
          onChange={(e) => set({ layout: e.currentTarget.value as WidgetOptions['layout'] })}
        >
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Theme</span>
        <select
          value={options.theme}
          onChange={(e) => set({ theme: e.currentTarget.value as WidgetOptions['theme'] })}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Accent colour</span>
        <input
          type="color"
          value={options.accent && /^#[0-9a-f]{6}$/i.test(options.accent) ? options.accent : '#2563eb'}
          onChange={(e) => COLOR.test(e.currentTarget.value) && set({ accent: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>Reviews shown (1–100)</span>
        <input
          type="number"
          min={1}
          max={100}
          value={options.limit}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= 100) set({ limit: n });
          }}
        />
      </label>
      <label>
        <span>Lowest rating</span>
        <select
          value={String(options.minRating)}
          onChange={(e) => set({ minRating: Number(e.currentTarget.value) })}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n} ★
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={options.showReplies}
          onChange={(e) => set({ showReplies: e.currentTarget.checked })}
        />
        <span>Show replies</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={options.showSummary}
          onChange={(e) => set({ showSummary: e.currentTarget.checked })}
        />
        <span>Show the rating summary</span>
      </label>
    </form>
  );
}
