// Child process for sync-crash.test.ts: runs the outbox worker (the connector sync) on a database file
// until the parent kills it with SIGKILL in the middle of a sync.
import { defaultConfig } from '../../../server/config';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { systemClock } from '../../../server/domain/clock';
import { silentLogger } from '../../../server/logger';
import { openDb } from '../../../server/store/db';

const [dbPath, googleUrl, keyHex] = process.argv.slice(2);
const base = defaultConfig({ publicUrl: 'http://plaudit.test' });
const config = {
  ...base,
  secretKey: Buffer.from(keyHex, 'hex'),
  connectors: {
    ...base.connectors,
    google: { clientId: 'google-client-id', clientSecret: 'google-client-secret', baseUrl: googleUrl },
  },
};
const worker = createDeliveryWorker({
  db: openDb(dbPath),
  config,
  logger: silentLogger,
  clock: systemClock,
  pollMs: 50,
  transports: { forChannel: () => ({ name: 'log', send: async () => ({ providerId: null }) }), close() {} },
});
worker.start();
process.stdout.write('started\n');
