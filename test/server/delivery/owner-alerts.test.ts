import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import type { Role } from '../../../server/domain/roles';
import { silentLogger } from '../../../server/logger';
import { upsertMembership } from '../../../server/store/memberships';
import { savePreferences } from '../../../server/store/notification-preferences';
import { createUser } from '../../../server/store/users';
import { landingSetup, PLATFORMS } from '../pages/landing-fixtures';
import { startSmtpPeer } from './smtp-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});

/** The landing/API test app, members of Acme, and a real SMTP peer the outbox worker delivers to. */
async function alertsSetup() {
  const smtp = await startSmtpPeer();
  peers.push(smtp);
  const t = landingSetup();
  const sendConfig = defaultConfig({ publicUrl: 'http://plaudit.test', smtpUrl: smtp.url });
  const member = (email: string, role: Role, organizationId = t.org.id) => {
    const user = createUser(t.db, t.clock, { email, name: email.split('@')[0], passwordHash: 'x' });
    upsertMembership(t.db, t.clock, user.id, organizationId, role);
    return user;
  };
  const deliver = async () => {
    const worker = createDeliveryWorker({
      db: t.db,
      config: sendConfig,
      logger: silentLogger,
      clock: t.clock,
    });
    await worker.runOnce();
    await worker.stop();
  };
  const biz = await t.createBusiness({ platforms: PLATFORMS });
  /** Mails received since the last call, with their recipient and raw headers. */
  let seen = 0;
  const newMail = () => {
    const mails = smtp.received.slice(seen).map((mail, i) => ({
      to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address,
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : '',
      raw: smtp.raw[seen + i],
    }));
    seen = smtp.received.length;
    return mails;
  };
  const feedbackFromLanding = async (comments: string) => {
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    await t.post(`/v/${token}/rate`, { rating: '2' });
    const res = await t.post(`/v/${token}/feedback`, {
      rating: '2',
      comments,
      email: 'jess@example.com',
      consent: 'yes',
    });
    expect(res.res.status).toBeLessThan(400);
  };
  const review = (rating: number, content = 'Cold coffee <b>and</b> a long wait') =>
    t.call('POST', '/api/v1/reviews', {
      body: { businessId: biz.id, source: 'google', rating, authorName: 'Sam', content },
    });
  return { ...t, smtp, member, deliver, biz, newMail, feedbackFromLanding, review };
}

const unsubscribeHeader = (raw: string) =>
  // A long header may be folded onto the next line (RFC 5322): whitespace, line breaks included, before the URL.
  raw.match(/^List-Unsubscribe:\s+<(http:\/\/plaudit\.test\/u\/a\/[A-Za-z0-9_.-]+)>\r?$/m)?.[1];

describe('owner alerts through the outbox and SMTP', () => {
  it('a new low-rated review emails each subscribed member once, with one-click unsubscribe; staff get none', async () => {
    const t = await alertsSetup();
    t.member('owner@example.com', 'owner');
    t.member('manager@example.com', 'manager');
    t.member('staff@example.com', 'staff');
    const res = await t.review(2);
    expect(res.status).toBe(201);
    await t.deliver();
    const mails = t.newMail();
    expect(mails.map((m) => m.to).sort()).toEqual(['manager@example.com', 'owner@example.com']);
    for (const mail of mails) {
      expect(mail.subject).toBe('New 2★ review for Joe’s Coffee');
      expect(unsubscribeHeader(mail.raw)).toBeTruthy();
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(mail.text).toContain('Cold coffee <b>and</b> a long wait');
      expect(mail.text).toContain(`http://plaudit.test/dashboard/reviews/${res.json.id}`);
      expect(mail.html).toContain('Cold coffee &lt;b>and&lt;/b> a long wait');
      expect(mail.html).not.toContain('<b>and</b>');
      expect(mail.html).toContain(`href="${unsubscribeHeader(mail.raw)}"`);
    }
  });

  it('a 5★ review, one above the chosen rating, or a sandbox key’s, emails nobody', async () => {
    const t = await alertsSetup();
    const owner = t.member('owner@example.com', 'owner');
    await t.review(5);
    await t.review(3);
    // A sk_test_ (sandbox) key transmits nothing, alerts included.
    const sandbox = t.keyWithScopes(['reviews:write'], 'test');
    const sandboxed = await t.call('POST', '/api/v1/reviews', {
      key: sandbox,
      body: { businessId: t.biz.id, source: 'google', rating: 1, authorName: 'Sam' },
    });
    expect(sandboxed.status).toBe(201);
    await t.deliver();
    expect(t.newMail()).toEqual([]);
    savePreferences(t.db, t.clock, owner.id, t.org.id, {
      feedback: true,
      lowRating: 3,
      digestHour: null,
      timeZone: 'UTC',
    });
    await t.review(3);
    await t.review(5);
    await t.deliver();
    expect(t.newMail().map((m) => m.subject)).toEqual(['New 3★ review for Joe’s Coffee']);
  });

  it('new private feedback from a landing page emails each subscribed member once; staff get none', async () => {
    const t = await alertsSetup();
    t.member('owner@example.com', 'owner');
    t.member('manager@example.com', 'manager');
    t.member('staff@example.com', 'staff');
    await t.feedbackFromLanding('The milk was <i>sour</i>');
    await t.deliver();
    const mails = t.newMail();
    expect(mails.map((m) => m.to).sort()).toEqual(['manager@example.com', 'owner@example.com']);
    const id = (t.db.prepare('SELECT id FROM feedback').get() as { id: string }).id;
    for (const mail of mails) {
      expect(mail.subject).toBe('New private feedback for Joe’s Coffee');
      expect(unsubscribeHeader(mail.raw)).toBeTruthy();
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(mail.text).toContain('The milk was <i>sour</i>');
      expect(mail.text).toContain('jess@example.com');
      expect(mail.text).toContain(`http://plaudit.test/dashboard/feedback/${id}`);
      expect(mail.html).not.toContain('<i>sour</i>');
    }
  });

  it('a 50-row import sends each member one summary; a backfill import sends nothing; a small one, one each', async () => {
    const t = await alertsSetup();
    t.member('owner@example.com', 'owner');
    const rows = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({
        source: 'google',
        externalId: `${prefix}-${i}`,
        rating: 1 + (i % 2),
        authorName: `Author ${i}`,
        content: 'Meh',
      }));
    const big = await t.call('POST', `/api/v1/reviews/import?businessId=${t.biz.id}`, {
      body: rows(50, 'big'),
    });
    expect(big.json.created).toBe(50);
    await t.deliver();
    const summary = t.newMail();
    expect(summary).toHaveLength(1);
    expect(summary[0].subject).toBe('50 new reviews at or below 2★');
    expect(summary[0].text).toContain('Joe’s Coffee: 50 reviews');
    expect(unsubscribeHeader(summary[0].raw)).toBeTruthy();

    const backfill = await t.call('POST', `/api/v1/reviews/import?businessId=${t.biz.id}&backfill=true`, {
      body: rows(5, 'old'),
    });
    expect(backfill.json.created).toBe(5);
    await t.deliver();
    expect(t.newMail()).toEqual([]);

    await t.call('POST', `/api/v1/reviews/import?businessId=${t.biz.id}`, { body: rows(3, 'few') });
    await t.deliver();
    expect(t.newMail()).toHaveLength(3);
  });

  it('one-click POST unsubscribes that kind: a new feedback then emails that member nothing', async () => {
    const t = await alertsSetup();
    t.member('owner@example.com', 'owner');
    t.member('manager@example.com', 'manager');
    await t.feedbackFromLanding('First');
    await t.deliver();
    const mail = t.newMail().find((m) => m.to === 'owner@example.com')!;
    const url = unsubscribeHeader(mail.raw)!;
    const path = new URL(url).pathname;

    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('<form method="post"');

    // A mail provider's RFC 8058 one-click: a form POST with List-Unsubscribe=One-Click, answered 200 itself.
    const post = await t.app.request(path, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('location')).toBeNull();

    await t.feedbackFromLanding('Second');
    await t.review(1);
    await t.deliver();
    const after = t.newMail();
    expect(after.filter((m) => m.to === 'owner@example.com').map((m) => m.subject)).toEqual([
      'New 1★ review for Joe’s Coffee',
    ]);
    expect(after.filter((m) => m.to === 'manager@example.com')).toHaveLength(2);
  });

  it('a token of organization A cannot touch organization B, nor another member', async () => {
    const t = await alertsSetup();
    const other = t.otherOrg();
    const owner = t.member('owner@example.com', 'owner');
    upsertMembership(t.db, t.clock, owner.id, other.id, 'owner');
    await t.feedbackFromLanding('Hello');
    await t.deliver();
    const url = unsubscribeHeader(t.newMail()[0].raw)!;
    const token = url.split('/u/a/')[1];
    const [payload, mac] = token.split('.');
    const named = Buffer.from(payload, 'base64url').toString();
    expect(named).toBe(`${owner.id}.${t.org.id}.feedback`);
    const forged = `${Buffer.from(named.replace(t.org.id, other.id)).toString('base64url')}.${mac}`;
    for (const method of ['GET', 'POST']) {
      expect((await t.app.request(`/u/a/${forged}`, { method })).status).toBe(404);
    }
    expect((await t.app.request('/u/a/garbage', { method: 'POST' })).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) AS n FROM notification_preferences').get()).toEqual({ n: 0 });

    // The real token switches off A only: B's feedback alerts stay on.
    expect((await t.app.request(`/u/a/${token}`, { method: 'POST' })).status).toBe(200);
    const rows = t.db
      .prepare('SELECT organization_id AS org, feedback FROM notification_preferences')
      .all() as Array<{ org: string; feedback: number }>;
    expect(rows).toEqual([{ org: t.org.id, feedback: 0 }]);
  });
});
