/**
 * The last line of defence for secrets in logs: every line a logger writes (and every message the CLI and
 * `main.ts` print) goes through a scrubber that replaces the configured secrets, in every form they are
 * likely to take in a log line, and anything that merely looks like a bot token or a Stripe key.
 */

export const REDACTED = '[redacted]';

/** Shorter values cannot be hidden without wrecking the logs (and are no secret worth the name). */
const MIN_SECRET_LENGTH = 4;
/** Derived forms (encodings) shorter than this are dropped: too likely to match unrelated text. */
const MIN_FORM_LENGTH = 8;

/** Anything that looks like a secret, configured or not. Order matters: the bot URL keeps the bot's id. */
const PATTERNS: Array<[RegExp, string]> = [
  // grammY's request URL: …/bot<id>:<secret>/<method> (the id is the bot's public user id).
  [/\bbot(\d+)(?::|%3[Aa])[A-Za-z0-9_-]{20,}/g, `bot$1:${REDACTED}`],
  // A Telegram bot token anywhere else, also URL-encoded.
  [/\d{6,}(?::|%3[Aa])[A-Za-z0-9_-]{30,}/g, REDACTED],
  // Stripe secret and restricted keys, webhook signing secrets.
  [/(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g, REDACTED],
  [/whsec_[A-Za-z0-9+/=]{8,}/g, REDACTED],
];

/** What the config holds that must never be logged (structural: CLI commands pass only the database part). */
export interface SecretSources {
  botToken?: string | null;
  webhook?: { secret: string } | null;
  stripe?: { secretKey: string; webhookSecret: string } | null;
  databaseUrl?: string | null;
  metricsToken?: string | null;
}

/** The secret values of a config: the bot token and its secret part, API keys, the database password. */
export function secretValues(config: SecretSources): string[] {
  const out: string[] = [];
  if (config.botToken) {
    out.push(config.botToken);
    const colon = config.botToken.indexOf(':');
    if (colon >= 0) out.push(config.botToken.slice(colon + 1));
  }
  if (config.webhook) out.push(config.webhook.secret);
  if (config.stripe) out.push(config.stripe.secretKey, config.stripe.webhookSecret);
  if (config.databaseUrl) out.push(...databaseSecrets(config.databaseUrl));
  if (config.metricsToken) out.push(config.metricsToken);
  return [...new Set(out.filter((s) => s.length >= MIN_SECRET_LENGTH))];
}

/** The password (as written and decoded) and `user:password`, whose base64 is the Basic-auth form. */
function databaseSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const out: string[] = [];
  const password = u.password || u.searchParams.get('password') || '';
  if (password) {
    const plain = decode(password);
    out.push(password, plain, `${decode(u.username)}:${plain}`);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The forms a secret can take in a log line: as is, URL-encoded (either hex case), JSON-escaped, and
 * base64 / base64url wherever it sits inside an encoded string (see base64Cores).
 */
export function secretForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const derived = [
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    JSON.stringify(secret).slice(1, -1),
    ...base64Cores(secret).flatMap((b) => [b, b.replace(/\+/g, '-').replace(/\//g, '_')]),
  ];
  return [...new Set([secret, ...derived.filter((f) => f.length >= MIN_FORM_LENGTH)])];
}

/**
 * Base64 encodes 3 bytes as 4 characters, so a secret inside a larger encoded string (a Basic-auth
 * header, a base64 blob) looks different depending on its offset modulo 3. For each of the three offsets
 * this returns the characters that depend on the secret's bytes alone: one of them is a substring of
 * any base64 text that encodes the secret.
 */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((shift) => {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    // Leading characters that mix in the bytes before the secret, and a trailing one mixing in the next.
    const head = [0, 2, 3][shift]!;
    const tail = (shift + bytes.length) % 3 === 0 ? 0 : 1;
    return b64.slice(head, b64.length - tail);
  });
}

export type Scrub = (text: string) => string;

/** Replaces the secrets (every form) and anything that looks like a token or a key with `[redacted]`. */
export function createScrubber(secrets: readonly string[] = []): Scrub {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(secretForms))];
  // Longest first, so a token is replaced whole before its secret part could match inside it.
  forms.sort((a, b) => b.length - a.length);
  const known = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : null;
  return (text) => scrubPatterns(known ? text.replace(known, REDACTED) : text);
}

/** Only the generic patterns (no configured secrets): what error serialisation applies to every string. */
export function scrubPatterns(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
