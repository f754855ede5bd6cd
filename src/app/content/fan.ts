import type { ContentItem, Repos } from '../ports/index.ts';
import { scheduleCardRender } from '../relay/refresh.ts';
import type { ContentDeps } from './deps.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';
import { deliveryItem, mediaCounts, previewItem, retirePreviewItem, type ContentKeyboards } from './send.ts';
import { invoicePayload } from '../billing/stars.ts';
import { afterDebit } from '../billing/auto-recharge.ts';
import { resolveSettings } from '../system/settings.ts';
import { promotionNotice } from '../accounts/promotion.ts';

/** Items per page of the fan's list: each is a message, and a private chat takes about one a second. */
export const BROWSE_PAGE_SIZE = 5;
/** Taps on "send again" (or on unlock, for an item already owned) inside this window send once. */
export const RESEND_WINDOW_MS = 10_000;

export type BrowseResult =
  | { ok: true; total: number; page: number; pages: number }
  | { ok: false; code: 'banned' }
  /** The creator switched premium content off (`premium_content_enabled`). */
  | { ok: false; code: 'off' };

/** Premium content is on sale (`premium_content_enabled`, read from the settings cache). */
const premiumOn = async (deps: ContentDeps) =>
  resolveSettings(await deps.uow.repos.settings.all()).premium_content_enabled;

/**
 * A page of the fan's list (items on sale and those they own) as outbox items in their private lane:
 * the previews in order, then a footer with the page buttons. `key` names this request (the command's
 * message or the button press), so a redelivered update queues nothing twice.
 */
export async function browseContent(
  deps: ContentDeps,
  a: { userId: number; page: number; key: string; keyboards: ContentKeyboards },
): Promise<BrowseResult> {
  if (!(await premiumOn(deps))) return { ok: false, code: 'off' };
  const res = await deps.uow.run(async (r): Promise<BrowseResult> => {
    if ((await r.users.get(a.userId))?.isBanned) return { ok: false, code: 'banned' };
    const total = await r.content.countForFan(a.userId);
    const pages = Math.max(1, Math.ceil(total / BROWSE_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.trunc(a.page) || 1), pages);
    if (total === 0) return { ok: true, total, page, pages };
    const items = await r.content.listForFan(a.userId, (page - 1) * BROWSE_PAGE_SIZE, BROWSE_PAGE_SIZE);
    const footer = text('content-footer', { page, pages, total });
    const nav = a.keyboards.pages(page, pages);
    await r.outbox.enqueue([
      ...items.map((item) => previewItem(item, a.userId, a.keyboards, `content-browse:${a.key}:${item.id}`)),
      fanNotice(a.userId, `content-browse:${a.key}:footer`, footer, nav.length ? { keyboard: nav } : {}),
    ]);
    return { ok: true, total, page, pages };
  });
  return res;
}

export type UnlockResult =
  | { ok: true; status: 'unlocked'; title: string; cost: number; balance: number }
  /** Already theirs: sent again, unless it went out moments ago (`sent: false`, a double tap). */
  | { ok: true; status: 'resent'; title: string; sent: boolean }
  | { ok: false; code: 'unknown_item' }
  | { ok: false; code: 'banned' }
  /** The price is no longer the one on the button: nothing was charged. */
  | { ok: false; code: 'price_changed'; title: string; cost: number }
  | { ok: false; code: 'insufficient_credits'; title: string; cost: number; balance: number };

/** An owned item's media to the fan again, unless it went out moments ago (a double tap). */
async function sendAgain(r: Repos, deps: ContentDeps, userId: number, item: ContentItem): Promise<boolean> {
  const now = deps.clock.now();
  if (!(await r.content.claimSend(userId, item.id, now, RESEND_WINDOW_MS))) return false;
  await r.outbox.enqueue([deliveryItem(item, userId, `content-send:${userId}:${item.id}:${now.getTime()}`)]);
  return true;
}

/**
 * Unlock with credits, in ONE transaction under the fan's row lock: an `unlock` ledger debit keyed
 * `unlock:<fan>:<item>` (strict: not enough credits changes nothing), the unlock row, and the media in
 * the fan's outbox lane. An item the fan already owns is sent again, free. `expectedCredits`: the price
 * the fan was shown (an older preview may show an older one). `previewMessageId`: the locked preview the
 * button was on, removed once the item is theirs.
 */
export async function unlockWithCredits(
  deps: ContentDeps,
  a: { userId: number; itemId: number; expectedCredits: number; previewMessageId?: number },
): Promise<UnlockResult> {
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  // Switched off: what the fan owns is still sent again; nothing new is sold.
  const onSale = settings.premium_content_enabled;
  const res = await deps.uow.run(async (r): Promise<UnlockResult> => {
    // Serialises this fan's unlocks (and any other charge): a double tap sees the first one's unlock.
    const user = await r.users.getForUpdate(a.userId);
    const item = await r.content.get(a.itemId);
    if (!user || !item) return { ok: false, code: 'unknown_item' };
    const retire = a.previewMessageId !== undefined ? [retirePreviewItem(a.userId, a.previewMessageId)] : [];
    if (await r.content.getUnlock(a.userId, item.id)) {
      const sent = await sendAgain(r, deps, a.userId, item);
      await r.outbox.enqueue(retire);
      return { ok: true, status: 'resent', title: item.title, sent };
    }
    if (item.hidden || !onSale) return { ok: false, code: 'unknown_item' };
    if (user.isBanned) return { ok: false, code: 'banned' };
    if (item.priceCredits !== a.expectedCredits)
      return { ok: false, code: 'price_changed', title: item.title, cost: item.priceCredits };
    // `unlock:<fan>:<item>`; taken only if an earlier unlock was revoked (its Stars refunded after the
    // credits had been returned): then the next free `…:<n>`. The lock keeps this choice race-free.
    let ledgerKey = `unlock:${a.userId}:${item.id}`;
    for (let n = 2; await r.ledger.findByKey(ledgerKey); n++)
      ledgerKey = `unlock:${a.userId}:${item.id}:${n}`;
    const charge = await r.ledger.apply({
      userId: a.userId,
      delta: -item.priceCredits,
      reason: 'unlock',
      idempotencyKey: ledgerKey,
      actor: `user:${a.userId}`,
      metadata: { itemId: item.id, title: item.title },
      // The card (rendered below) shows the tier a promotion sets.
      tiers: settings.tier_thresholds,
    });
    if (charge.status === 'insufficient')
      return {
        ok: false,
        code: 'insufficient_credits',
        title: item.title,
        cost: charge.needed,
        balance: charge.balance,
      };
    if (charge.status === 'duplicate') throw new Error(`ledger key ${ledgerKey} was free a moment ago`);
    // An unlock is a debit like a message: it may take the balance below the auto-recharge threshold.
    await afterDebit(r, user, {
      before: user.creditBalance,
      after: charge.entry.balanceAfter,
      entryId: charge.entry.id,
    });
    await r.content.addUnlock({
      userId: a.userId,
      itemId: item.id,
      method: 'credits',
      credits: item.priceCredits,
      ledgerKey,
      stars: 0,
      paymentId: null,
      lastSentAt: deps.clock.now(),
    });
    await r.outbox.enqueue([
      deliveryItem(item, a.userId, `content-send:${ledgerKey}`),
      ...retire,
      ...(charge.promoted ? promotionNotice(a.userId, charge.promoted, settings.tier_discounts) : []),
    ]);
    await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
    return {
      ok: true,
      status: 'unlocked',
      title: item.title,
      cost: item.priceCredits,
      balance: charge.entry.balanceAfter,
    };
  });
  return res;
}

/** An item the fan owns, sent again free of charge (hidden items too: they paid for it). */
export async function resendContent(
  deps: ContentDeps,
  a: { userId: number; itemId: number },
): Promise<{ ok: true; title: string; sent: boolean } | { ok: false; code: 'not_unlocked' }> {
  const res = await deps.uow.run(async (r) => {
    const [item, unlock] = await Promise.all([
      r.content.get(a.itemId),
      r.content.getUnlock(a.userId, a.itemId),
    ]);
    if (!item || !unlock) return { ok: false as const, code: 'not_unlocked' as const };
    return { ok: true as const, title: item.title, sent: await sendAgain(r, deps, a.userId, item) };
  });
  return res;
}

/**
 * The Stars invoice of an item, for the bot to word: `title` is the item's, cut to Telegram's 32
 * characters; `media` what it holds (`content-media`'s arguments).
 */
export interface UnlockInvoice {
  payload: string;
  title: string;
  itemTitle: string;
  media: ReturnType<typeof mediaCounts>;
  priceStars: number;
}

export type UnlockInvoiceResult =
  { ok: true; invoice: UnlockInvoice } | { ok: false; code: 'unknown_item' | 'already_unlocked' | 'banned' };

/**
 * The Stars invoice for an item (files and audio; photos and videos are sold as paid media, though an
 * invoice works for them too): a pending payment of the item's `unlock` product at today's price.
 */
export async function startUnlockInvoice(
  deps: ContentDeps,
  a: { userId: number; itemId: number },
): Promise<UnlockInvoiceResult> {
  const { repos } = deps.uow;
  const item = await repos.content.get(a.itemId);
  if (!item || item.hidden || item.productId === null || !(await premiumOn(deps)))
    return { ok: false, code: 'unknown_item' };
  if (await repos.content.getUnlock(a.userId, item.id)) return { ok: false, code: 'already_unlocked' };
  if ((await repos.users.get(a.userId))?.isBanned) return { ok: false, code: 'banned' };
  const payment = await repos.payments.create({
    userId: a.userId,
    productId: item.productId,
    rail: 'stars',
    amount: item.priceStars,
    currency: 'XTR',
    kind: 'unlock',
    quantity: item.id,
  });
  const chars = [...item.title];
  return {
    ok: true,
    invoice: {
      payload: invoicePayload(payment.id),
      priceStars: item.priceStars,
      title: chars.length > 32 ? `${chars.slice(0, 31).join('')}…` : item.title,
      itemTitle: item.title,
      media: mediaCounts(item),
    },
  };
}

export type ShowItemResult =
  | { ok: true; owned: boolean }
  | { ok: false; code: 'off' | 'banned' }
  /** No such item (a mistyped or made-up link). */
  | { ok: false; code: 'unknown_item' }
  /** Taken off sale (and the fan does not own it). */
  | { ok: false; code: 'hidden' };

/**
 * One item, as the fan's list shows it (a deep link `t.me/<bot>?start=content_<item>` from the creator's
 * channel): its locked preview with the unlock buttons, or, if they own it, the card to send it again.
 * `key` names the request (the /start message), so a redelivered update queues nothing twice.
 */
export async function showContentItem(
  deps: ContentDeps,
  a: { userId: number; itemId: number; key: string; keyboards: ContentKeyboards },
): Promise<ShowItemResult> {
  const onSale = await premiumOn(deps);
  const res = await deps.uow.run(async (r): Promise<ShowItemResult> => {
    const item = await r.content.get(a.itemId);
    if (!item) return { ok: false, code: 'unknown_item' };
    const owned = (await r.content.getUnlock(a.userId, item.id)) !== null;
    if (!owned) {
      if (!onSale) return { ok: false, code: 'off' };
      if (item.hidden) return { ok: false, code: 'hidden' };
      if ((await r.users.get(a.userId))?.isBanned) return { ok: false, code: 'banned' };
    }
    await r.outbox.enqueue([
      previewItem({ ...item, unlocked: owned }, a.userId, a.keyboards, `content-link:${a.key}:${item.id}`),
    ]);
    return { ok: true, owned };
  });
  return res;
}
