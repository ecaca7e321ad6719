import { useEffect, useState } from 'preact/hooks';
import { DEFAULTS, type WidgetOptions } from '../../../widget/config';
import { businesses, businessId as pickedBusiness } from '../../state/business';
import { SnippetBox } from './SnippetBox';
import { WidgetOptionsForm } from './WidgetOptionsForm';
import { WidgetPreview } from './WidgetPreview';
import { WidgetReviewPicker } from './WidgetReviewPicker';
import { snippetFor } from './widget-snippet';

/** The widget builder: a business, its options with a live preview, which reviews show, the snippet. */
export function WidgetPage() {
  const list = businesses.value;
  const [options, setOptions] = useState<WidgetOptions>({ ...DEFAULTS, businessId: '' });
  const [version, setVersion] = useState(0);
  const chosen = options.businessId || pickedBusiness.value || list[0]?.id || '';
  useEffect(() => {
    if (chosen && chosen !== options.businessId) setOptions((o) => ({ ...o, businessId: chosen }));
  }, [chosen]);

  if (list.length === 0) {
    return (
      <section>
        <h1>Widget</h1>
        <p>Add a business first (POST /api/v1/businesses): the widget shows one business’s reviews.</p>
      </section>
    );
  }
  const current = { ...options, businessId: chosen };
  const snippet = snippetFor(location.origin, current);
  return (
    <section aria-labelledby="widget-title" class="widget-page">
      <h1 id="widget-title">Widget</h1>
      <fieldset class="business-pick">
        <legend>Business</legend>
        {list.map((b) => (
          <label key={b.id} class="check">
            <input
              type="radio"
              name="business"
              value={b.id}
              checked={b.id === chosen}
              onChange={() => {
                pickedBusiness.value = b.id;
                setOptions({ ...current, businessId: b.id });
              }}
            />
            <span>{b.name}</span>
          </label>
        ))}
      </fieldset>
      <div class="builder">
        <WidgetOptionsForm options={current} onChange={setOptions} />
        <WidgetPreview attributes={snippet.attributes} options={current} version={version} />
        <SnippetBox text={snippet.text} />
        <WidgetReviewPicker businessId={chosen} onChanged={() => setVersion((v) => v + 1)} />
      </div>
    </section>
  );
}
