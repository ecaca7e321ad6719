import { within } from '@testing-library/preact';
import { Widget } from '../../widget/components/widget';
import { readOptions, type WidgetOptions } from '../../widget/config';
import type { Lang } from '../../widget/i18n';
import { mountInShadow } from '../../widget/mount';
import type { WidgetData } from '../../widget/types';
import { widgetData } from './fixtures';

/** Mounts one widget into a fresh host's shadow root, as the embed does; queries run inside the shadow root. */
export function renderWidget(
  data: Record<string, string> = {},
  doc: WidgetData = widgetData(),
  lang: Lang = 'en',
) {
  const host = document.createElement('div');
  document.body.append(host);
  const options = readOptions({ plauditWidget: 'biz_a', ...data }).options as WidgetOptions;
  const widget = Widget(options, doc, lang);
  const unmount = mountInShadow(host, widget.node);
  return {
    host,
    root: host.shadowRoot!,
    ui: within(host.shadowRoot! as unknown as HTMLElement),
    widget,
    unmount,
  };
}
