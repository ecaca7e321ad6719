// Child process for crash.test.ts: commits review requests, sends a few, then hangs inside a send
// (leased, not transmitted) until the parent kills it with SIGKILL.
import { defaultConfig } from '../../../server/config';
import { smtpTransport } from '../../../server/delivery/email';
import { enqueueRequestMessage } from '../../../server/delivery/request-messages';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { systemClock } from '../../../server/domain/clock';
import { newId, newPublicCode } from '../../../server/domain/ids';
import { silentLogger } from '../../../server/logger';
import { upsertCustomer } from '../../../server/store/customers';
import { openDb } from '../../../server/store/db';

const [dbPath, smtpUrl, countText, sendBeforeHang] = process.argv.slice(2);
const db = openDb(dbPath);
const clock = systemClock;
const now = clock().toISOString();
const config = defaultConfig({ publicUrl: 'http://plaudit.test', smtpUrl });

const orgId = newId('org');
const businessId = newId('biz');
db.transaction(() => {
  db.prepare('INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    orgId,
    'Crash',
    now,
    now,
  );
  // 00:00–00:00 is open all day: the test must not depend on the hour it runs at.
  db.prepare(
    `INSERT INTO businesses (id, organization_id, name, slug, send_window_start, send_window_end, created_at, updated_at)
     VALUES (?, ?, 'Crash Café', ?, '00:00', '00:00', ?, ?)`,
  ).run(businessId, orgId, `crash-${businessId.slice(-6).toLowerCase()}`, now, now);
})();

for (let i = 0; i < Number(countText); i++) {
  db.transaction(() => {
    const { customer } = upsertCustomer(db, clock, orgId, {
      name: `Customer ${i}`,
      email: `c${i}@example.com`,
    });
    const id = newId('rr');
    db.prepare(
      `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'email', ?, ?, ?)`,
    ).run(id, orgId, businessId, customer.id, newPublicCode(), now, now);
    enqueueRequestMessage(db, clock, { id }, { publicUrl: config.publicUrl });
  })();
}
process.stdout.write('committed\n');

const smtp = smtpTransport({ url: smtpUrl, from: 'reviews@plaudit.test' });
let sent = 0;
const worker = createDeliveryWorker({
  db,
  config,
  logger: silentLogger,
  clock,
  concurrency: 1,
  transports: {
    forChannel: () => ({
      name: 'smtp',
      async send(message) {
        if (sent >= Number(sendBeforeHang)) {
          process.stdout.write('hung\n');
          return new Promise(() => {});
        }
        sent += 1;
        return smtp.send(message);
      },
    }),
    close() {},
  },
});
worker.start();
