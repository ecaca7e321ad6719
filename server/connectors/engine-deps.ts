import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import type { Connector, ConnectorPlatform } from './connector';
import { CONNECTORS } from './registry';

/** What the connector engine (sync, replies, the API's connection routes) needs. */
export type EngineDeps = { db: Db; clock: Clock; config: Config; logger: Logger };

/** The platform's connector built from configuration; undefined for a platform with no connector yet. */
export function connectorFor(config: Config, platform: ConnectorPlatform): Connector | undefined {
  return CONNECTORS[platform]?.(config.connectors[platform]);
}
