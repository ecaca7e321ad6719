import { join } from 'node:path';
import { z } from 'zod';
import type { ConnectorPlatform, ConnectorSettings } from './connectors/connector';

const CONNECTOR_PLATFORMS: ConnectorPlatform[] = ['google', 'facebook', 'trustpilot', 'yelp', 'tripadvisor'];

/** PLAUDIT_<PLATFORM>_CLIENT_ID / _CLIENT_SECRET / _BASE_URL for each platform. */
const connectorVariables = Object.fromEntries(
  CONNECTOR_PLATFORMS.flatMap((platform) => {
    const prefix = `PLAUDIT_${platform.toUpperCase()}`;
    return [
      [`${prefix}_CLIENT_ID`, z.string().optional()],
      [`${prefix}_CLIENT_SECRET`, z.string().optional()],
      [`${prefix}_BASE_URL`, z.url({ protocol: /^https?$/ }).optional()],
    ];
  }),
) as Record<string, z.ZodOptional<z.ZodString>>;

/** 32 bytes as 64 hex digits or base64: the key that encrypts platform tokens at rest. */
export function parseSecretKey(value: string): Buffer | undefined {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PLAUDIT_DATA_DIR: z.string().min(1).default('./data'),
  PLAUDIT_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  PLAUDIT_BOOTSTRAP_KEY: z
    .string()
    .regex(/^sk_live_[A-Za-z0-9]{32,}$/, 'must be sk_live_ followed by at least 32 letters or digits')
    .optional(),
  PLAUDIT_DEMO: booleanFlag.default(true),
  PLAUDIT_SIGNUP: z.enum(['invite', 'open']).default('invite'),
  PLAUDIT_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  PLAUDIT_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  PLAUDIT_WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false),
  PLAUDIT_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|yes|no|on|off|\d+)$/, 'true, false, or how many proxies stand in front of Plaudit')
    .transform((value) =>
      /^\d+$/.test(value) ? Number(value) : ['true', 'yes', 'on'].includes(value) ? 1 : 0,
    )
    .pipe(z.number().int().max(10, 'at most 10 proxies'))
    .default(0),
  // At least 30 days: longer than an unrated visit's token lives (7), so no token outlives its visit's rows.
  PLAUDIT_VISIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(180),
  PLAUDIT_SMTP_URL: z.string().optional(),
  PLAUDIT_MAIL_FROM: z.string().optional(),
  PLAUDIT_TWILIO_ACCOUNT_SID: z.string().optional(),
  PLAUDIT_TWILIO_AUTH_TOKEN: z.string().optional(),
  PLAUDIT_TWILIO_FROM: z.string().optional(),
  PLAUDIT_TWILIO_WHATSAPP_FROM: z.string().optional(),
  PLAUDIT_TWILIO_BASE_URL: z.url().default('https://api.twilio.com'),
  PLAUDIT_SECRET_KEY: z
    .string()
    .refine((value) => parseSecretKey(value) !== undefined, 'must be 32 bytes as 64 hex digits or base64')
    .optional(),
  PLAUDIT_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(10_080).default(30),
  ...connectorVariables,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  bootstrapKey?: string;
  demo: boolean;
  /** `open`: anyone may sign up (each new person gets a new organization); `invite`: only invited people. */
  signup: 'invite' | 'open';
  rateLimit: number;
  publicRateLimit: number;
  webhooksAllowPrivate: boolean;
  /**
   * How many proxies you run in front of Plaudit (0: none). The client IP is the Nth address from the right
   * of X-Forwarded-For: the one your outermost proxy appended, never one the client wrote.
   */
  trustProxy: number;
  /** Landing visits older than this are rolled up into daily figures and their raw rows deleted. */
  visitRetentionDays: number;
  smtpUrl?: string;
  mailFrom?: string;
  twilio: { accountSid?: string; authToken?: string; from?: string; whatsappFrom?: string; baseUrl: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Encrypts platform tokens at rest. Unset, the server generates a key file in the data directory on first
   * start (server/connectors/vault.ts); in-process tests without one use a key that lives as long as the process.
   */
  secretKey?: Buffer;
  /** How often each platform connection is synced. */
  syncIntervalMinutes: number;
  /** Client id, secret and base URL of each review platform (PLAUDIT_<PLATFORM>_…). */
  connectors: Record<ConnectorPlatform, ConnectorSettings>;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one readable line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.PLAUDIT_DATA_DIR,
    // Unset, links point at this machine on the port it listens on, so PORT=3000 alone gives working links.
    publicUrl: e.PLAUDIT_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    bootstrapKey: e.PLAUDIT_BOOTSTRAP_KEY,
    demo: e.PLAUDIT_DEMO,
    signup: e.PLAUDIT_SIGNUP,
    rateLimit: e.PLAUDIT_RATE_LIMIT,
    publicRateLimit: e.PLAUDIT_PUBLIC_RATE_LIMIT,
    webhooksAllowPrivate: e.PLAUDIT_WEBHOOKS_ALLOW_PRIVATE,
    trustProxy: e.PLAUDIT_TRUST_PROXY,
    visitRetentionDays: e.PLAUDIT_VISIT_RETENTION_DAYS,
    smtpUrl: e.PLAUDIT_SMTP_URL,
    mailFrom: e.PLAUDIT_MAIL_FROM,
    twilio: {
      accountSid: e.PLAUDIT_TWILIO_ACCOUNT_SID,
      authToken: e.PLAUDIT_TWILIO_AUTH_TOKEN,
      from: e.PLAUDIT_TWILIO_FROM,
      whatsappFrom: e.PLAUDIT_TWILIO_WHATSAPP_FROM,
      baseUrl: e.PLAUDIT_TWILIO_BASE_URL.replace(/\/+$/, ''),
    },
    logLevel: e.LOG_LEVEL,
    secretKey: e.PLAUDIT_SECRET_KEY ? parseSecretKey(e.PLAUDIT_SECRET_KEY) : undefined,
    syncIntervalMinutes: e.PLAUDIT_SYNC_INTERVAL_MINUTES,
    connectors: Object.fromEntries(
      CONNECTOR_PLATFORMS.map((platform) => {
        const prefix = `PLAUDIT_${platform.toUpperCase()}`;
        const env = e as unknown as Record<string, string | undefined>;
        return [
          platform,
          {
            clientId: env[`${prefix}_CLIENT_ID`] ?? null,
            clientSecret: env[`${prefix}_CLIENT_SECRET`] ?? null,
            baseUrl: env[`${prefix}_BASE_URL`]?.replace(/\/+$/, '') ?? null,
          },
        ];
      }),
    ) as Record<ConnectorPlatform, ConnectorSettings>,
  };
}

/** A config for tests and tools: the embedded defaults with the given overrides. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

/** The SQLite file of a data directory. */
export const databasePath = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'plaudit.db');
