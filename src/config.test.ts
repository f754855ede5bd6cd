import { describe, expect, it } from 'vitest';
import { SENTINELS } from '../test/support/sentinels.ts';
import { ConfigError, parseConfig, parseDatabaseConfig } from './config.ts';

const TOKEN = SENTINELS.unitBotToken;

function fails(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

/** A test name that shows the case but never the token (test names are printed). */
const nameOf = (env: Record<string, string>) =>
  JSON.stringify(env.BOT_TOKEN === TOKEN ? { ...env, BOT_TOKEN: '<token>' } : env);

describe('parseConfig', () => {
  it('needs only BOT_TOKEN and fills sensible defaults', () => {
    const c = parseConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      botToken: TOKEN,
      telegramApiRoot: 'https://api.telegram.org',
      webhook: null,
      port: 8000,
      databaseUrl: null,
      databasePoolSize: 5,
      adminGroupIds: [],
      adminUserIds: [],
      stripe: null,
      logLevel: 'info',
    });
    expect(c.dataDir).toMatch(/data$/);
  });

  it.each(
    (
      [
        [{}, /^BOT_TOKEN is required/],
        [{ BOT_TOKEN: 'nope' }, /^BOT_TOKEN does not look like a bot token/],
        [{ BOT_TOKEN: TOKEN, PORT: 'eighty' }, /^PORT must be/],
        [{ BOT_TOKEN: TOKEN, PORT: '70000' }, /^PORT must be between 1 and 65535 \(got "70000"\)/],
        [
          { BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: '1' },
          /^DATABASE_POOL_SIZE must be between 2 and 100 \(got "1"\)/,
        ],
        [{ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: '2.5' }, /^DATABASE_POOL_SIZE must be a whole number/],
        [{ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: 'many' }, /^DATABASE_POOL_SIZE must be a whole number/],
        [
          { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.com' },
          /^WEBHOOK_SECRET is required when WEBHOOK_URL is set/,
        ],
        [
          { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'http://bot.example.com', WEBHOOK_SECRET: 'x'.repeat(32) },
          /^WEBHOOK_URL must use https/,
        ],
        [
          { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://x.io', WEBHOOK_SECRET: 'short' },
          /^WEBHOOK_SECRET must be 16-256 characters/,
        ],
        [
          { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'not a url', WEBHOOK_SECRET: 'x'.repeat(32) },
          /^WEBHOOK_URL must be an http\(s\) URL/,
        ],
        [{ BOT_TOKEN: TOKEN, DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a postgres/],
        [{ BOT_TOKEN: TOKEN, ADMIN_GROUP_ID: 'abc' }, /^ADMIN_GROUP_ID must be a numeric Telegram id/],
        [
          { BOT_TOKEN: TOKEN, ADMIN_GROUP_ID: '12345' },
          /^ADMIN_GROUP_ID must be a group id, which is negative/,
        ],
        [
          { BOT_TOKEN: TOKEN, ADMIN_GROUP_IDS: '-1001, 1002' },
          /^ADMIN_GROUP_IDS must be a comma-separated list of forum supergroup ids, which are negative/,
        ],
        [{ BOT_TOKEN: TOKEN, ADMIN_GROUP_IDS: '-1001;-1002' }, /^ADMIN_GROUP_IDS must be a comma-separated/],
        [{ BOT_TOKEN: TOKEN, ADMIN_GROUP_IDS: ',' }, /^ADMIN_GROUP_IDS must be a comma-separated/],
        [{ BOT_TOKEN: TOKEN, ADMIN_USER_IDS: '1, two' }, /^ADMIN_USER_IDS must be a comma-separated list/],
        [
          { BOT_TOKEN: TOKEN, STRIPE_SECRET_KEY: 'pk_test_123' },
          /^STRIPE_SECRET_KEY must be a Stripe secret key/,
        ],
        [
          { BOT_TOKEN: TOKEN, STRIPE_WEBHOOK_SECRET: 'whsec_abc' },
          /^STRIPE_SECRET_KEY is required when STRIPE_WEBHOOK_SECRET/,
        ],
        [
          { BOT_TOKEN: TOKEN, STRIPE_SECRET_KEY: 'sk_test_abc' },
          /^STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set: card payments are confirmed only by Stripe webhooks/,
        ],
        [{ BOT_TOKEN: TOKEN, LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
      ] as Array<[Record<string, string>, RegExp]>
    ).map(([env, message]) => [nameOf(env), env, message] as const),
  )('rejects %s with one clear line', (_name, env, message) => {
    const text = fails(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('never echoes secrets back', () => {
    expect(fails({ BOT_TOKEN: 'secret-ish-value' })).not.toContain('secret-ish-value');
    expect(fails({ BOT_TOKEN: TOKEN, STRIPE_SECRET_KEY: 'pk_live_leak' })).not.toContain('pk_live_leak');
  });

  it('parses webhook mode, ids and Stripe, and accepts the legacy aliases', () => {
    const c = parseConfig({
      BOT_TOKEN: TOKEN,
      WEBHOOK_URL: 'https://bot.example.com/',
      WEBHOOK_SECRET: 'a'.repeat(32),
      ADMIN_GROUP_ID: '-1001234567890',
      ADMIN_CHAT_ID: '11, 22',
      STRIPE_API_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      PORT: '9000',
      DATABASE_POOL_SIZE: '12',
    });
    expect(c.webhook).toEqual({ url: 'https://bot.example.com', secret: 'a'.repeat(32) });
    expect(c.adminGroupIds).toEqual([-1001234567890]);
    expect(c.adminUserIds).toEqual([11, 22]);
    expect(c.stripe).toEqual({
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
      apiBase: 'https://api.stripe.com',
    });
    expect(c.port).toBe(9000);
    expect(c.databasePoolSize).toBe(12);
  });

  it('merges ADMIN_GROUP_ID and ADMIN_GROUP_IDS: order kept, duplicates removed', () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, ADMIN_GROUP_IDS: '-1003, -1001,-1002,' }).adminGroupIds).toEqual([
      -1003, -1001, -1002,
    ]);
    expect(
      parseConfig({ BOT_TOKEN: TOKEN, ADMIN_GROUP_ID: '-1002', ADMIN_GROUP_IDS: '-1001,-1002,-1003,-1001' })
        .adminGroupIds,
    ).toEqual([-1002, -1001, -1003]);
    expect(
      parseConfig({ BOT_TOKEN: TOKEN, ADMIN_GROUP_ID: '-1002', ADMIN_GROUP_IDS: ' ' }).adminGroupIds,
    ).toEqual([-1002]);
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: '  ', ADMIN_GROUP_ID: '' }).webhook).toBeNull();
  });
});

describe('parseDatabaseConfig', () => {
  it('needs no bot token and validates the URL', () => {
    expect(parseDatabaseConfig({}).databaseUrl).toBeNull();
    expect(parseDatabaseConfig({ DATABASE_URL: 'postgres://h/db' }).databaseUrl).toBe('postgres://h/db');
    expect(() => parseDatabaseConfig({ DATABASE_URL: 'mysql://h' })).toThrow(
      /^DATABASE_URL must be a postgres/,
    );
  });
});
