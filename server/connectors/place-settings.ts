import type { ConnectorPlatform, TokenSet } from './connector';
import { LOCATION_HINTS } from './location-hints';

/**
 * Which places a connection watches, where the platform cannot list them for the grant: an API key sees every
 * place on Yelp and Tripadvisor, and Trustpilot lists no business units for a user. The owner names them; they
 * travel sealed with the tokens, in the `extra` keys the connectors read.
 */
export type PlaceSettings = {
  /** Yelp business ids, aliases or page links; Tripadvisor location ids or links; Trustpilot domains. */
  places: string[];
  searchQuery: string | null;
  searchLocation: string | null;
  language: string | null;
};

/** The platforms whose places the owner names (Google and Facebook list what the grant can see). */
export const NAMED_PLACE_PLATFORMS: readonly ConnectorPlatform[] = ['yelp', 'tripadvisor', 'trustpilot'];

const placesKey = (platform: ConnectorPlatform) =>
  platform === 'trustpilot' ? 'domains' : LOCATION_HINTS.ids;

/** The settings as stored in a token set. */
export function placeSettingsOf(platform: ConnectorPlatform, tokens: TokenSet): PlaceSettings {
  const extra = tokens.extra ?? {};
  return {
    places: (extra[placesKey(platform)] ?? '').split(/[\s,]+/).filter(Boolean),
    searchQuery: extra[LOCATION_HINTS.query] || null,
    searchLocation: extra[LOCATION_HINTS.near] || null,
    language: extra[LOCATION_HINTS.language] || null,
  };
}

/** The token set with `changes` applied (an absent field keeps its value, null clears it). */
export function withPlaceSettings(
  platform: ConnectorPlatform,
  tokens: TokenSet,
  changes: Partial<PlaceSettings>,
): TokenSet {
  const extra = { ...tokens.extra };
  const set = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    if (value === null || value === '') delete extra[key];
    else extra[key] = value;
  };
  set(placesKey(platform), changes.places === undefined ? undefined : changes.places.join(','));
  set(LOCATION_HINTS.query, changes.searchQuery);
  set(LOCATION_HINTS.near, changes.searchLocation);
  set(LOCATION_HINTS.language, changes.language);
  return { ...tokens, extra };
}
