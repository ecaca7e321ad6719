import { DEFAULTS, type WidgetOptions } from '../../../widget/config';

// Attribute names without `data-`, in the order the snippet lists them.
const FIELDS = [
  'layout',
  'theme',
  'accent',
  'limit',
  'min-rating',
  'sources',
  'lang',
  'show-replies',
  'show-summary',
  'jsonld',
  'autoplay',
] as const;
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The embed snippet for the options: only the attributes that differ from the widget's defaults. */
export function snippetFor(
  publicUrl: string,
  options: WidgetOptions,
): { attributes: Record<string, string>; text: string } {
  const attributes: Record<string, string> = { 'data-plaudit-widget': options.businessId };
  for (const field of FIELDS) {
    const key = camel(field) as keyof typeof DEFAULTS;
    const value = options[key];
    if (value === null || JSON.stringify(value) === JSON.stringify(DEFAULTS[key])) continue;
    attributes[`data-${field}`] = Array.isArray(value) ? value.join(',') : String(value);
  }
  // Values are the validated options (ids, enums, numbers, a checked colour): nothing to escape but quotes.
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value.replaceAll('"', '&quot;')}"`)
    .join(' ');
  return { attributes, text: `<div ${attrs}></div>\n<script src="${publicUrl}/widget.js" async></script>` };
}
