import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { bootstrap, firstAccountLines, firstAccountSetup } from './bootstrap';
import { type Config, databasePath } from './config';
import { keyFileSecret } from './connectors/vault';
import { startDeliveryWorker } from './delivery/worker';
import { startDigests } from './digest-job';
import { systemClock } from './domain/clock';
import { createLogger, type Logger } from './logger';
import { type Db, openDb } from './store/db';
import { startVisitRetention } from './visit-retention-job';

export type RunningServer = { url: string; db: Db; close(): Promise<void> };

/**
 * Opens the store, runs first-run setup, serves HTTP and starts the outbox worker. `close()` stops accepting
 * connections, lets in-flight requests and the delivery round in progress finish, then closes the database.
 */
export async function startServer(
  configured: Config,
  logger: Logger = createLogger(configured.logLevel),
): Promise<RunningServer> {
  // Platform tokens are sealed with PLAUDIT_SECRET_KEY, or with a key this data directory keeps for itself.
  const config = configured.secretKey
    ? configured
    : { ...configured, secretKey: keyFileSecret(configured.dataDir) };
  const db = openDb(databasePath(config));
  const setup = bootstrap(db, systemClock, config);
  if (setup.generatedAdminKey) {
    // Printed once, to stdout rather than the log, so it is never stored by a log collector by accident.
    process.stdout.write(
      `\n  Admin API key (shown once, store it now):\n\n    ${setup.generatedAdminKey}\n\n`,
    );
  }
  if (setup.bootstrapKeyRevoked) {
    logger.warn(
      'PLAUDIT_BOOTSTRAP_KEY names a revoked API key: it stays revoked and creates no admin key; remove it ' +
        'from the environment, and make a new admin key with `plaudit keys create --admin` if you need one',
    );
  }
  for (const line of firstAccountLines(firstAccountSetup(db, systemClock, config))) {
    process.stdout.write(`  ${line}\n`);
  }
  if (setup.demo)
    logger.info(
      { business: setup.demo.businessId },
      `demo business created: ${config.publicUrl}/b/${setup.demo.slug}`,
    );

  const app = createApp({ db, config, logger, clock: systemClock });
  const delivery = startDeliveryWorker({ db, config, logger, clock: systemClock });
  const retention = startVisitRetention({ db, config, logger, clock: systemClock });
  const digests = startDigests({ db, config, logger, clock: systemClock });
  let server: HttpServer;
  try {
    server = await new Promise<HttpServer>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
        resolve(s as HttpServer),
      );
      (s as HttpServer).once('error', reject);
    });
  } catch (error) {
    retention.stop();
    digests.stop();
    await delivery.stop();
    db.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, publicUrl: config.publicUrl }, 'Plaudit is listening');

  let closing: Promise<void> | undefined;
  // Once closing, a keep-alive connection is dropped as soon as its last response is out, so shutdown
  // does not wait for the client's idle timeout.
  server.on('request', (_req, res) =>
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    }),
  );
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        retention.stop();
        digests.stop();
        delivery
          .stop()
          .catch((error) => logger.error({ err: error }, 'delivery worker did not stop cleanly'))
          .finally(() => {
            db.close();
            resolve();
          });
      });
      // Idle keep-alive sockets would hold close() open; in-flight requests still complete.
      server.closeIdleConnections();
    }));
  return { url, db, close };
}
