import type { StripeJson } from './fixtures.ts';

/** The `error` member of a Stripe v1 error response. */
export interface StripeErrorBody extends StripeJson {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  decline_code?: string;
  doc_url?: string;
  param?: string;
}

/** Thrown by route handlers; rendered as `{ "error": ... }` with `status`. */
export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'StripeHttpError';
  }
}

const docUrl = (code: string): string => `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(
  message: string,
  opts: { param?: string; code?: string; status?: number } = {},
): StripeHttpError {
  return new StripeHttpError(opts.status ?? 400, {
    ...(opts.code ? { code: opts.code, doc_url: docUrl(opts.code) } : {}),
    message,
    ...(opts.param ? { param: opts.param } : {}),
    type: 'invalid_request_error',
  });
}

/** `No such customer: 'cus_x'`: 404 for the object in the URL, 400 for one referenced by a param. */
export function resourceMissing(label: string, id: string, param = 'id'): StripeHttpError {
  return invalidRequest(`No such ${label}: '${id}'`, {
    code: 'resource_missing',
    param,
    status: param === 'id' ? 404 : 400,
  });
}

export function parameterMissing(param: string): StripeHttpError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function idempotencyError(message: string, status = 400): StripeHttpError {
  return new StripeHttpError(status, { message, type: 'idempotency_error' });
}

/** Canned failures for `fake.failNext(path, preset)`. */
export const ERROR_PRESETS = {
  /** 500: the SDK retries it (maxNetworkRetries) with the same Idempotency-Key. */
  api_error: () =>
    new StripeHttpError(500, {
      message: 'An unknown error occurred while processing your request.',
      type: 'api_error',
    }),
  /** 429: not retried by the SDK; surfaces as StripeRateLimitError. */
  rate_limit: () =>
    new StripeHttpError(429, {
      code: 'rate_limit',
      doc_url: docUrl('rate_limit'),
      message:
        'Request rate limit exceeded. Learn more about rate limits here https://docs.stripe.com/rate-limits.',
      type: 'invalid_request_error',
    }),
  /** 409 + Stripe-Should-Retry: the SDK retries it. */
  lock_timeout: () =>
    new StripeHttpError(
      409,
      {
        code: 'lock_timeout',
        doc_url: docUrl('lock_timeout'),
        message:
          'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
        type: 'invalid_request_error',
      },
      { 'Stripe-Should-Retry': 'true' },
    ),
  /** 401: StripeAuthenticationError. */
  authentication: () =>
    new StripeHttpError(401, {
      message: 'Invalid API Key provided: sk_test_****',
      type: 'invalid_request_error',
    }),
  /** 400: StripeInvalidRequestError. */
  invalid_request: () => invalidRequest('Invalid request (injected by fake-stripe failNext).'),
  /** 402 card_declined without a PaymentIntent (use payment outcomes for realistic declines). */
  card_declined: () =>
    new StripeHttpError(402, {
      code: 'card_declined',
      decline_code: 'generic_decline',
      doc_url: docUrl('card_declined'),
      message: 'Your card was declined.',
      type: 'card_error',
    }),
} as const satisfies Record<string, () => StripeHttpError>;

export type FakeStripeErrorPreset = keyof typeof ERROR_PRESETS;

/** A custom injected failure: HTTP status plus the fields of Stripe's `error` object. */
export interface FakeStripeErrorSpec extends Partial<StripeErrorBody> {
  status: number;
  headers?: Record<string, string>;
}

export function toHttpError(spec: FakeStripeErrorPreset | FakeStripeErrorSpec): StripeHttpError {
  if (typeof spec === 'string') return ERROR_PRESETS[spec]();
  const { status, headers, ...fields } = spec;
  const type =
    fields.type ??
    (status === 402 ? 'card_error' : status >= 500 ? 'api_error' : ('invalid_request_error' as const));
  return new StripeHttpError(
    status,
    { message: `Injected ${status} error (fake-stripe failNext).`, ...fields, type },
    headers ?? {},
  );
}
