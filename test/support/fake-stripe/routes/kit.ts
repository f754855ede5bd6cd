/** What every route file gets from the app: the Hono app, the state, and the shared lookups. */
import type { Hono } from 'hono';
import type Stripe from 'stripe';
import type { StripeJson } from '../fixtures.ts';
import type { FormParams } from '../form.ts';
import type { Ctx, Vars } from '../params.ts';
import type { Collection, State, Store } from '../state.ts';

export interface RouteKit {
  app: Hono<Vars>;
  state: State;
  store: Store;
  /** The request an event records (`request.id`, `request.idempotency_key`). */
  requestRef: (c: Ctx) => Stripe.Event.Request;
  /** A stored object, or Stripe's `resource_missing` error. */
  mustGet: (collection: Collection, id: string, label: string, param?: string) => StripeJson;
}

/** Shared between resources: a customer's cards are listed by both routes. */
export type ListPaymentMethods = (c: Ctx, customerId: string | undefined, urlPath: string) => Response;
/** A stored PaymentMethod, or a fresh one for a test token such as `pm_card_visa`. */
export type ResolvePaymentMethod = (id: string, param: string) => StripeJson;
/** A Price from params (`price_data` in a checkout, or `POST /v1/prices`). */
export type CreatePrice = (p: FormParams, prefix: string, productId: string | undefined) => StripeJson;
