import type { WidgetData } from './types';

/** schema.org AggregateRating for the business, from the summary over all its visible reviews. */
export function buildJsonLd(data: WidgetData): Record<string, unknown> | null {
  const { averageRating, totalReviews } = data.summary;
  if (averageRating === null || totalReviews < 1) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name: data.business.name,
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: averageRating,
      reviewCount: totalReviews,
      bestRating: 5,
      worstRating: 1,
    },
  };
}

/** Adds the JSON-LD block to the host's <head> once per business (only when the owner opted in with data-jsonld). */
export function addJsonLd(data: WidgetData): void {
  const json = buildJsonLd(data);
  const key = data.business.id;
  if (!json || document.querySelector(`script[data-plaudit-jsonld="${CSS.escape(key)}"]`)) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute('data-plaudit-jsonld', key);
  // Set as text, and with `<` escaped so the block stays inert even if someone serializes the page.
  script.textContent = JSON.stringify(json).replace(/</g, '\\u003c');
  document.head.append(script);
}
