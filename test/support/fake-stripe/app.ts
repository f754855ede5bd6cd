/** The fake Stripe's HTTP app: call recording, auth, injected failures and idempotency, then the routes. */
import type Stripe from 'stripe';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { idempotencyError, invalidRequest, resourceMissing, StripeHttpError, toHttpError } from './errors.ts';
import type { StripeJson } from './fixtures.ts';
import { canonicalJson, parseStripeForm } from './form.ts';
import { newId } from './ids.ts';
import type { Ctx, Vars } from './params.ts';
import { balanceRoutes } from './routes/balance.ts';
import { billingPortalRoutes } from './routes/billing-portal.ts';
import { chargeRoutes, disputeRoutes } from './routes/charges.ts';
import { checkoutRoutes } from './routes/checkout.ts';
import { customerRoutes } from './routes/customers.ts';
import { paymentIntentRoutes } from './routes/payment-intents.ts';
import { paymentMethodRoutes } from './routes/payment-methods.ts';
import { productRoutes } from './routes/products.ts';
import type { State } from './state.ts';
import { type Collection, type FakeStripeCall, type IdempotencyEntry } from './state.ts';

function authError(message: string): StripeHttpError {
  return new StripeHttpError(401, { message, type: 'invalid_request_error' });
}

function apiKeyOf(header: string | undefined): string {
  if (!header) {
    throw authError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://docs.stripe.com/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  let key = '';
  if (/^Bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^Basic /i.test(header))
    key = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? '';
  if (!/^(sk|rk)_test_\w+$/.test(key)) {
    const masked = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;
    throw authError(`Invalid API Key provided: ${masked} (the fake accepts test-mode keys only)`);
  }
  return key;
}

function renderError(c: Ctx, err: StripeHttpError): Response {
  const requestId = c.get('requestId');
  for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
  const body = {
    error: {
      ...err.body,
      ...(requestId ? { request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } : {}),
    },
  };
  return c.json(body, err.status as ContentfulStatusCode);
}

export function createApp(state: State): Hono<Vars> {
  const app = new Hono<Vars>();
  const { store } = state;

  app.onError((err, c) => {
    if (err instanceof StripeHttpError) return renderError(c, err);
    c.header('Stripe-Should-Retry', 'false');
    return renderError(
      c,
      new StripeHttpError(500, { message: `fake-stripe internal error: ${err.message}`, type: 'api_error' }),
    );
  });

  app.notFound((c) =>
    renderError(
      c,
      invalidRequest(
        `Unrecognized request URL (${c.req.method}: ${c.req.path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
        { status: 404 },
      ),
    ),
  );

  // Outermost: record the call and its final status.
  app.use('*', async (c, next) => {
    const requestId = newId('request');
    c.set('requestId', requestId);
    c.header('Request-Id', requestId);
    const stripeVersion = c.req.header('stripe-version');
    if (stripeVersion) c.header('Stripe-Version', stripeVersion);
    const idempotencyKey = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
    c.set('idempotencyKey', idempotencyKey);
    if (idempotencyKey) c.header('Idempotency-Key', idempotencyKey);

    const query = new URL(c.req.url).search;
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
    const params = { ...parseStripeForm(query), ...parseStripeForm(body) };
    c.set('params', params);
    const call: FakeStripeCall = {
      method: c.req.method,
      path: c.req.path,
      params,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(stripeVersion ? { stripeVersion } : {}),
      status: 0,
    };
    state.calls.push(call);
    await next();
    call.status = c.res.status;
    if (c.res.headers.get('Idempotent-Replayed') === 'true') call.replayed = true;
  });

  // Auth, injected failures, idempotency.
  app.use('*', async (c, next) => {
    let apiKey: string;
    try {
      apiKey = apiKeyOf(c.req.header('authorization'));
      const rule = state.failures.find(
        (r) =>
          (typeof r.path === 'string' ? r.path === c.req.path : r.path.test(c.req.path)) &&
          (r.method === undefined || r.method.toUpperCase() === c.req.method),
      );
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) state.failures.splice(state.failures.indexOf(rule), 1);
        throw toHttpError(rule.error);
      }
    } catch (err) {
      if (err instanceof StripeHttpError) return renderError(c, err);
      throw err;
    }

    const key = c.var.idempotencyKey;
    if (!key) return next();
    if (key.length > 255) {
      return renderError(c, idempotencyError('Idempotency key length too long (max 255 characters).'));
    }
    const scope = `${apiKey}\u0000${key}`;
    const fingerprint = canonicalJson(c.var.params);
    const seen = state.idempotency.get(scope);
    if (seen) {
      if (seen.method !== c.req.method || seen.path !== c.req.path) {
        return renderError(
          c,
          idempotencyError(
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${seen.method} ${seen.path}' vs '${c.req.method} ${c.req.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      if (seen.fingerprint !== fingerprint) {
        return renderError(
          c,
          idempotencyError(
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      if (!seen.response) {
        return renderError(
          c,
          idempotencyError(
            `There is currently another in-progress request using this Stripe-Idempotency-Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
            409,
          ),
        );
      }
      c.header('Idempotent-Replayed', 'true');
      c.header('Original-Request', seen.response.requestId);
      c.header('Content-Type', 'application/json');
      return c.body(seen.response.body, seen.response.status as ContentfulStatusCode);
    }
    const entry: IdempotencyEntry = { method: c.req.method, path: c.req.path, fingerprint };
    state.idempotency.set(scope, entry);
    await next();
    // Like Stripe: keep results of requests that executed (success, or a decline that created
    // objects); drop validation errors and unknown routes so the key can be used again.
    const status = c.res.status;
    if ((status >= 200 && status < 300) || status === 402) {
      entry.response = { status, body: await c.res.clone().text(), requestId: c.var.requestId };
    } else {
      state.idempotency.delete(scope);
    }
  });

  const requestRef = (c: Ctx): Stripe.Event.Request => ({
    id: c.var.requestId,
    idempotency_key: c.var.idempotencyKey ?? null,
  });

  const mustGet = (collection: Collection, id: string, label: string, param = 'id'): StripeJson => {
    const found = store[collection].get(id);
    if (!found) throw resourceMissing(label, id, param);
    return found;
  };

  const kit = { app, state, store, requestRef, mustGet };
  const { listPaymentMethods } = customerRoutes(kit);
  const { resolvePaymentMethod } = paymentMethodRoutes({ ...kit, listPaymentMethods });
  const { createPrice } = productRoutes(kit);
  checkoutRoutes({ ...kit, createPrice });
  billingPortalRoutes(kit);
  paymentIntentRoutes({ ...kit, resolvePaymentMethod });
  chargeRoutes(kit);
  disputeRoutes(kit);
  balanceRoutes(kit);

  return app;
}
