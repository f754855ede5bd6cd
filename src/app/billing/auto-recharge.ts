import { crossesThreshold } from '../../domain/ledger/index.ts';
import { minorUnitDigits, type Clock } from '../../domain/shared/index.ts';
import { cardRail, ensureStripeCustomer, startCardPurchase } from './cards.ts';
import { cardBlock } from './disputes.ts';
import type {
  Access,
  CardGateway,
  NewOutboxItem,
  Payment,
  Product,
  Repos,
  UnitOfWork,
  User,
} from '../ports/index.ts';
import { text } from '../texts.ts';
import { fanNotice } from '../system/notices.ts';
import { alertFailedPayment } from './owner-alerts.ts';
import { resolveSettings } from '../system/settings.ts';

export interface AutoRechargeDeps {
  uow: UnitOfWork;
  clock: Clock;
  cards?: CardGateway | undefined;
  /** Who hears about failed charges (holders of `payments.refund`, privately). */
  access: Access;
  /** The bot's username, for links back to it (known once the bot has started). */
  identity?: { botUsername: string };
}

/** After this many failures in a row, auto-recharge turns itself off. */
export const MAX_AUTO_RECHARGE_FAILURES = 3;
export const THRESHOLD_CHOICES = [3, 5, 10, 20, 50] as const;

/**
 * Called inside the transaction of every debit (`entryId` is its ledger entry): when it takes the balance
 * below the fan's threshold, the recharge job is enqueued in the same transaction, keyed on the entry.
 */
export async function afterDebit(
  r: Repos,
  user: Pick<User, 'id' | 'autoRechargeEnabled' | 'autoRechargeThreshold'>,
  d: { before: number; after: number; entryId: number },
): Promise<void> {
  if (
    crossesThreshold({
      enabled: user.autoRechargeEnabled,
      threshold: user.autoRechargeThreshold,
      before: d.before,
      after: d.after,
    })
  ) {
    await r.jobs.autoRecharge(user.id, `ar:${d.entryId}`);
  }
}

/**
 * Auto-recharge was just armed (turned on with a card, or a card saved while on) with the balance already
 * below the threshold: no debit will cross it, so it runs now. Keyed per minute: a double tap is one run.
 */
export async function armIfBelow(
  r: Repos,
  user: Pick<User, 'id' | 'creditBalance'>,
  a: { threshold: number | null; reason: string; now: Date },
): Promise<boolean> {
  if (a.threshold === null || user.creditBalance >= a.threshold) return false;
  await r.jobs.autoRecharge(user.id, `ar:${a.reason}:${user.id}:${Math.floor(a.now.getTime() / 60_000)}`);
  return true;
}

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

export type AutoRechargeOutcome =
  | 'charged'
  | 'disabled'
  | 'blocked'
  | 'banned'
  | 'card_blocked'
  | 'no_card'
  | 'not_needed'
  | 'capped'
  | 'authentication_required'
  | 'declined'
  | 'unavailable'
  | 'already_done'
  | 'already_pending';

/**
 * The job for one trigger: checks it still makes sense (on, a card, not blocked, still below the
 * threshold, under the monthly cap), then charges the saved card off-session once. The payment row is
 * keyed on the trigger and Stripe's call on the payment, so a job run twice charges once. The grant
 * arrives by webhook like any card payment.
 */
export async function runAutoRecharge(
  deps: AutoRechargeDeps,
  job: { userId: number; triggerKey: string },
): Promise<AutoRechargeOutcome> {
  // Card payments or auto-recharge switched off by the creator: nothing runs (fans keep their setting).
  const cards = await cardRail(deps);
  if (!cards || !resolveSettings(await deps.uow.repos.settings.all()).auto_recharge_enabled)
    return 'unavailable';
  const { repos } = deps.uow;
  const user = await repos.users.get(job.userId);
  if (!user?.autoRechargeEnabled || user.autoRechargeProductId === null) return 'disabled';
  // A fan who blocked the bot cannot be told about a charge: never charge them.
  if (user.blockedBot) return 'blocked';
  // A banned fan's messages are refused: credits would be of no use to them.
  if (user.isBanned) return 'banned';
  // A dispute turned auto-recharge off; this catches a job enqueued just before it.
  if (await cardBlock(repos, user.id)) return 'card_blocked';
  const existing = await repos.payments.findByTrigger(job.triggerKey);
  if (existing && existing.status !== 'pending') return 'already_done';

  const product = await repos.products.get(user.autoRechargeProductId);
  const sendAll = async (items: NewOutboxItem[]) => {
    await deps.uow.run((r) => r.outbox.enqueue(items));
  };
  if (!product?.active || product.kind !== 'credits' || product.priceMinor === null) {
    await repos.users.setAutoRecharge(user.id, { enabled: false });
    await sendAll([fanNotice(user.id, `ar-pack-gone:${job.triggerKey}`, text('billing-auto-pack-gone'))]);
    return 'disabled';
  }
  if (!user.stripeCustomerId || !user.stripePaymentMethodId) {
    await sendAll([fanNotice(user.id, `ar-no-card:${job.triggerKey}`, text('billing-auto-no-card'))]);
    return 'no_card';
  }
  if (!existing && user.creditBalance >= (user.autoRechargeThreshold ?? 0)) return 'not_needed';

  const now = deps.clock.now();
  const settings = resolveSettings(await repos.settings.all());
  const cap = Math.round(settings.auto_recharge_monthly_cap * 10 ** minorUnitDigits(product.currency));
  const made: Payment | 'pending' | 'capped' =
    existing ??
    (await deps.uow.run(async (r) => {
      // Under the fan's row lock, so two runs at once (two replicas, two triggers) decide one after the
      // other: the same trigger charges the payment the first run made (Stripe's idempotency key is the
      // payment id, so both calls are one charge); another trigger waits for the charge on its way.
      await r.users.getForUpdate(user.id);
      const same = await r.payments.findByTrigger(job.triggerKey);
      if (same) return same;
      if (await r.payments.pendingAutoRecharge(user.id)) return 'pending';
      const spent = await r.payments.autoRechargeTotalSince(user.id, monthStart(now));
      if (spent + product.priceMinor! > cap) return 'capped';
      return r.payments.create({
        userId: user.id,
        productId: product.id,
        rail: 'stripe',
        amount: product.priceMinor!,
        currency: product.currency,
        kind: 'credits',
        quantity: product.amount,
        origin: 'auto_recharge',
        triggerKey: job.triggerKey,
      });
    }));
  if (made === 'pending') return 'already_pending';
  if (made === 'capped') {
    const month = now.toISOString().slice(0, 7);
    await sendAll([
      fanNotice(
        user.id,
        `ar-cap:${user.id}:${month}`,
        text('billing-auto-capped', { cap: { money: { minor: cap, currency: product.currency } } }),
      ),
    ]);
    return 'capped';
  }
  if (made.status !== 'pending') return 'already_done';
  const payment = made;

  const result = await cards.chargeOffSession({
    paymentId: payment.id,
    userId: user.id,
    productId: product.id,
    customerId: user.stripeCustomerId,
    paymentMethodId: user.stripePaymentMethodId,
    amount: payment.amount,
    currency: payment.currency,
    description: `Auto-recharge: ${product.title}`,
  });
  if (result.status === 'accepted') return 'charged';
  return failed(deps, user, product, payment.id, job.triggerKey, result);
}

async function failed(
  deps: AutoRechargeDeps,
  user: User,
  product: Product,
  paymentId: number,
  triggerKey: string,
  result: { status: 'authentication_required' } | { status: 'declined'; message: string | null },
): Promise<AutoRechargeOutcome> {
  const price = { money: { minor: product.priceMinor!, currency: product.currency } };
  // Authentication: an ordinary Checkout for the same pack, which the fan confirms with their bank.
  const link =
    result.status === 'authentication_required'
      ? await startCardPurchase(deps, {
          userId: user.id,
          productId: product.id,
          botUsername: deps.identity?.botUsername ?? '',
        }).catch(() => null)
      : null;
  await deps.uow.run(async (r) => {
    // Counted once per payment: the same job run twice (a redelivery) reaches this twice.
    if (!(await r.payments.markFailed(paymentId, deps.clock.now()))) return;
    const failures = await r.users.noteAutoRechargeFailure(user.id);
    await alertFailedPayment(r, deps, {
      key: `auto-recharge:${paymentId}`,
      userId: user.id,
      paymentId,
      amount: product.priceMinor!,
      currency: product.currency,
      what: `${product.amount} credits`,
      reason:
        result.status === 'authentication_required'
          ? 'the bank asks the cardholder to confirm the payment'
          : (result.message ?? 'card declined'),
      autoRecharge: true,
    });
    const items: NewOutboxItem[] = [];
    if (result.status === 'authentication_required') {
      items.push(
        fanNotice(
          user.id,
          `ar-auth:${triggerKey}`,
          text(link?.ok ? 'billing-auto-confirm' : 'billing-auto-confirm-buy', {
            price,
            credits: product.amount,
          }),
          link?.ok
            ? { keyboard: [[{ text: text('billing-auto-confirm-button', { price }), url: link.url }]] }
            : {},
        ),
      );
    } else {
      items.push(
        fanNotice(
          user.id,
          `ar-declined:${triggerKey}`,
          result.message
            ? text('billing-auto-declined', { price, credits: product.amount, reason: result.message })
            : text('billing-auto-declined-card', { price, credits: product.amount }),
        ),
      );
    }
    if (failures >= MAX_AUTO_RECHARGE_FAILURES) {
      await r.users.setAutoRecharge(user.id, { enabled: false });
      items.push(fanNotice(user.id, `ar-off:${triggerKey}`, text('billing-auto-off', { failures })));
    }
    await r.outbox.enqueue(items);
  });
  return result.status;
}

export interface AutoRechargeView {
  /** Card payments are offered (Stripe configured, and not switched off in Settings). */
  available: boolean;
  /** The creator switched auto-recharge off (`auto_recharge_enabled`): nothing runs, nothing can be set. */
  turnedOff: boolean;
  enabled: boolean;
  product: Product | null;
  threshold: number | null;
  card: string | null;
  failures: number;
  packs: Product[];
  /** A dispute stopped card payments for this fan: auto-recharge cannot be turned on. */
  cardBlocked: boolean;
}

/** What `/autorecharge` shows: the current setting, the saved card, the packs that can be chosen. */
export async function autoRechargeStatus(deps: AutoRechargeDeps, userId: number): Promise<AutoRechargeView> {
  const { repos } = deps.uow;
  const settings = resolveSettings(await repos.settings.all());
  const user = await repos.users.get(userId);
  const packs = (await repos.products.listActive()).filter(
    (p) => p.kind === 'credits' && p.priceMinor !== null,
  );
  const product = user?.autoRechargeProductId ? await repos.products.get(user.autoRechargeProductId) : null;
  return {
    available: deps.cards !== undefined && settings.card_payments_enabled,
    turnedOff: !settings.auto_recharge_enabled,
    enabled: user?.autoRechargeEnabled ?? false,
    product,
    threshold: user?.autoRechargeThreshold ?? null,
    card: user?.stripePaymentMethodId ? user.stripeCardLabel : null,
    failures: user?.autoRechargeFailures ?? 0,
    packs,
    cardBlocked: (await cardBlock(repos, userId)) !== null,
  };
}

export type ConfigureResult =
  /** `chargingNow`: the balance was already below the threshold, so a recharge runs at once. */
  | { ok: true; saveCardUrl: string | null; chargingNow: boolean }
  | {
      ok: false;
      /** `card_blocked`: a dispute stopped card payments for this fan. */
      /** `turned_off`: the creator switched auto-recharge off in Settings (turning it off still works). */
      code:
        'unavailable' | 'turned_off' | 'unknown_pack' | 'bad_threshold' | 'card_blocked' | 'provider_error';
      detail?: string;
    };

/**
 * Turns auto-recharge on (with a pack and a threshold) or off. Turning it on without a saved card
 * returns a setup-mode Checkout link to save one; it charges nothing until the card is saved.
 */
export async function configureAutoRecharge(
  deps: AutoRechargeDeps,
  a: { userId: number; enabled: boolean; productId?: number; threshold?: number; botUsername: string },
): Promise<ConfigureResult> {
  const cards = await cardRail(deps);
  const { repos } = deps.uow;
  if (!a.enabled) {
    await repos.users.setAutoRecharge(a.userId, { enabled: false });
    return { ok: true, saveCardUrl: null, chargingNow: false };
  }
  if (!cards) return { ok: false, code: 'unavailable' };
  if (!resolveSettings(await repos.settings.all()).auto_recharge_enabled)
    return { ok: false, code: 'turned_off' };
  const product = a.productId !== undefined ? await repos.products.get(a.productId) : null;
  if (!product?.active || product.kind !== 'credits' || product.priceMinor === null)
    return { ok: false, code: 'unknown_pack' };
  if (!Number.isSafeInteger(a.threshold) || a.threshold! < 1 || a.threshold! > 10_000)
    return { ok: false, code: 'bad_threshold' };
  const user = (await repos.users.get(a.userId))!;
  const chargingNow = await deps.uow.run(async (r) => {
    const locked = (await r.users.getForUpdate(a.userId))!;
    // Under the row lock a dispute's transaction also takes: either it sees this and turns it off
    // again, or this sees its dispute.
    if (await cardBlock(r, a.userId)) return 'card_blocked' as const;
    await r.users.setAutoRecharge(a.userId, {
      enabled: true,
      productId: product.id,
      threshold: a.threshold!,
    });
    return locked.stripePaymentMethodId
      ? armIfBelow(r, locked, { threshold: a.threshold!, reason: 'on', now: deps.clock.now() })
      : false;
  });
  if (chargingNow === 'card_blocked') return { ok: false, code: 'card_blocked' };
  let saveCardUrl: string | null = null;
  if (!user.stripePaymentMethodId) {
    try {
      const customerId = await ensureStripeCustomer(repos, cards, user);
      const back = `https://t.me/${a.botUsername}?start=autorecharge`;
      const session = await cards.createSetupCheckout({
        userId: user.id,
        customerId,
        currency: product.currency,
        successUrl: back,
        cancelUrl: back,
      });
      saveCardUrl = session.url;
    } catch (err) {
      return { ok: false, code: 'provider_error', detail: err instanceof Error ? err.message : String(err) };
    }
  }
  return { ok: true, saveCardUrl, chargingNow };
}

export type KeepResult =
  | ConfigureResult
  /** The button no longer matches: the pack changed again, or auto-recharge was set up anew since. */
  | { ok: false; code: 'changed' };

/**
 * "Confirm" under the notice that paused auto-recharge after its pack changed (app/admin/products): turns
 * it on again with the same pack and threshold, only if the pack still has the terms the fan was shown.
 */
export async function keepAutoRecharge(
  deps: AutoRechargeDeps,
  a: { userId: number; productId: number; priceMinor: number; credits: number; botUsername: string },
): Promise<KeepResult> {
  const { repos } = deps.uow;
  const user = await repos.users.get(a.userId);
  const product = await repos.products.get(a.productId);
  if (!user || user.autoRechargeProductId !== a.productId || user.autoRechargeThreshold === null)
    return { ok: false, code: 'changed' };
  if (!product?.active || product.kind !== 'credits' || product.priceMinor === null)
    return { ok: false, code: 'unknown_pack' };
  if (product.priceMinor !== a.priceMinor || product.amount !== a.credits)
    return { ok: false, code: 'changed' };
  return configureAutoRecharge(deps, {
    userId: a.userId,
    enabled: true,
    productId: a.productId,
    threshold: user.autoRechargeThreshold,
    botUsername: a.botUsername,
  });
}
