export const LANGS = ['en', 'es', 'fr', 'de', 'pt', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

// One '|'-separated line per language keeps the bundle small; the order is KEYS.
const KEYS = [
  'readMore',
  'showLess',
  'leaveReview',
  'basedOn',
  'review',
  'reviews',
  'rated',
  'reply',
  'previous',
  'next',
  'close',
] as const;
export type StringKey = (typeof KEYS)[number];

const TABLE: Record<Lang, string> = {
  en: 'Read more|Show less|Leave a review|Based on all {n} visible reviews|{n} review|{n} reviews|Rated {r} out of 5|Response from the owner|Previous review|Next review|Close',
  es: 'Leer más|Mostrar menos|Escribir una reseña|Basado en las {n} reseñas visibles|{n} reseña|{n} reseñas|Valoración: {r} de 5|Respuesta del propietario|Reseña anterior|Reseña siguiente|Cerrar',
  fr: 'Lire la suite|Réduire|Laisser un avis|Sur la base des {n} avis visibles|{n} avis|{n} avis|Noté {r} sur 5|Réponse du propriétaire|Avis précédent|Avis suivant|Fermer',
  de: 'Weiterlesen|Weniger anzeigen|Bewertung schreiben|Basierend auf allen {n} sichtbaren Bewertungen|{n} Bewertung|{n} Bewertungen|Bewertet mit {r} von 5|Antwort des Inhabers|Vorherige Bewertung|Nächste Bewertung|Schließen',
  pt: 'Ler mais|Mostrar menos|Deixar uma avaliação|Com base em todas as {n} avaliações visíveis|{n} avaliação|{n} avaliações|Avaliado com {r} de 5|Resposta do proprietário|Avaliação anterior|Próxima avaliação|Fechar',
  ar: 'اقرأ المزيد|عرض أقل|اكتب مراجعة|استنادًا إلى جميع المراجعات المرئية ({n})|{n} مراجعة|{n} مراجعات|التقييم {r} من 5|رد المالك|المراجعة السابقة|المراجعة التالية|إغلاق',
};

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** A translator for one language: `t('rated', { r: 4 })` → "Rated 4 out of 5". */
export function translator(lang: Lang): Translate {
  const strings = TABLE[lang].split('|');
  return (key, vars) =>
    strings[KEYS.indexOf(key)].replace(/\{(\w)\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}

export const isRtl = (lang: Lang): boolean => lang === 'ar';

/** The first supported language among the candidates (`fr-CA` → `fr`), else English. */
export function resolveLang(...candidates: Array<string | null | undefined>): Lang {
  for (const candidate of candidates) {
    const base = candidate?.slice(0, 2).toLowerCase();
    if (base && (LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

/** "{n} review" / "{n} reviews" with the language's number format. */
export function countLabel(t: Translate, lang: Lang, n: number): string {
  return t(n === 1 ? 'review' : 'reviews', { n: n.toLocaleString(lang) });
}
