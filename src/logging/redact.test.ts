import { describe, expect, it } from 'vitest';
import { base64Cores, createScrubber, REDACTED, secretForms, secretValues } from './redact.ts';

const TOKEN = '123456789:AAHexampleSecretPartOfTheToken_abc-123';
const SECRET_PART = TOKEN.slice(TOKEN.indexOf(':') + 1);
const STRIPE_KEY = 'sk_live_51ExampleKeyExampleKey';
const WHSEC = 'whsec_ExampleWebhookSigningSecret';
const HOOK = 'my-webhook-secret-0123456789';
const DB_PASSWORD = 'p@ss:w/rd#42';
const DB_URL = `postgres://app:${encodeURIComponent(DB_PASSWORD)}@db.internal:5432/fanbridge`;

const secrets = secretValues({
  botToken: TOKEN,
  webhook: { secret: HOOK },
  stripe: { secretKey: STRIPE_KEY, webhookSecret: WHSEC },
  databaseUrl: DB_URL,
});
const scrub = createScrubber(secrets);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

describe('secretValues', () => {
  it('collects the token, its secret part, the keys and the database credentials', () => {
    expect(secrets).toEqual(
      expect.arrayContaining([
        TOKEN,
        SECRET_PART,
        HOOK,
        STRIPE_KEY,
        WHSEC,
        DB_PASSWORD,
        `app:${DB_PASSWORD}`,
      ]),
    );
  });

  it('collects the metrics token, and a line holding it is scrubbed', () => {
    const token = 'metrics-bearer-0123456789abcdef';
    const found = secretValues({ metricsToken: token });
    expect(found).toEqual([token]);
    expect(createScrubber(found)(`{"authorization":"Bearer ${token}"}`)).not.toContain(token);
  });

  it.each([
    ['no password', 'postgres://app@db:5432/x', []],
    ['a password in the query', 'postgres://db:5432/x?user=app&password=querySecret1', ['querySecret1']],
    ['not a URL', 'postgres://[', []],
  ])('database URL with %s', (_label, url, expected) => {
    const found = secretValues({ databaseUrl: url });
    for (const e of expected) expect(found).toContain(e);
    if (expected.length === 0) expect(found).toEqual([]);
  });
});

describe('createScrubber', () => {
  it.each([
    ['the token', `token ${TOKEN} end`],
    ['the token in a request URL', `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`],
    ['the token URL-encoded', `q=${encodeURIComponent(TOKEN)}`],
    ['the token URL-encoded, lower-case hex', `q=${encodeURIComponent(TOKEN).replace('%3A', '%3a')}`],
    ['the token in base64', `x ${b64(TOKEN)} y`],
    ['the token in base64url', `x ${b64url(TOKEN)} y`],
    ['the secret part alone', `secret=${SECRET_PART}`],
    ['the secret part in base64', b64(SECRET_PART)],
    ['the Stripe key', `Authorization: Bearer ${STRIPE_KEY}`],
    ['the Stripe key in base64 (Basic auth)', `Basic ${b64(`${STRIPE_KEY}:`)}`],
    ['the webhook signing secret', `{"secret":"${WHSEC}"}`],
    ['the Telegram webhook secret', `x-telegram-bot-api-secret-token: ${HOOK}`],
    ['the webhook secret in base64', b64(`{"s":"${HOOK}"}`)],
    ['the database URL', `cannot connect to ${DB_URL}`],
    ['the database password decoded', `password ${DB_PASSWORD}`],
    ['the database password JSON-escaped', JSON.stringify({ password: DB_PASSWORD })],
    ['the database Basic-auth form', `Authorization: Basic ${b64(`app:${DB_PASSWORD}`)}`],
  ])('hides %s', (_label, line) => {
    const out = scrub(line);
    expect(out).toContain(REDACTED);
    for (const s of secrets) for (const form of secretForms(s)) expect(out).not.toContain(form);
  });

  it.each([
    [
      'an unknown bot token',
      'token 987654321:AAFunknownTokenNotConfiguredAnywhere12 end',
      'token [redacted] end',
    ],
    [
      'an unknown token in a bot URL, keeping the bot id',
      '/bot987654:AAFunknownTokenNotConfigured12/getMe',
      '/bot987654:[redacted]/getMe',
    ],
    ['an unknown token URL-encoded', 't=987654321%3AAAFunknownTokenNotConfiguredAnywhere', 't=[redacted]'],
    ['a Stripe test key', 'key sk_test_abcdefgh12345678', 'key [redacted]'],
    ['a Stripe restricted key', 'key rk_live_abcdefgh12345678', 'key [redacted]'],
    ['a webhook signing secret', 'whsec_abcdefgh12345678=', '[redacted]'],
  ])('hides %s without being told about it', (_label, line, expected) => {
    expect(createScrubber()(line)).toBe(expected);
  });

  it.each([
    ['an ordinary log line', '{"level":30,"msg":"fanbridge started","port":8000,"database":"pglite"}'],
    ['update and chat ids', '{"update_id":123456789,"chat":-1001234567890,"key":"receipt:123456:42"}'],
    ['a publishable Stripe key', 'pk_live_abcdefgh12345678'],
  ])('leaves %s alone', (_label, line) => {
    expect(scrub(line)).toBe(line);
  });

  it('ignores values too short to hide', () => {
    expect(createScrubber(['ab'])('a tab b')).toBe('a tab b');
  });
});

describe('base64Cores', () => {
  const secret = 'SENTINEL-secret-value_42';
  it.each([0, 1, 2, 3, 4, 5])('finds the secret after %i bytes, with anything after it', (before) => {
    for (const after of ['', 'x', 'xy', 'xyz']) {
      const encoded = b64(`${'a'.repeat(before)}${secret}${after}`);
      expect(base64Cores(secret).some((core) => encoded.includes(core))).toBe(true);
    }
  });
});
