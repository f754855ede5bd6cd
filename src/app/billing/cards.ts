import { formatMoney, type Clock } from '../../domain/shared/index.ts';
import { cardBlock } from './disputes.ts';
import { resolveSettings } from '../system/settings.ts';
import { productDescription } from './stars.ts';
import type { Access, CardGateway, Payment, Repos, UnitOfWork, User } from '../ports/index.ts';

export interface CardPaymentDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Absent when Stripe is not configured: card payments answer `unavailable`. */
  cards?: CardGateway | undefined;
  access: Access;
}

/**
 * Stripe when card payments are offered: configured (`STRIPE_SECRET_KEY`) and not switched off by the
 * creator (`card_payments_enabled`, read from the settings cache). Null: the card rail is hidden, as if
 * Stripe were not configured.
 */
export async function cardRail(deps: {
  uow: UnitOfWork;
  cards?: CardGateway | undefined;
}): Promise<CardGateway | null> {
  if (!deps.cards) return null;
  const { card_payments_enabled } = resolveSettings(await deps.uow.repos.settings.all());
  return card_payments_enabled ? deps.cards : null;
}

/** The fan's Stripe Customer, created the first time they need one (keyed on our user id, so once). */
export async function ensureStripeCustomer(repos: Repos, cards: CardGateway, user: User): Promise<string> {
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const created = await cards.createCustomer({
    userId: user.id,
    name: [user.firstName, user.lastName].filter(Boolean).join(' '),
    username: user.username,
  });
  return repos.users.setStripeCustomer(user.id, created);
}

/** Where Stripe sends the fan back: the bot's chat, which answers with the payment's status. */
const paidDeepLink = (botUsername: string, paymentId: number) =>
  `https://t.me/${botUsername}?start=paid_${paymentId}`;

export type CardPurchaseResult =
  | { ok: true; paymentId: number; url: string; price: string; title: string }
  | {
      ok: false;
      /** `card_blocked`: a dispute stopped card payments for this fan (Telegram Stars still work). */
      code: 'unavailable' | 'unknown_product' | 'not_for_card' | 'banned' | 'card_blocked' | 'provider_error';
      detail?: string;
    };

/** A Checkout page is offered again while it stays open this long (Stripe closes sessions after 24 h). */
const CHECKOUT_REUSE_MIN_LEFT_MS = 60 * 60_000;
/** Older pending payments are not looked at (Stripe forgets idempotency keys after 24 h). */
const CHECKOUT_REUSE_MAX_AGE_MS = 23 * 3600_000;

/**
 * A fan pays by card: their Stripe Customer (created once, lazily), a pending payment row, and a
 * Checkout Session for it, each Stripe call keyed on our ids so a retry never makes a second one.
 * Another tap on the same product, at the same price, while that page is open returns the same page:
 * the row is found or made under the fan's row lock (two taps at once agree on one row), and Stripe is
 * called after that short transaction, keyed on the row, so concurrent taps get one session.
 */
export async function startCardPurchase(
  deps: CardPaymentDeps,
  a: { userId: number; productId: number; botUsername: string },
): Promise<CardPurchaseResult> {
  const cards = await cardRail(deps);
  if (!cards) return { ok: false, code: 'unavailable' };
  const { repos } = deps.uow;
  const product = await repos.products.get(a.productId);
  if (!product?.active || product.kind === 'unlock') return { ok: false, code: 'unknown_product' };
  const priceMinor = product.priceMinor;
  if (priceMinor === null) return { ok: false, code: 'not_for_card' };
  const user = await repos.users.get(a.userId);
  if (!user) return { ok: false, code: 'unknown_product' };
  if (user.isBanned) return { ok: false, code: 'banned' };
  const dispute = await cardBlock(repos, user.id);
  if (dispute)
    return { ok: false, code: 'card_blocked', detail: `dispute ${dispute.id} (${dispute.status})` };
  const view = { price: formatMoney(priceMinor, product.currency), title: product.title };
  let paymentId: number | null = null;
  try {
    const customerId = await ensureStripeCustomer(repos, cards, user);
    const now = deps.clock.now().getTime();
    const terms = {
      userId: user.id,
      productId: product.id,
      amount: priceMinor,
      currency: product.currency,
      kind: product.kind,
      quantity: product.amount,
    };
    const payment = await deps.uow.run(async (r) => {
      await r.users.getForUpdate(user.id);
      const open = await r.payments.findOpenCheckout({
        ...terms,
        createdSince: new Date(now - CHECKOUT_REUSE_MAX_AGE_MS),
        openUntil: new Date(now + CHECKOUT_REUSE_MIN_LEFT_MS),
      });
      return open ?? r.payments.create({ ...terms, rail: 'stripe', origin: 'checkout' });
    });
    if (payment.checkoutUrl) return { ok: true, paymentId: payment.id, url: payment.checkoutUrl, ...view };
    paymentId = payment.id;
    const link = paidDeepLink(a.botUsername, payment.id);
    const session = await cards.createCheckout({
      paymentId: payment.id,
      userId: user.id,
      productId: product.id,
      customerId,
      title: product.title,
      description: productDescription(product),
      amount: payment.amount,
      currency: payment.currency,
      stripePriceId: product.stripePriceId,
      successUrl: link,
      cancelUrl: link,
    });
    await repos.payments.attachCheckout(payment.id, session);
    return { ok: true, paymentId: payment.id, url: session.url, ...view };
  } catch (err) {
    // No page was made for it: the payment can never be paid, so it does not stay open.
    if (paymentId !== null) await repos.payments.markFailed(paymentId, deps.clock.now()).catch(() => false);
    return { ok: false, code: 'provider_error', detail: err instanceof Error ? err.message : String(err) };
  }
}

export type PaymentStatusView =
  | { found: false }
  | { found: true; payment: Payment; title: string; price: string; balance: number; passUntil: Date | null };

/** The fan's own payment, for the `paid_<id>` deep link Stripe sends them back with. */
export async function paymentStatus(
  deps: CardPaymentDeps,
  a: { userId: number; paymentId: number },
): Promise<PaymentStatusView> {
  const { repos } = deps.uow;
  const payment = Number.isSafeInteger(a.paymentId) ? await repos.payments.get(a.paymentId) : null;
  if (!payment || payment.userId !== a.userId) return { found: false };
  const product = await repos.products.get(payment.productId);
  const user = (await repos.users.get(a.userId))!;
  return {
    found: true,
    payment,
    title: product?.title ?? 'your purchase',
    price: payment.rail === 'stars' ? `⭐ ${payment.amount}` : formatMoney(payment.amount, payment.currency),
    balance: user.creditBalance,
    passUntil: user.timePassUntil,
  };
}

export type PortalResult =
  | { ok: true; url: string }
  | { ok: false; code: 'unavailable' | 'no_customer' | 'provider_error'; detail?: string };

/** `/billing`: a Customer Portal session (saved cards, receipts) for a fan who has paid by card. */
export async function billingPortal(
  deps: CardPaymentDeps,
  a: { userId: number; botUsername: string },
): Promise<PortalResult> {
  const cards = await cardRail(deps);
  if (!cards) return { ok: false, code: 'unavailable' };
  const user = await deps.uow.repos.users.get(a.userId);
  if (!user?.stripeCustomerId) return { ok: false, code: 'no_customer' };
  try {
    const portal = await cards.createPortal({
      customerId: user.stripeCustomerId,
      returnUrl: `https://t.me/${a.botUsername}`,
    });
    return { ok: true, url: portal.url };
  } catch (err) {
    return { ok: false, code: 'provider_error', detail: err instanceof Error ? err.message : String(err) };
  }
}

export type CardRefundResult =
  | { ok: true; amount: string; refundId: string }
  | {
      ok: false;
      code: 'not_admin' | 'unknown_payment' | 'not_refundable' | 'unavailable' | 'provider_error';
      detail?: string;
    };

/**
 * An admin refunds a card payment: Stripe is asked (keyed on the payment, so a double tap refunds once)
 * and the clawback follows from the `charge.refunded` webhook, like a refund made in the dashboard.
 */
export async function refundCardPayment(
  deps: CardPaymentDeps & { uow: UnitOfWork },
  a: { adminId: number; userId: number; paymentId: number },
): Promise<CardRefundResult> {
  if (!(await deps.access.can(a.adminId, 'payments.refund'))) return { ok: false, code: 'not_admin' };
  const p = await deps.uow.repos.payments.get(a.paymentId);
  if (!p || p.userId !== a.userId || p.rail !== 'stripe')
    return { ok: false, code: 'unknown_payment', detail: `no card payment #${a.paymentId} of this fan` };
  if (p.status !== 'paid' || !p.providerChargeId)
    return { ok: false, code: 'not_refundable', detail: `payment #${p.id} is ${p.status}` };
  if (!deps.cards) return { ok: false, code: 'unavailable', detail: 'Stripe is not configured' };
  try {
    const refund = await deps.cards.refund({ paymentId: p.id, paymentIntentId: p.providerChargeId });
    await deps.uow.repos.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'refund_card',
      details: {
        paymentId: p.id,
        paymentIntent: p.providerChargeId,
        refund: refund.id,
        status: refund.status,
      },
    });
    return { ok: true, amount: formatMoney(p.amount - p.refundedAmount, p.currency), refundId: refund.id };
  } catch (err) {
    return { ok: false, code: 'provider_error', detail: err instanceof Error ? err.message : String(err) };
  }
}
