import type { ConnectorFactory, ConnectorPlatform } from './connector';
import { createFacebookConnector } from './facebook';
import { googleConnector } from './google';
import { tripadvisorConnector } from './tripadvisor';
import { createTrustpilotConnector } from './trustpilot';
import { yelpConnector } from './yelp';

/** Every platform Plaudit can connect to, by name. Each platform file adds its one line. */
export const CONNECTORS: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {
  google: googleConnector,
  facebook: createFacebookConnector,
  trustpilot: createTrustpilotConnector,
  yelp: yelpConnector,
  tripadvisor: tripadvisorConnector,
};
