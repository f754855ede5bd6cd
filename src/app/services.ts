import type { Clock } from '../domain/shared/index.ts';
import { beginUpdate, getBalance } from './accounts.ts';
import { flushAlbum, type AlbumFlushJob } from './albums.ts';
import { historyCsv, historyPage } from './history.ts';
import { listCatalog, seedDefaultCatalog } from './catalog.ts';
import * as admin from './admin-actions.ts';
import type { RenderTimings } from './refresh.ts';
import { runHousekeeping } from './housekeeping.ts';
import * as purchases from './purchases.ts';
import * as cardPayments from './card-payments.ts';
import { applyStripeEvent } from './stripe-events.ts';
import { detachCard } from './disputes.ts';
import * as autoRecharge from './auto-recharge.ts';
import { refundPayment, retryStarsRefund } from './refunds.ts';
import * as updates from './updates.ts';
import * as support from './support.ts';
import * as inbox from './payment-inbox.ts';
import { sendPassNotice } from './pass-notices.ts';
import { checkLedgerIntegrity } from './ledger.ts';
import * as edits from './edits.ts';
import { setFanBlocked, type FanBlockChange } from './fan-state.ts';
import * as groups from './groups.ts';
import { createContentServices } from './content/index.ts';
import { acceptAdminMessage, acceptFanMessage, type AdminMessage, type FanMessage } from './relay.ts';
import { claimAlertSlot, claimOnce } from './once.ts';
import { hitRateLimit, type RateLimitBucket } from './rate-limits.ts';
import type { CardGateway, StarsRefunds, TelegramProfile, UnitOfWork } from './ports.ts';
import { resolveSettings } from './settings.ts';

export interface ServiceDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminGroupId: number | null;
  adminUserIds: number[];
  outboxSignal: { notify(): void };
  /** The quiet time that closes an album (default 1.5 s; tests may shorten it). */
  albumWindowMs?: number;
  renderTimings?: RenderTimings;
  /** Telegram's `refundStarPayment` (absent where no bot is wired). */
  starsRefunds?: StarsRefunds;
  /** Stripe (absent when `STRIPE_SECRET_KEY` is not set: card payments are off). */
  cards?: CardGateway | undefined;
  /** The bot's username once it is known (links back to the bot from jobs). */
  identity?: { botUsername: string };
}

/** The use cases with their dependencies bound: what adapters (bot, HTTP, workers) call. */
export function createServices(deps: ServiceDeps) {
  return {
    /** The update lifecycle (bot/middlewares/update-lifecycle.ts). */
    updates: {
      begin: (updateId: number, profile: TelegramProfile | null, opts?: { privateMessage?: boolean }) =>
        beginUpdate(deps, updateId, profile, opts),
      claim: (updateId: number) => updates.claimUpdate(deps, updateId),
      noteFailure: (a: Parameters<typeof updates.noteUpdateFailure>[1]) => updates.noteUpdateFailure(deps, a),
    },
    /** `/paysupport`: free, marked messages to the team (app/support.ts). */
    support: {
      await: (userId: number) => support.awaitSupportMessage(deps, userId),
      send: (m: Parameters<typeof support.sendSupportMessage>[1]) => support.sendSupportMessage(deps, m),
      takeAwaited: (
        m: Parameters<typeof support.takeAwaitedSupportMessage>[1],
        user: Parameters<typeof support.takeAwaitedSupportMessage>[2],
      ) => support.takeAwaitedSupportMessage(deps, m, user),
    },
    /** Telegram payment updates: stored first (the payment inbox), applied by a retried job. */
    payments: {
      receive: (p: updates.IncomingPaymentUpdate) => updates.receivePaymentUpdate(deps, p),
      applyUpdate: (inboxId: number) => inbox.applyPaymentUpdate(deps, inboxId),
      noteRetry: (a: { inboxId: number; error: string }) => inbox.notePaymentUpdateRetry(deps, a),
      gaveUp: (a: { inboxId: number; error: string }) => inbox.paymentUpdateGaveUp(deps, a),
    },
    getBalance: (userId: number) => getBalance(deps, userId),
    listCatalog: () => listCatalog(deps),
    seedDefaultCatalog: () => seedDefaultCatalog(deps),
    getSettings: async () => resolveSettings(await deps.uow.repos.settings.all()),
    claimOnce: (key: string) => claimOnce(deps, key),
    claimAlertSlot: (kind: string) => claimAlertSlot(deps, kind),
    /** Free commands and buttons, counted per user across replicas (see app/rate-limits.ts). */
    limits: {
      hit: (userId: number, bucket: RateLimitBucket) => hitRateLimit(deps, userId, bucket),
    },
    runHousekeeping: () => runHousekeeping(deps),
    acceptFanMessage: (msg: FanMessage) => acceptFanMessage(deps, msg),
    acceptAdminMessage: (msg: AdminMessage) => acceptAdminMessage(deps, msg),
    flushAlbum: (job: AlbumFlushJob) => flushAlbum(deps, job),
    mirrorFanEdit: (edit: edits.FanEdit) => edits.mirrorFanEdit(deps, edit),
    mirrorAdminEdit: (edit: edits.AdminEdit) => edits.mirrorAdminEdit(deps, edit),
    findReplyToDelete: (req: edits.ReplyDeletionRequest) => edits.findReplyToDelete(deps, req),
    setFanBlocked: (change: FanBlockChange) => setFanBlocked(deps, change),
    checkLedger: () => checkLedgerIntegrity(deps),
    history: {
      page: (userId: number, page: number) => historyPage(deps, { userId, page }),
      csv: (userId: number) => historyCsv(deps, userId),
    },
    sendPassNotice: (n: Parameters<typeof sendPassNotice>[1]) => sendPassNotice(deps, n),
    purchases: {
      start: (a: Parameters<typeof purchases.startStarsPurchase>[1]) => purchases.startStarsPurchase(deps, a),
      findCreditPack: (credits: number) => purchases.findCreditPack(deps, credits),
      preCheckout: (q: Parameters<typeof purchases.checkStarsPreCheckout>[1]) =>
        purchases.checkStarsPreCheckout(deps, q),
    },
    /** Card payments (Stripe): checkout, the payment status deep link, the billing portal, webhooks. */
    billing: {
      enabled: deps.cards !== undefined,
      startCheckout: (a: Parameters<typeof cardPayments.startCardPurchase>[1]) =>
        cardPayments.startCardPurchase(deps, a),
      paymentStatus: (a: Parameters<typeof cardPayments.paymentStatus>[1]) =>
        cardPayments.paymentStatus(deps, a),
      portal: (a: Parameters<typeof cardPayments.billingPortal>[1]) => cardPayments.billingPortal(deps, a),
      applyEvent: (e: Parameters<typeof applyStripeEvent>[1]) => applyStripeEvent(deps, e),
      /** The `stripe-detach` job: a saved card removed in Stripe after the transaction that forgot it. */
      detachCard: (job: Parameters<typeof detachCard>[1], attempt: Parameters<typeof detachCard>[2]) =>
        detachCard(deps, job, attempt),
    },
    autoRecharge: {
      status: (userId: number) => autoRecharge.autoRechargeStatus(deps, userId),
      configure: (a: Parameters<typeof autoRecharge.configureAutoRecharge>[1]) =>
        autoRecharge.configureAutoRecharge(deps, a),
      run: (job: Parameters<typeof autoRecharge.runAutoRecharge>[1]) =>
        autoRecharge.runAutoRecharge(deps, job),
    },
    content: createContentServices(deps),
    /** Groups and channels the bot is added to: the admin group, one waiting for setup, or leave. */
    groups: {
      botJoined: (a: Parameters<typeof groups.botJoinedGroup>[1]) => groups.botJoinedGroup(deps, a),
      botLeft: (chatId: number) => groups.botLeftGroup(deps, chatId),
      check: (chatId: number) => groups.checkGroup(deps, chatId),
    },
    admin: {
      giftCredits: (a: Parameters<typeof admin.giftCredits>[1]) => admin.giftCredits(deps, a),
      giftPass: (a: Parameters<typeof admin.giftPass>[1]) => admin.giftPass(deps, a),
      setBan: (a: Parameters<typeof admin.setBan>[1]) => admin.setBan(deps, a),
      addNote: (a: Parameters<typeof admin.addNote>[1]) => admin.addNote(deps, a),
      setTopicOpen: (a: Parameters<typeof admin.setTopicOpen>[1]) => admin.setTopicOpen(deps, a),
      fanInfo: (a: Parameters<typeof admin.fanInfo>[1]) => admin.fanInfo(deps, a),
      /** `/refund <id>`, on whichever rail the payment was made. */
      refund: (a: Parameters<typeof refundPayment>[1]) => refundPayment(deps, a),
      /** The job behind a `/refund` whose answer from Telegram was lost. */
      retryStarsRefund: (job: Parameters<typeof retryStarsRefund>[1]) => retryStarsRefund(deps, job),
      /** The fan whose topic this is, if any. */
      fanOfTopic: async (groupId: number, threadId: number) =>
        (await deps.uow.repos.topics.findByThread(groupId, threadId))?.userId ?? null,
    },
  };
}

export type Services = ReturnType<typeof createServices>;
