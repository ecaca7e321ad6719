import type { ConnectorFactory, ConnectorPlatform } from './connector';
import { createFacebookConnector } from './facebook';
import { googleConnector } from './google';
import { createTrustpilotConnector } from './trustpilot';

/** Every platform Plaudit can connect to, by name. Each platform file adds its one line. */
export const CONNECTORS: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {
  google: googleConnector,
  facebook: createFacebookConnector,
  trustpilot: createTrustpilotConnector,
};
