// The connector engine over a fresh in-memory database, for any platform's end-to-end tests: an app (API
// through app.request) and an outbox worker on the same test clock, with the platforms' settings pointing
// at loopback stand-ins. Account emails (owner alerts) are captured instead of sent.
import { randomBytes } from 'node:crypto';
import { type Config, defaultConfig } from '../../../server/config';
import type { ConnectorPlatform, ConnectorSettings } from '../../../server/connectors/connector';
import type { Outgoing } from '../../../server/delivery/transport';
import { createDeliveryWorker } from '../../../server/delivery/worker';
import type { Role } from '../../../server/domain/roles';
import { silentLogger } from '../../../server/logger';
import type { Db } from '../../../server/store/db';
import { upsertMembership } from '../../../server/store/memberships';
import { createUser } from '../../../server/store/users';
import { setup, type TestClock, testClock } from '../helpers';

export type ConnectorEnvOptions = {
  /** Per platform: its settings (baseUrl = the stand-in's URL). Missing client id/secret get test values. */
  platforms: Partial<Record<ConnectorPlatform, Partial<ConnectorSettings>>>;
  config?: Partial<Config>;
  clock?: TestClock;
  /** A database (a file, for tests that read it raw); a fresh in-memory one by default. */
  db?: Db;
};

/** `setup()` plus a delivery worker and connector settings; `drain()` runs every due job. */
export function connectorEnv(options: ConnectorEnvOptions) {
  const base = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000 });
  const connectors = { ...base.connectors };
  for (const [platform, settings] of Object.entries(options.platforms) as Array<
    [ConnectorPlatform, Partial<ConnectorSettings>]
  >) {
    connectors[platform] = {
      clientId: `${platform}-client-id`,
      clientSecret: `${platform}-client-secret`,
      baseUrl: null,
      ...settings,
    };
  }
  const config: Config = { ...base, secretKey: randomBytes(32), connectors, ...options.config };
  // Starts at the real time: token expiries come from the platform as "expires in N s" from now.
  const t = setup({ config, db: options.db, clock: options.clock ?? testClock(new Date().toISOString()) });
  const emails: Outgoing[] = [];
  const worker = createDeliveryWorker({
    db: t.db,
    config,
    logger: silentLogger,
    clock: t.clock,
    // Webhook endpoints resolve to a private address the sender refuses: events are counted, never sent out.
    resolver: async () => [{ address: '10.0.0.1', family: 4 }],
    transports: {
      forChannel: () => ({
        name: 'log',
        async send(message) {
          emails.push(message);
          return { providerId: null };
        },
      }),
      close() {},
    },
  });

  /** Runs every job due now (a sync postpones itself to its next interval, so this ends). */
  async function drain(): Promise<number> {
    let total = 0;
    for (let ran = await worker.runOnce(); ran > 0; ran = await worker.runOnce()) total += ran;
    return total;
  }

  /** Completes an OAuth consent: authorize, let `approve` play the person, call the callback. */
  async function connectOAuth(
    platform: ConnectorPlatform,
    approve: (consentUrl: string) => { code: string; state: string },
  ) {
    const start = await t.call('POST', `/api/v1/connections/${platform}/authorize`);
    if (start.status !== 200) throw new Error(`authorize: ${start.status} ${start.text}`);
    const { code, state } = approve(start.json.url);
    const back = await t.call(
      'GET',
      `/api/v1/connections/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
      { key: null },
    );
    if (back.status !== 200) throw new Error(`callback: ${back.status} ${back.text}`);
    return back.json as { id: string };
  }

  /** Maps a platform location to a business (a new one made from the location unless `businessId` is given). */
  async function mapLocation(connectionId: string, externalId: string, businessId?: string) {
    const res = await t.call('PUT', `/api/v1/connections/${connectionId}/locations`, {
      body: businessId ? { externalId, businessId } : { externalId, createBusiness: true },
    });
    if (res.status !== 200) throw new Error(`map: ${res.status} ${res.text}`);
    return res.json.data.find((l: { externalId: string }) => l.externalId === externalId) as {
      id: string;
      businessId: string;
    };
  }

  /** Reviews of a business as the store holds them (hidden ones too), newest first. */
  const reviewsOf = (businessId: string) =>
    t.db
      .prepare(
        `SELECT r.id, r.external_id AS externalId, r.rating, r.content, r.hidden, r.reply, p.hidden_reason AS hiddenReason,
           p.imported, p.reply_status AS replyStatus, p.reply_error AS replyError
         FROM reviews r LEFT JOIN review_platform p ON p.review_id = r.id WHERE r.business_id = ?
         ORDER BY r.published_at DESC`,
      )
      .all(businessId) as Array<{
      id: string;
      externalId: string;
      rating: number;
      content: string;
      hidden: number;
      reply: string | null;
      hiddenReason: string | null;
      imported: number;
      replyStatus: string | null;
      replyError: string | null;
    }>;

  /** A member of Acme (owners and managers get alerts by default: feedback, reviews at or below 2★). */
  const member = (email: string, role: Role) => {
    const user = createUser(t.db, t.clock, { email, name: email.split('@')[0], passwordHash: 'x' });
    upsertMembership(t.db, t.clock, user.id, t.org.id, role);
    return user;
  };

  /**
   * Webhook deliveries queued so far of one resource's events: `review.*` unless told (a business made from a
   * location raises `business.created`, which the sync tests do not follow).
   */
  const events = (resource: 'review' | 'business' = 'review') =>
    t.db
      .prepare(
        "SELECT event_type AS type, payload FROM webhook_deliveries WHERE event_type LIKE ? || '.%' ORDER BY rowid",
      )
      .all(resource) as Array<{ type: string; payload: string }>;

  return { ...t, config, worker, emails, drain, connectOAuth, mapLocation, reviewsOf, member, events };
}

export type ConnectorEnv = ReturnType<typeof connectorEnv>;
