import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  STRIPE_API_VERSION,
  STRIPE_MAX_NETWORK_RETRIES,
  STRIPE_TIMEOUT_MS,
  createStripeClient,
  parseStripeApiBase,
} from './client.ts';

describe('parseStripeApiBase', () => {
  it('uses the default https port for the real API', () => {
    expect(parseStripeApiBase('https://api.stripe.com')).toEqual({
      host: 'api.stripe.com',
      port: 443,
      protocol: 'https',
    });
  });

  it('keeps an explicit port and plain http for a local fake', () => {
    expect(parseStripeApiBase('http://127.0.0.1:12111')).toEqual({
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
    });
    expect(parseStripeApiBase('http://localhost:12111/')).toEqual({
      host: 'localhost',
      port: 12111,
      protocol: 'http',
    });
    expect(parseStripeApiBase('http://stripe-mock')).toEqual({
      host: 'stripe-mock',
      port: 80,
      protocol: 'http',
    });
  });

  it('unbrackets IPv6 literals', () => {
    expect(parseStripeApiBase('http://[::1]:8080')).toEqual({ host: '::1', port: 8080, protocol: 'http' });
  });

  it.each([
    'api.stripe.com',
    'ftp://api.stripe.com',
    'https://api.stripe.com/v1',
    'https://proxy.example/stripe',
    'https://api.stripe.com/?x=1',
    'https://user:pass@api.stripe.com',
  ])('rejects %s', (apiBase) => {
    expect(() => parseStripeApiBase(apiBase)).toThrow(/Stripe apiBase/);
  });
});

describe('createStripeClient', () => {
  it('points the SDK at the parsed address with pinned settings', () => {
    const stripe = createStripeClient({ secretKey: 'sk_test_123', apiBase: 'http://127.0.0.1:12111' });
    expect(stripe.getApiField('host')).toBe('127.0.0.1');
    expect(stripe.getApiField('port')).toBe(12111);
    expect(stripe.getApiField('protocol')).toBe('http');
    expect(stripe.getApiField('version')).toBe(STRIPE_API_VERSION);
    expect(stripe.getApiField('maxNetworkRetries')).toBe(STRIPE_MAX_NETWORK_RETRIES);
    expect(stripe.getApiField('timeout')).toBe(STRIPE_TIMEOUT_MS);
    expect(stripe.getTelemetryEnabled()).toBe(false);
  });

  it('pins the SDK default API version', () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
  });

  it('refuses an empty key', () => {
    expect(() => createStripeClient({ secretKey: ' ', apiBase: 'https://api.stripe.com' })).toThrow(
      /secretKey/,
    );
  });
});
