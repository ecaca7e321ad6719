import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { defaultConfig } from '../server/config';
import { enqueueRequestMessage } from '../server/delivery/request-messages';
import { enqueueWebhookEvent } from '../server/delivery/webhook-events';
import { newWebhookSecret } from '../server/delivery/webhook-signing';
import { createDeliveryWorker } from '../server/delivery/worker';
import { systemClock } from '../server/domain/clock';
import { newId, newPublicCode } from '../server/domain/ids';
import { silentLogger } from '../server/logger';
import { upsertCustomer } from '../server/store/customers';
import { openDb } from '../server/store/db';
import { insertEndpoint } from '../server/store/webhooks';

const COUNT = 10_000;
const mb = () => Math.round(process.memoryUsage().rss / 1_048_576);

async function listen(server: { listen(port: number, host: string, cb: () => void): unknown }) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}

/** Drains the outbox with the delivery worker; resolves with the seconds it took. */
async function drain(worker: ReturnType<typeof createDeliveryWorker>): Promise<number> {
  const started = performance.now();
  while ((await worker.runOnce()) > 0);
  return (performance.now() - started) / 1000;
}

/**
 * 10k queued emails to a loopback SMTP server and 10k webhook events to a loopback receiver, through the
 * real outbox on a WAL file: messages per second, RSS before/after, and how many arrived (nothing lost).
 */
export async function benchDelivery() {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        mails += 1;
        callback();
      });
    },
  });
  await listen(smtp);
  let hooks = 0;
  const receiver = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      hooks += 1;
      res.writeHead(204).end();
    });
  });
  await listen(receiver);
  const config = defaultConfig({
    publicUrl: 'http://plaudit.test',
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    webhooksAllowPrivate: true,
  });
  const clock = systemClock;
  const now = clock().toISOString();
  const orgId = newId('org');
  const businessId = newId('biz');
  db.prepare('INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    orgId,
    'Bench',
    now,
    now,
  );
  db.prepare(
    `INSERT INTO businesses (id, organization_id, name, slug, send_window_start, send_window_end, created_at, updated_at)
     VALUES (?, ?, 'Bench Café', ?, '00:00', '00:00', ?, ?)`,
  ).run(businessId, orgId, `bench-${Date.now()}`, now, now);

  const rssStart = mb();
  const enqueueStarted = performance.now();
  const insertRequest = db.prepare(
    `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'email', ?, ?, ?)`,
  );
  for (let batch = 0; batch < COUNT; batch += 500) {
    db.transaction(() => {
      for (let i = batch; i < batch + 500; i++) {
        const { customer } = upsertCustomer(db, clock, orgId, {
          name: `Customer ${i}`,
          email: `c${i}@example.com`,
        });
        const id = newId('rr');
        insertRequest.run(id, orgId, businessId, customer.id, newPublicCode(), now, now);
        enqueueRequestMessage(db, clock, { id }, { publicUrl: config.publicUrl });
      }
    })();
  }
  const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
  const worker = createDeliveryWorker({ db, config, logger: silentLogger, clock, concurrency: 100 });
  const emailSeconds = await drain(worker);
  const rssAfterEmail = mb();

  insertEndpoint(
    db,
    clock,
    orgId,
    {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
      events: ['*'],
      description: null,
      enabled: true,
    },
    newWebhookSecret(),
  );
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++)
      enqueueWebhookEvent(db, clock, orgId, 'review.created', { reviewId: `rev_${i}`, rating: 5 });
  })();
  const webhookSeconds = await drain(worker);
  await worker.stop();
  const rssEnd = mb();

  const result = {
    emails: {
      queued: COUNT,
      received: mails,
      enqueuePerSecond: Math.round(COUNT / enqueueSeconds),
      perSecond: Math.round(COUNT / emailSeconds),
    },
    webhooks: { queued: COUNT, received: hooks, perSecond: Math.round(COUNT / webhookSeconds) },
    rssMb: { before: rssStart, afterEmails: rssAfterEmail, after: rssEnd },
  };
  console.log(
    `emails: ${mails}/${COUNT} received, ${result.emails.perSecond} msg/s (enqueue ${result.emails.enqueuePerSecond}/s)\n` +
      `webhooks: ${hooks}/${COUNT} received, ${result.webhooks.perSecond} msg/s\n` +
      `RSS: ${rssStart} MB before, ${rssAfterEmail} MB after emails, ${rssEnd} MB after webhooks`,
  );
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}
