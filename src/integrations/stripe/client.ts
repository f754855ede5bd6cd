import Stripe from 'stripe';

/**
 * The Stripe API version this code base is written against. It is pinned to the default of the
 * installed SDK (`stripe` 23.1.0 → `Stripe.API_VERSION`), so request/response shapes match the SDK's
 * TypeScript types. Upgrading the SDK changes `Stripe.API_VERSION`; the `satisfies` below then fails
 * to compile until this constant (and the account's webhook endpoint version) are bumped together.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const satisfies typeof Stripe.API_VERSION;

/** Per-request timeout. The SDK default is 80 s, far longer than a chat user will wait for a reply. */
export const STRIPE_TIMEOUT_MS = 20_000;

/** Automatic retries on connection errors, 409 and 5xx (the SDK sends an Idempotency-Key on every POST). */
export const STRIPE_MAX_NETWORK_RETRIES = 2;

export interface StripeClientConfig {
  /** `sk_test_…` / `sk_live_…` / restricted `rk_…` key. */
  secretKey: string;
  /** Origin of the API, e.g. `https://api.stripe.com` or a local fake such as `http://127.0.0.1:12111`. */
  apiBase: string;
  /** Overrides {@link STRIPE_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Overrides {@link STRIPE_MAX_NETWORK_RETRIES}. */
  maxNetworkRetries?: number;
}

export interface StripeApiAddress {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/**
 * Splits an API origin into the SDK's `host` / `port` / `protocol` options. The SDK always requests
 * `/v1/...` from the root of that origin, so a path prefix, query, fragment or credentials cannot be
 * honoured and are rejected rather than silently dropped.
 */
export function parseStripeApiBase(apiBase: string): StripeApiAddress {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new Error(`Stripe apiBase is not a valid URL: ${JSON.stringify(apiBase)}`);
  }
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https') {
    throw new Error(`Stripe apiBase must use http or https, got ${JSON.stringify(apiBase)}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(
      `Stripe apiBase must be a bare origin without path, query or fragment: ${JSON.stringify(apiBase)}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('Stripe apiBase must not contain credentials');
  }
  // URL keeps IPv6 literals bracketed ("[::1]"); Node's http.request wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port);
  return { host, port, protocol };
}

export function createStripeClient(config: StripeClientConfig): Stripe {
  if (config.secretKey.trim() === '') {
    throw new Error('Stripe secretKey is empty');
  }
  const { host, port, protocol } = parseStripeApiBase(config.apiBase);
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    host,
    port,
    protocol,
    maxNetworkRetries: config.maxNetworkRetries ?? STRIPE_MAX_NETWORK_RETRIES,
    timeout: config.timeoutMs ?? STRIPE_TIMEOUT_MS,
    telemetry: false,
    typescript: true,
  });
}
