import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import { silentLogger } from '../../../server/logger';
import { startSmtpPeer } from '../delivery/smtp-peer';
import { accountsSetup, PASSWORD } from './accounts-fixtures';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});

const NEW_PASSWORD = 'a brand new passphrase';

async function withSmtp() {
  const smtp = await startSmtpPeer();
  peers.push(smtp);
  const config = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, smtpUrl: smtp.url });
  const t = accountsSetup({ config });
  const deliver = async () => {
    const worker = createDeliveryWorker({ db: t.db, config, logger: silentLogger, clock: t.clock });
    await worker.runOnce();
    await worker.stop();
  };
  return { ...t, smtp, deliver };
}

describe('forgot password and reset', () => {
  it('emails a single-use link through the outbox and SMTP; the reset signs in and ends the other sessions', async () => {
    const t = await withSmtp();
    await t.addUser('ana@example.com');
    t.db.prepare(`UPDATE users SET name = '<b>Ana</b>'`).run();
    const before = await t.login('ana@example.com');

    const known = await t.publicCall('POST', '/api/v1/auth/forgot', { email: 'ANA@example.com' });
    const unknown = await t.publicCall('POST', '/api/v1/auth/forgot', { email: 'nobody@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    await t.deliver();

    expect(t.smtp.received).toHaveLength(1);
    const mail = t.smtp.received[0];
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe('ana@example.com');
    expect(mail.subject).toBe('Reset your Plaudit password');
    const link = mail.text?.match(/http:\/\/plaudit\.test\/dashboard\/reset\?token=([A-Za-z0-9_-]+)/);
    expect(link).toBeTruthy();
    expect(mail.html).toContain(`href="${link![0]}"`);
    expect(mail.html).toContain('&lt;b>Ana&lt;/b>');
    expect(mail.html).not.toContain('<b>Ana</b>');
    // The sent body (which held a live link) is not kept; the token itself is stored only hashed.
    expect(JSON.stringify(t.db.prepare('SELECT * FROM account_emails').all())).not.toContain(link![1]);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM auth_tokens').all())).not.toContain(link![1]);

    const reset = await t.publicCall('POST', '/api/v1/auth/reset', {
      token: link![1],
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    expect(reset.json.user.email).toBe('ana@example.com');
    expect(reset.headers.get('set-cookie')).toMatch(/plaudit_session=[A-Za-z0-9_-]{43}/);
    expect((await t.asUser(before.cookie, 'GET', '/api/v1/me')).status).toBe(401);

    const again = await t.publicCall('POST', '/api/v1/auth/reset', {
      token: link![1],
      password: 'yet another one!',
    });
    expect(again.status).toBe(404);
    expect((await t.login('ana@example.com', PASSWORD)).status).toBe(401);
    expect((await t.login('ana@example.com', NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a link older than an hour and a password too short', async () => {
    const t = await withSmtp();
    await t.addUser('ana@example.com');
    await t.publicCall('POST', '/api/v1/auth/forgot', { email: 'ana@example.com' });
    await t.deliver();
    const token = t.smtp.received[0].text!.match(/token=([A-Za-z0-9_-]+)/)![1];
    const short = await t.publicCall('POST', '/api/v1/auth/reset', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.details.password).toBeDefined();
    t.clock.advance(61 * 60_000);
    const expired = await t.publicCall('POST', '/api/v1/auth/reset', { token, password: NEW_PASSWORD });
    expect(expired.status).toBe(404);
    expect((await t.login('ana@example.com', PASSWORD)).status).toBe(200);
  });

  it('sends at most three reset emails per account per hour, answering the same each time', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await t.publicCall('POST', '/api/v1/auth/forgot', { email: 'ana@example.com' });
      answers.add(`${res.status} ${res.text}`);
    }
    expect([...answers]).toEqual(['202 {"ok":true}']);
    const queued = () => (t.db.prepare('SELECT count(*) AS n FROM account_emails').get() as { n: number }).n;
    expect(queued()).toBe(3);
    t.clock.advance(61 * 60_000);
    await t.publicCall('POST', '/api/v1/auth/forgot', { email: 'ana@example.com' });
    expect(queued()).toBe(4);
  });
});
