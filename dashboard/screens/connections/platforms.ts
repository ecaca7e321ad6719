import type { Platform } from '../../api/connections';

/** What the screen needs to know of a platform: its name, how it connects, what its API leaves out. */
export type PlatformInfo = {
  id: Platform;
  name: string;
  auth: 'oauth' | 'key';
  /** What the platform's API does not give (shown before connecting; the server says it again after). */
  limit?: string;
  /** Where the owner finds the API key. */
  keyHelp?: string;
  /** What the owner types to name their places. */
  placesHelp?: string;
  /** The label of the places field (Trustpilot names domains). */
  placesLabel?: string;
  /** Which optional search fields its places form has. */
  search?: 'name' | 'language';
};

export const PLATFORMS: PlatformInfo[] = [
  { id: 'google', name: 'Google', auth: 'oauth' },
  { id: 'facebook', name: 'Facebook', auth: 'oauth' },
  {
    id: 'trustpilot',
    name: 'Trustpilot',
    auth: 'oauth',
    placesLabel: 'Your Trustpilot domains',
    placesHelp:
      'The domain your Trustpilot page is for, e.g. example.com (several: separate them with commas).',
  },
  {
    id: 'yelp',
    name: 'Yelp',
    auth: 'key',
    limit:
      'Yelp’s API shows only the 3 newest reviews of each business, shortened; replies stay in Plaudit and are written on Yelp for Business.',
    keyHelp: 'Your Yelp Places (Fusion) API key, from the Yelp developer site.',
    placesHelp: 'Yelp business ids or page links (yelp.com/biz/…), separated by commas or spaces.',
    search: 'name',
  },
  {
    id: 'tripadvisor',
    name: 'Tripadvisor',
    auth: 'key',
    limit:
      'Tripadvisor’s Content API shows only the 5 newest reviews of each location, in one language; replies stay in Plaudit and are written in the Tripadvisor Management Center.',
    keyHelp: 'Your Tripadvisor Content API key.',
    placesHelp: 'Tripadvisor location ids or page links, separated by commas or spaces.',
    search: 'language',
  },
];

/** The platform's entry (every platform the server names is listed above). */
export const platformInfo = (platform: Platform): PlatformInfo =>
  PLATFORMS.find((p) => p.id === platform) ?? { id: platform, name: platform, auth: 'oauth' };
