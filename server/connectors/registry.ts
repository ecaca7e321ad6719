import type { ConnectorFactory, ConnectorPlatform } from './connector';
import { googleConnector } from './google';
import { tripadvisorConnector } from './tripadvisor';
import { yelpConnector } from './yelp';

/** Every platform Plaudit can connect to, by name. Each platform file adds its one line. */
export const CONNECTORS: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {
  google: googleConnector,
  yelp: yelpConnector,
  tripadvisor: tripadvisorConnector,
};
