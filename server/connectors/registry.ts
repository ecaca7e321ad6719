import type { ConnectorFactory, ConnectorPlatform } from './connector';
import { tripadvisorConnector } from './tripadvisor';
import { yelpConnector } from './yelp';

/** Every platform Plaudit can connect to, by name. Each platform file adds its one line. */
export const CONNECTORS: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {
  yelp: yelpConnector,
  tripadvisor: tripadvisorConnector,
};
