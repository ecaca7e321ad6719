import { LANGS, type Lang } from './i18n';
import { SOURCES } from './types';

export const LAYOUTS = ['list', 'grid', 'carousel', 'badge', 'floating'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export type WidgetOptions = {
  businessId: string;
  layout: Layout;
  theme: Theme;
  accent: string | null;
  limit: number;
  minRating: number;
  /** null: every source. */
  sources: string[] | null;
  /** null: follow the host page, then the business's locale. */
  lang: Lang | null;
  showReplies: boolean;
  showSummary: boolean;
  jsonld: boolean;
  /** Seconds between carousel slides; 0 = no autoplay (the default). */
  autoplay: number;
};

export type Dataset = Record<string, string | undefined>;

export const DEFAULTS: Omit<WidgetOptions, 'businessId'> = {
  layout: 'list',
  theme: 'auto',
  accent: null,
  limit: 20,
  minRating: 1,
  sources: null,
  lang: null,
  showReplies: true,
  showSummary: true,
  jsonld: false,
  autoplay: 0,
};

// Only values that cannot smuggle anything into a CSS declaration: hex, a colour keyword, rgb()/hsl().
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/]+\))$/i;
const BUSINESS_ID = /^[\w-]{1,64}$/;

/**
 * Reads a host's `data-` attributes into typed options. Pure: a bad value falls back to its default and is
 * listed in `invalid`, so the caller can warn once per host. Returns null options when the id is unusable.
 */
export function readOptions(data: Dataset): { options: WidgetOptions | null; invalid: string[] } {
  const invalid: string[] = [];
  const businessId = (data.plauditWidget ?? '').trim();
  if (!BUSINESS_ID.test(businessId)) return { options: null, invalid: ['plaudit-widget'] };

  const pick = <T>(
    key: string,
    raw: string | undefined,
    parse: (v: string) => T | undefined,
    fallback: T,
  ): T => {
    if (raw === undefined) return fallback;
    const value = parse(raw.trim().toLowerCase());
    if (value === undefined) invalid.push(key);
    return value ?? fallback;
  };
  const oneOf =
    <T extends string>(list: readonly T[]) =>
    (v: string) =>
      list.includes(v as T) ? (v as T) : undefined;
  const int = (min: number, max: number) => (v: string) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  const bool = (v: string) => (v === 'true' || v === '' ? true : v === 'false' ? false : undefined);

  const layoutRaw = data.layout === 'floating-badge' ? 'floating' : data.layout;
  return {
    options: {
      businessId,
      layout: pick('layout', layoutRaw, oneOf(LAYOUTS), DEFAULTS.layout),
      theme: pick('theme', data.theme, oneOf(THEMES), DEFAULTS.theme),
      accent: pick('accent', data.accent, (v) => (COLOR.test(v) ? v : undefined), DEFAULTS.accent),
      limit: pick('limit', data.limit, int(1, 100), DEFAULTS.limit),
      minRating: pick('min-rating', data.minRating, int(1, 5), DEFAULTS.minRating),
      sources: pick('sources', data.sources, parseSources, DEFAULTS.sources),
      lang: pick('lang', data.lang, (v) => oneOf(LANGS)(v.slice(0, 2)), DEFAULTS.lang),
      showReplies: pick('show-replies', data.showReplies, bool, DEFAULTS.showReplies),
      showSummary: pick('show-summary', data.showSummary, bool, DEFAULTS.showSummary),
      jsonld: pick('jsonld', data.jsonld, bool, DEFAULTS.jsonld),
      autoplay: pick('autoplay', data.autoplay, int(0, 60), DEFAULTS.autoplay),
    },
    invalid,
  };
}

function parseSources(value: string): string[] | undefined {
  const list = value.split(',').map((s) => s.trim());
  return list.every((s) => (SOURCES as readonly string[]).includes(s)) ? list : undefined;
}
