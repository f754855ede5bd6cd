import { decodePaidMediaPayload } from '../../domain/content/index.ts';
import type {
  ContentItem,
  ContentUnlockMethod,
  NewOutboxItem,
  Payment,
  Repos,
  TextRef,
} from '../ports/index.ts';
import { scheduleCardRender } from '../relay/refresh.ts';
import type { ContentDeps } from './deps.ts';
import { fanNotice, moneyAlertTargets, ownerAlerts } from '../system/notices.ts';
import { text } from '../texts.ts';
import { resolveSettings } from '../system/settings.ts';
import { deliveryItem } from './send.ts';

const creditsReturned = (item: ContentItem, returned: number, balance: number) =>
  text('content-credits-returned', { title: item.title, returned, balance });

/** The owners' alert: a fan paid in Stars for an item they already owned (ids as text: no digit grouping). */
function doublePaymentAlert(a: {
  userId: number;
  item: ContentItem;
  stars: number;
  payment: { id: number; chargeId: string } | null;
}): TextRef {
  const common = { userId: String(a.userId), stars: a.stars, title: a.item.title, itemId: String(a.item.id) };
  return a.payment
    ? text('content-admin-double-invoice', {
        ...common,
        paymentId: String(a.payment.id),
        chargeId: a.payment.chargeId,
      })
    : text('content-admin-double-paid-media', common);
}

/**
 * Stars unlocks: Telegram paid media (`purchased_paid_media`) and invoices (`successful_payment` of a
 * payment of kind `unlock`). Neither moves credits. Both record the one unlock row per (fan, item).
 */

type StarsOutcome =
  /** New: the fan owns the item now. */
  | { status: 'unlocked' }
  /** They had unlocked it with credits: Stars now pay for it, so the credits go back (once). */
  | { status: 'credits_returned'; credits: number; balance: number; ledgerKey: string }
  /** They had already paid in Stars: a second payment, for the owners to refund. */
  | { status: 'already' };

async function recordStarsUnlock(
  r: Repos,
  deps: Pick<ContentDeps, 'clock' | 'renderTimings'>,
  a: {
    userId: number;
    item: ContentItem;
    method: ContentUnlockMethod;
    stars: number;
    paymentId: number | null;
  },
): Promise<StarsOutcome> {
  // The fan's row lock orders this against a credits unlock of the same item running right now.
  await r.users.getForUpdate(a.userId);
  const existing = await r.content.getUnlock(a.userId, a.item.id);
  if (!existing) {
    await r.content.addUnlock({
      userId: a.userId,
      itemId: a.item.id,
      method: a.method,
      credits: 0,
      ledgerKey: null,
      stars: a.stars,
      paymentId: a.paymentId,
      // An invoice is followed by the media; paid media shows it in the post itself.
      lastSentAt: a.method === 'invoice' ? deps.clock.now() : null,
    });
    return { status: 'unlocked' };
  }
  if (existing.method === 'credits' && existing.credits > 0 && existing.ledgerKey) {
    const back = await r.ledger.apply({
      userId: a.userId,
      delta: existing.credits,
      reason: 'refund',
      idempotencyKey: `refund:${existing.ledgerKey}`,
      actor: 'telegram',
      metadata: { itemId: a.item.id, title: a.item.title, why: 'paid in Stars as well' },
    });
    if (back.status === 'applied') {
      // From now on the Stars payment is what the fan owns it by (a refund of it takes the item back).
      await r.content.convertUnlock(a.userId, a.item.id, {
        method: a.method,
        stars: a.stars,
        paymentId: a.paymentId,
      });
      await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
      return {
        status: 'credits_returned',
        credits: existing.credits,
        balance: back.entry.balanceAfter,
        ledgerKey: back.entry.idempotencyKey,
      };
    }
  }
  return { status: 'already' };
}

export type PaidMediaResult =
  { ok: true; status: StarsOutcome['status'] } | { ok: false; code: 'unknown_payload' };

/**
 * A fan paid for a paid-media post (Telegram already shows them the media in it): the unlock is
 * recorded once, whatever the repetition. Paid media has no charge id: the payment inbox stores one row
 * per payer and payload, and the unlock row is unique per fan and item.
 */
export async function recordPaidMediaPurchase(
  deps: ContentDeps,
  /** `key`: names this purchase in the owners' double-payment alert (the payment inbox row). */
  a: { userId: number; payload: string; key: string },
): Promise<PaidMediaResult> {
  const offer = decodePaidMediaPayload(a.payload);
  if (!offer) return { ok: false, code: 'unknown_payload' };
  const res = await deps.uow.run(async (r): Promise<PaidMediaResult> => {
    const item = await r.content.get(offer.itemId);
    if (!item || !(await r.users.get(a.userId))) return { ok: false, code: 'unknown_payload' };
    // The payer is who Telegram says paid (`from`), whoever the post was first sent to.
    const outcome = await recordStarsUnlock(r, deps, {
      userId: a.userId,
      item,
      method: 'paid_media',
      stars: offer.stars,
      paymentId: null,
    });
    const items: NewOutboxItem[] = [];
    if (outcome.status === 'unlocked') {
      const notice = text('content-paid-media-unlocked', { title: item.title });
      items.push(fanNotice(a.userId, `content-paid:${a.userId}:${item.id}`, notice));
    } else if (outcome.status === 'credits_returned') {
      const html = creditsReturned(item, outcome.credits, outcome.balance);
      // Keyed on the refund's ledger key: a later unlock and return of the same item gets its own notice.
      items.push(fanNotice(a.userId, `content-credits-back:${outcome.ledgerKey}`, html));
    } else {
      const alert = doublePaymentAlert({ userId: a.userId, item, stars: offer.stars, payment: null });
      items.push(...ownerAlerts(await moneyAlertTargets(deps, r), `content-double:pm:${a.key}`, alert));
    }
    await r.outbox.enqueue(items);
    return { ok: true, status: outcome.status };
  });
  return res;
}

/**
 * Pre-checkout of an unlock invoice (Telegram waits at most 10 s): the item is still on sale at the
 * invoiced price, and the fan does not own it yet (so nobody pays twice by accident).
 */
export async function checkUnlockPreCheckout(
  r: Repos,
  payment: Payment,
  q: { currency: string; totalAmount: number },
): Promise<{ ok: true } | { ok: false; message: TextRef }> {
  const item = await r.content.get(payment.quantity);
  // Premium content switched off since the invoice was sent: nothing new is sold.
  const onSale = resolveSettings(await r.settings.all()).premium_content_enabled;
  if (!item || item.hidden || !onSale) return { ok: false, message: text('content-precheckout-gone') };
  if (await r.content.getUnlock(payment.userId, item.id))
    return { ok: false, message: text('content-precheckout-owned') };
  if (q.currency !== 'XTR' || q.totalAmount !== item.priceStars || payment.amount !== item.priceStars)
    return { ok: false, message: text('content-precheckout-price') };
  return { ok: true };
}

/**
 * The grant of a paid unlock invoice, inside `completeStarsPayment`'s transaction (the payment is
 * already marked paid with its charge id, so this runs once per charge): the unlock, the media, and the
 * confirmation text it returns. A fan who already owned the item still gets it; the double payment is
 * reported (credits they spent on it are returned; a second Stars payment goes to the owners).
 */
export async function grantInvoiceUnlock(
  r: Repos,
  deps: Pick<ContentDeps, 'clock' | 'renderTimings' | 'access'>,
  a: { payment: Payment; chargeId: string },
): Promise<TextRef> {
  const { payment } = a;
  const item = await r.content.get(payment.quantity);
  // Items are never deleted; a payment for an unknown one is a bug: roll back, the error reaches the owners.
  if (!item) throw new Error(`unlock payment #${payment.id} for unknown content item ${payment.quantity}`);
  const outcome = await recordStarsUnlock(r, deps, {
    userId: payment.userId,
    item,
    method: 'invoice',
    stars: payment.amount,
    paymentId: payment.id,
  });
  await r.outbox.enqueue([deliveryItem(item, payment.userId, `content-send:invoice:${a.chargeId}`)]);
  if (outcome.status === 'credits_returned') return creditsReturned(item, outcome.credits, outcome.balance);
  if (outcome.status === 'already') {
    const alert = doublePaymentAlert({
      userId: payment.userId,
      item,
      stars: payment.amount,
      payment: { id: payment.id, chargeId: a.chargeId },
    });
    await r.outbox.enqueue(
      ownerAlerts(await moneyAlertTargets(deps, r), `content-double:${a.chargeId}`, alert),
    );
    return text('content-paid-twice', { title: item.title });
  }
  return text('content-invoice-unlocked', { title: item.title, stars: payment.amount });
}

/**
 * An unlock invoice was refunded (`/refund`, inside its transaction): the unlock that payment made is
 * removed (no more free re-sends; the item can be bought again). A fan who owns the item through other
 * means (a double payment) keeps it.
 */
export async function revokeInvoiceUnlock(
  r: Repos,
  payment: Payment,
): Promise<{ title: string; revoked: boolean }> {
  const item = await r.content.get(payment.quantity);
  const revoked = await r.content.removeUnlockOfPayment(payment.userId, payment.quantity, payment.id);
  return { title: item?.title ?? `#${payment.quantity}`, revoked };
}

/** What the fan is told when an unlock invoice is refunded. */
export const unlockRefundedNotice = (title: string, stars: number, revoked: boolean): TextRef =>
  text(revoked ? 'content-refunded-revoked' : 'content-refunded', { title, stars });
