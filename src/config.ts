import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Raised for a bad or missing setting; main prints `message` as one line and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const telegramId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,16}$/, `must be a numeric Telegram id (${what})`)
    .transform(Number);

const url = (hint: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    }, `must be an http(s) URL, ${hint}`)
    .transform((v) => v.replace(/\/+$/, ''));

const fields = z.object({
  BOT_TOKEN: z
    .string({ error: 'is required: create a bot with @BotFather and set BOT_TOKEN=123456:ABC…' })
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'does not look like a bot token from @BotFather (123456:ABC…)'),
  TELEGRAM_API_ROOT: url('e.g. https://api.telegram.org or your local Bot API server').default(
    'https://api.telegram.org',
  ),
  WEBHOOK_URL: url('the public base URL Telegram should call, e.g. https://bot.example.com').optional(),
  WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{16,256}$/,
      'must be 16-256 characters of A-Z, a-z, 0-9, _ or - (try `openssl rand -hex 32`)',
    )
    .optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number between 1 and 65535' })
    .int('must be a whole port number')
    .min(0, 'must be between 1 and 65535 (0 picks a free port)')
    .max(65535, 'must be between 1 and 65535')
    .default(8000),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number of connections between 2 and 100' })
    .int('must be a whole number of connections between 2 and 100')
    .min(2, 'must be between 2 and 100')
    .max(100, 'must be between 2 and 100')
    // Every statement of the app runs on one connection at a time (the embedded engine has one, and the
    // whole suite passes on it); 5 gave the webhook the shorter tail (docs/BENCHMARKS.md).
    .default(5),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  ADMIN_GROUP_ID: telegramId('the forum supergroup id, like -1001234567890')
    .refine((v) => v < 0, 'must be a group id, which is negative (like -1001234567890)')
    .optional(),
  ADMIN_GROUP_IDS: z
    .string()
    .trim()
    .refine(
      (v) => /^\s*-\d{1,16}(\s*,\s*-\d{1,16})*\s*,?\s*$/.test(v),
      'must be a comma-separated list of forum supergroup ids, which are negative, like -1001234567890,-1009876543210',
    )
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number),
    )
    .optional(),
  ADMIN_USER_IDS: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^\s*\d{1,16}(\s*,\s*\d{1,16})*\s*,?\s*$/.test(v),
      'must be a comma-separated list of numeric Telegram user ids, like 11111,22222',
    )
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number),
    )
    .default([]),
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(
      /^whsec_[A-Za-z0-9]+$/,
      'must be a webhook signing secret (whsec_…) from the Stripe dashboard or `stripe listen`',
    )
    .optional(),
  STRIPE_API_BASE: url('e.g. https://api.stripe.com').default('https://api.stripe.com'),
  METRICS_TOKEN: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{16,256}$/,
      'must be 16-256 characters of A-Z, a-z, 0-9, _ or - (try `openssl rand -hex 32`)',
    )
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

const schema = fields.superRefine((v, ctx) => {
  if (v.WEBHOOK_URL && !v.WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_SECRET'],
      message:
        'is required when WEBHOOK_URL is set (webhook mode): set 16+ random characters, e.g. `openssl rand -hex 32`',
    });
  }
  if (
    v.WEBHOOK_URL &&
    !v.WEBHOOK_URL.startsWith('https://') &&
    !/^http:\/\/(localhost|127\.)/.test(v.WEBHOOK_URL)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_URL'],
      message: 'must use https:// (Telegram only calls HTTPS webhooks)',
    });
  }
  if (v.STRIPE_WEBHOOK_SECRET && !v.STRIPE_SECRET_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['STRIPE_SECRET_KEY'],
      message: 'is required when STRIPE_WEBHOOK_SECRET is set',
    });
  }
  if (v.STRIPE_SECRET_KEY && !v.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['STRIPE_WEBHOOK_SECRET'],
      message:
        'is required when STRIPE_SECRET_KEY is set: card payments are confirmed only by Stripe webhooks (POST /stripe-webhook). Take it from the endpoint in the Stripe dashboard, or from `stripe listen --forward-to localhost:8080/stripe-webhook`',
    });
  }
});

export interface Config {
  botToken: string;
  telegramApiRoot: string;
  /** Set → webhook mode; unset → long polling. */
  webhook: { url: string; secret: string } | null;
  port: number;
  databaseUrl: string | null;
  /**
   * Connections this process's statements share on PostgreSQL (pg-boss, the settings listener and the
   * poller lock have their own). Unused on the embedded database.
   */
  databasePoolSize: number;
  dataDir: string;
  /**
   * The admin forum groups, in configuration order (`ADMIN_GROUP_ID` first, then `ADMIN_GROUP_IDS`,
   * duplicates removed); empty until one is set. Each fan is assigned to one of them (app/relay/placement.ts).
   */
  adminGroupIds: number[];
  adminUserIds: number[];
  stripe: { secretKey: string; webhookSecret: string; apiBase: string } | null;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Set → `GET /metrics` answers a scraper sending it as a bearer token; unset → no /metrics. */
  metricsToken: string | null;
}

/** Blank values count as unset, and legacy names are accepted as aliases. */
function normalise(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v === undefined || v.trim() === '' ? undefined : v;
  out.ADMIN_USER_IDS ??= out.ADMIN_CHAT_ID;
  out.STRIPE_SECRET_KEY ??= out.STRIPE_API_KEY;
  return out;
}

/** Parses the environment into a typed Config; throws ConfigError naming the first bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(normalise(env));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const given = normalise(env)[name];
    // Echo what was given so the fix is obvious, but never a secret.
    const echo =
      given !== undefined && !/TOKEN|SECRET|KEY|DATABASE_URL/.test(name) ? ` (got "${given}")` : '';
    throw new ConfigError(`${name} ${issue.message}${echo}`);
  }
  const v = result.data;
  return {
    botToken: v.BOT_TOKEN,
    telegramApiRoot: v.TELEGRAM_API_ROOT,
    webhook: v.WEBHOOK_URL ? { url: v.WEBHOOK_URL, secret: v.WEBHOOK_SECRET! } : null,
    port: v.PORT,
    databaseUrl: v.DATABASE_URL ?? null,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    dataDir: resolve(v.DATA_DIR),
    adminGroupIds: [
      ...new Set([
        ...(v.ADMIN_GROUP_ID !== undefined ? [v.ADMIN_GROUP_ID] : []),
        ...(v.ADMIN_GROUP_IDS ?? []),
      ]),
    ],
    adminUserIds: v.ADMIN_USER_IDS,
    stripe: v.STRIPE_SECRET_KEY
      ? {
          secretKey: v.STRIPE_SECRET_KEY,
          webhookSecret: v.STRIPE_WEBHOOK_SECRET!,
          apiBase: v.STRIPE_API_BASE,
        }
      : null,
    logLevel: v.LOG_LEVEL,
    metricsToken: v.METRICS_TOKEN ?? null,
  };
}

/** Just the database settings, for CLI commands that need no bot (db:migrate, ledger:check). */
export function parseDatabaseConfig(env: NodeJS.ProcessEnv): Pick<Config, 'databaseUrl' | 'dataDir'> {
  const result = fields.pick({ DATABASE_URL: true, DATA_DIR: true }).safeParse(normalise(env));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  return { databaseUrl: result.data.DATABASE_URL ?? null, dataDir: resolve(result.data.DATA_DIR) };
}

export function loadDatabaseConfig(envFile = '.env'): Pick<Config, 'databaseUrl' | 'dataDir'> {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseDatabaseConfig(process.env);
}

/** Reads `.env` (if present) into process.env without overriding what is already set, then parses. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
