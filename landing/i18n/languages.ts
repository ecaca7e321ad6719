import { ar } from './ar';
import { de } from './de';
import { en, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

export const DICTIONARIES: Record<string, Strings> = { en, es, fr, de, pt, ar };
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export type Language = { lang: string; dir: 'ltr' | 'rtl'; strings: Strings };

const supported = (tag: string | undefined | null): string | undefined => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary in DICTIONARIES ? primary : undefined;
};

/** `Accept-Language` tags ordered by their q weight (ties keep header order). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** `?lang=` first, then the browser's `Accept-Language`, then the business locale, then English. */
export function pickLanguage(choice: {
  query?: string;
  acceptLanguage?: string;
  businessLocale?: string;
}): Language {
  const lang =
    supported(choice.query) ??
    acceptedLanguages(choice.acceptLanguage).map(supported).find(Boolean) ??
    supported(choice.businessLocale) ??
    'en';
  return { lang, dir: RTL.has(lang) ? 'rtl' : 'ltr', strings: DICTIONARIES[lang] };
}

/** The language a visit already settled on, unless `?lang=` overrides it. */
export function languageOf(lang: string, query?: string): Language {
  return pickLanguage({ query, businessLocale: lang });
}
