import { PLATFORMS } from './links';

/** Where reviews come from: the public platforms plus Plaudit's own first-party sources. */
export const SOURCES = [
  ...PLATFORMS.map((p) => ({ id: p.id, name: p.name, deepLinkSupported: p.deepLink, firstParty: false })),
  { id: 'direct', name: 'Direct (collected by Plaudit)', deepLinkSupported: false, firstParty: true },
  { id: 'testimonial', name: 'Testimonial', deepLinkSupported: false, firstParty: true },
  { id: 'custom', name: 'Custom', deepLinkSupported: true, firstParty: true },
] as const;

export type SourceId = (typeof SOURCES)[number]['id'];
export const SOURCE_IDS = SOURCES.map((s) => s.id) as [SourceId, ...SourceId[]];

/** Sources whose reviews Plaudit owns: fully editable and deletable; imported ones are not. */
export const FIRST_PARTY_SOURCES: readonly SourceId[] = SOURCES.filter((s) => s.firstParty).map((s) => s.id);

/** Whether a review of `source` is first-party: Plaudit owns its text, so it may be edited and deleted. */
export const isFirstPartySource = (source: string): boolean =>
  (FIRST_PARTY_SOURCES as readonly string[]).includes(source);
