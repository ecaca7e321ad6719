import { isRtl, type Lang, type Translate, translator } from './i18n';

/** What every component needs: the language, its strings and dates, and where to register cleanups. */
export type Ctx = {
  t: Translate;
  lang: Lang;
  rtl: boolean;
  replies: boolean;
  date: (iso: string) => string;
  /** Run when the widget is unmounted (timers, document listeners). */
  cleanups: Array<() => void>;
};

export function makeCtx(lang: Lang, replies: boolean): Ctx {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return {
    t: translator(lang),
    lang,
    rtl: isRtl(lang),
    replies,
    cleanups: [],
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? '' : format.format(d);
    },
  };
}

/** One decimal, in the widget's language: 4.8 / 4,8. */
export const formatRating = (lang: Lang, value: number): string =>
  value.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Only web links become hrefs or image sources: a `javascript:` URL from the data must never be usable. */
export const safeUrl = (url: string | null | undefined): string | null =>
  url && /^https?:\/\//i.test(url) ? url : null;
