import type { CardGateway, StarsRefunds } from '../ports/index.ts';
import type { IncomingPaymentUpdate } from '../system/updates.ts';
import { receivePaymentUpdate } from '../system/updates.ts';
import * as autoRecharge from './auto-recharge.ts';
import * as cards from './cards.ts';
import { listCatalog, productForLink, seedDefaultCatalog } from './catalog.ts';
import { detachCard } from './disputes.ts';
import { sendPassNotice } from './pass-notices.ts';
import * as inbox from './payment-inbox.ts';
import { refundPayment, retryStarsRefund, type RefundDeps } from './refunds.ts';
import * as stars from './stars.ts';
import { applyStripeEvent, type StripeEventDeps } from './stripe/events.ts';

export type BillingDeps = RefundDeps &
  StripeEventDeps &
  cards.CardPaymentDeps &
  autoRecharge.AutoRechargeDeps & {
    starsRefunds?: StarsRefunds | undefined;
    cards?: CardGateway | undefined;
    /** Owners (`ADMIN_USER_IDS`), passed on to system/updates and the payment inbox. */
    adminUserIds: number[];
  };

/** Selling: the catalog, Stars and card payments, the payment inbox, refunds, auto-recharge, passes. */
export function createBillingServices(deps: BillingDeps) {
  return {
    listCatalog: () => listCatalog(deps),
    seedDefaultCatalog: () => seedDefaultCatalog(deps),
    /** Telegram payment updates: stored first (the payment inbox), applied by a retried job. */
    payments: {
      receive: (p: IncomingPaymentUpdate) => receivePaymentUpdate(deps, p),
      applyUpdate: (inboxId: number) => inbox.applyPaymentUpdate(deps, inboxId),
      noteRetry: (a: { inboxId: number; error: string }) => inbox.notePaymentUpdateRetry(deps, a),
      gaveUp: (a: { inboxId: number; error: string }) => inbox.paymentUpdateGaveUp(deps, a),
    },
    sendPassNotice: (n: Parameters<typeof sendPassNotice>[1]) => sendPassNotice(deps, n),
    purchases: {
      start: (a: Parameters<typeof stars.startStarsPurchase>[1]) => stars.startStarsPurchase(deps, a),
      findCreditPack: (credits: number) => stars.findCreditPack(deps, credits),
      /** The pack or pass of a `start=buy_<product>` link, if it is on sale. */
      forLink: (productId: number) => productForLink(deps, productId),
      preCheckout: (q: Parameters<typeof stars.checkStarsPreCheckout>[1]) =>
        stars.checkStarsPreCheckout(deps, q),
    },
    /** Card payments (Stripe): checkout, the payment status deep link, the billing portal, webhooks. */
    billing: {
      /** Stripe is configured (the command menus and Settings ask this). */
      enabled: deps.cards !== undefined,
      /** Card payments are offered now: configured and not switched off in Settings (cached read). */
      cardsOn: async () => (await cards.cardRail(deps)) !== null,
      startCheckout: (a: Parameters<typeof cards.startCardPurchase>[1]) => cards.startCardPurchase(deps, a),
      paymentStatus: (a: Parameters<typeof cards.paymentStatus>[1]) => cards.paymentStatus(deps, a),
      portal: (a: Parameters<typeof cards.billingPortal>[1]) => cards.billingPortal(deps, a),
      applyEvent: (e: Parameters<typeof applyStripeEvent>[1]) => applyStripeEvent(deps, e),
      /** The `stripe-detach` job: a saved card removed in Stripe after the transaction that forgot it. */
      detachCard: (job: Parameters<typeof detachCard>[1], attempt: Parameters<typeof detachCard>[2]) =>
        detachCard(deps, job, attempt),
    },
    autoRecharge: {
      status: (userId: number) => autoRecharge.autoRechargeStatus(deps, userId),
      configure: (a: Parameters<typeof autoRecharge.configureAutoRecharge>[1]) =>
        autoRecharge.configureAutoRecharge(deps, a),
      /** Confirm under the notice a pack change sent (the pack's new terms). */
      keep: (a: Parameters<typeof autoRecharge.keepAutoRecharge>[1]) =>
        autoRecharge.keepAutoRecharge(deps, a),
      run: (job: Parameters<typeof autoRecharge.runAutoRecharge>[1]) =>
        autoRecharge.runAutoRecharge(deps, job),
    },
    refunds: {
      /** `/refund <id>`, on whichever rail the payment was made. */
      refund: (a: Parameters<typeof refundPayment>[1]) => refundPayment(deps, a),
      /** The job behind a `/refund` whose answer from Telegram was lost. */
      retryStarsRefund: (job: Parameters<typeof retryStarsRefund>[1]) => retryStarsRefund(deps, job),
    },
  };
}
