import type { ConnectorFactory, ConnectorPlatform } from './connector';

/** Every platform Plaudit can connect to, by name. Each platform file adds its one line. */
export const CONNECTORS: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {};
