import type Stripe from 'stripe';
import type { User } from 'grammy/types';
import type { RenderTimings } from '../../src/app/relay/refresh.ts';
import { createUnitOfWork } from '../../src/db/repos/index.ts';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import { eventually, startForumApp, type TestApp } from './app.ts';
import { signEvent, signPayload } from './fake-stripe/events.ts';
import { startFakeStripe, type FakeStripe } from './fake-stripe/index.ts';
import type { FakeTelegram } from './fake-telegram/index.ts';
import { SENTINELS } from './sentinels.ts';
import { callbackQuery, command } from './updates.ts';
import { en } from './i18n.ts';

export const STRIPE_KEY = SENTINELS.stripeSecretKey;
export const STRIPE_WEBHOOK_SECRET = SENTINELS.stripeWebhookSecret;

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };

/**
 * The relay stack plus a fake Stripe server, with the app's Stripe SDK pointed at it. `env` overrides
 * the app's environment (`ADMIN_GROUP_ID: undefined`: owners are alerted privately).
 */
export async function startStripeApp(
  opts: { renderTimings?: RenderTimings; env?: Record<string, string | undefined> } = {},
) {
  const stripe = await startFakeStripe();
  const stack = await startForumApp({
    env: {
      STRIPE_SECRET_KEY: STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.apiBase,
      ...opts.env,
    },
    ...(opts.renderTimings ? { renderTimings: opts.renderTimings } : {}),
  });
  /** An SDK client on the fake, for what the creator does in the Stripe dashboard (refunds…). */
  const dashboard = createStripeClient({ secretKey: STRIPE_KEY, apiBase: stripe.apiBase });
  return {
    ...stack,
    stripe,
    dashboard,
    async stop() {
      await stack.stop();
      await stripe.close();
    },
  };
}

/** POSTs a body to /stripe-webhook as Stripe does (or with a chosen signature header). */
export function postStripeBody(t: TestApp, payload: string, signature: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (signature !== null) headers['stripe-signature'] = signature;
  return fetch(`${t.baseUrl}/stripe-webhook`, { method: 'POST', headers, body: payload });
}

/** Signs and POSTs one event exactly as Stripe would. */
export function postStripeEvent(
  t: TestApp,
  event: Stripe.Event,
  opts: { secret?: string; timestamp?: number } = {},
): Promise<Response> {
  const { payload, signature } = signEvent(event, opts.secret ?? STRIPE_WEBHOOK_SECRET, opts.timestamp);
  return postStripeBody(t, payload, signature);
}

export { signPayload };

/**
 * Delivers the events the fake recorded since `from` (by default, all not delivered yet by this
 * helper), in order, and waits until the worker has processed each of them.
 */
export function eventCursor(t: TestApp, stripe: FakeStripe) {
  let next = 0;
  return {
    /** Events recorded but not delivered yet. */
    pending: () => stripe.events.slice(next),
    async deliver(filter?: (e: Stripe.Event) => boolean): Promise<Stripe.Event[]> {
      const batch = stripe.events.slice(next);
      next = stripe.events.length;
      const sent = filter ? batch.filter(filter) : batch;
      for (const e of sent) {
        const res = await postStripeEvent(t, e);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status} to ${e.type}`);
      }
      for (const e of sent) await processed(t, e.id);
      return sent;
    },
    skip() {
      next = stripe.events.length;
    },
  };
}

/** Waits until the worker recorded the event (applied, duplicate or ignored); returns the outcome. */
export async function processed(t: TestApp, eventId: string): Promise<string> {
  const uow = createUnitOfWork(t.db.database);
  const row = await eventually(() => uow.repos.stripeEvents.get(eventId), 10_000, `stripe event ${eventId}`);
  return row.outcome;
}

/** The fan taps a 💳 price in /buy; returns the Checkout Session the app created and the link it sent. */
export async function buyByCard(
  t: TestApp,
  fake: FakeTelegram,
  stripe: FakeStripe,
  fan: User,
  productTitle = '10 credits',
) {
  await t.post(command(fan, '/buy'));
  // The catalogue: not simply the last message (a notice of an earlier payment may land after it).
  const catalogTitle = en('billing-catalog-title');
  const catalog = fake
    .callsTo('sendMessage')
    .filter((c) => c.payload.chat_id === fan.id && String(c.payload.text).startsWith(catalogTitle))
    .at(-1)!;
  const rows = (catalog.payload.reply_markup as Keyboard).inline_keyboard;
  const row = rows.find((r) => r[0]!.text.endsWith(`· ${productTitle}`))!;
  const card = row[1]!;
  const before = stripe.objects.checkoutSessions.size;
  await t.post(callbackQuery(fan, card.callback_data!, fake.messagesIn(fan.id).at(-1)!));
  const link = await eventually(
    () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.payload.chat_id === fan.id && String(c.payload.text).startsWith('💳'))
        .at(-1),
    5000,
    'checkout link',
  );
  if (stripe.objects.checkoutSessions.size !== before + 1) throw new Error('no checkout session created');
  const session = [...stripe.objects.checkoutSessions.values()].at(-1)!;
  const url = (link.payload.reply_markup as Keyboard).inline_keyboard[0]![0]!.url!;
  return { session, url, cardButton: card, paymentId: Number(session.metadata!.payment_id) };
}
