import { call } from '../api';

/** The platforms Plaudit connects to (DESIGN §11). */
export type Platform = 'google' | 'facebook' | 'trustpilot' | 'yelp' | 'tripadvisor';

/** A platform location (a Google location, a Facebook page, a Yelp business…) and the business it feeds. */
export type ConnectionLocation = {
  id: string | null;
  externalId: string;
  name: string;
  address: string | null;
  placeId: string | null;
  url: string | null;
  businessId: string | null;
  lastSeenUpdateTime: string | null;
  lastFullReadAt: string | null;
};

/** One sync run with its counts. */
export type SyncRun = {
  id: string;
  locationId: string | null;
  startedAt: string;
  finishedAt: string | null;
  fetched: number;
  created: number;
  updated: number;
  hidden: number;
  error: string | null;
};

/** A connection as `GET /connections` lists it: never its tokens. */
export type Connection = {
  id: string;
  platform: Platform;
  status: 'active' | 'broken' | 'disconnected';
  label: string;
  lastError: string | null;
  tokenExpiresAt: string | null;
  syncIntervalMinutes: number;
  limitation: string | null;
  canReply: boolean;
  placeSettings?: PlaceSettings;
  locations: ConnectionLocation[];
  lastRuns: SyncRun[];
  createdAt: string;
  updatedAt: string;
};

/** An API-key connection: the key, and the places to watch (a key sees the whole platform). */
export type ApiKeyInput = {
  apiKey: string;
  places?: string[];
  searchQuery?: string | null;
  searchLocation?: string | null;
  language?: string | null;
};

/** A change to the places a connection watches: a field left out keeps its value, null clears it. */
export type PlacesInput = Omit<ApiKeyInput, 'apiKey'>;

/** The places the owner named (Yelp, Tripadvisor, Trustpilot); null where the grant lists them. */
export type PlaceSettings = {
  places: string[];
  searchQuery: string | null;
  searchLocation: string | null;
  language: string | null;
} | null;

/** How a location is mapped: to a business, to a new business made from it, or to none (stops syncing). */
export type MapInput = { externalId: string; businessId?: string | null; createBusiness?: boolean };

const id = (value: string) => encodeURIComponent(value);

/** The calls behind the connections screen, as any API client makes them. */
export const connectionsApi = {
  list: () => call<{ data: Connection[] }>('GET', '/connections'),
  authorize: (platform: Platform) => call<{ url: string }>('POST', `/connections/${id(platform)}/authorize`),
  connectKey: (platform: Platform, body: ApiKeyInput) =>
    call<Connection>('POST', `/connections/${id(platform)}`, body),
  locations: (connectionId: string) =>
    call<{ data: ConnectionLocation[] }>('GET', `/connections/${id(connectionId)}/locations`),
  mapLocation: (connectionId: string, body: MapInput) =>
    call<{ data: ConnectionLocation[] }>('PUT', `/connections/${id(connectionId)}/locations`, body),
  updatePlaces: (connectionId: string, body: PlacesInput) =>
    call<Connection>('PATCH', `/connections/${id(connectionId)}`, body),
  /** OAuth platforms answer a consent URL bound to the connection; API-key platforms take the new key. */
  reconnect: (connectionId: string, apiKey?: string) =>
    call<{ url?: string; connection?: Connection }>(
      'POST',
      `/connections/${id(connectionId)}/reconnect`,
      apiKey ? { apiKey } : undefined,
    ),
  sync: (connectionId: string) => call<Connection>('POST', `/connections/${id(connectionId)}/sync`),
  disconnect: (connectionId: string) => call<Connection>('DELETE', `/connections/${id(connectionId)}`),
};
