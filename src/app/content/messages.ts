import { describeMedia } from '../../domain/content/index.ts';
import { credits, escapeHtml } from '../messages.ts';
import type { ContentItem } from '../ports/index.ts';

/** Premium content texts the use cases put in the outbox (HTML). Admin screens live in bot/texts.ts. */

/** What an item holds, like "3 photos and a video". */
export const itemMedia = (item: Pick<ContentItem, 'media'>) => describeMedia(item.media.map((m) => m.type));
const title = (item: Pick<ContentItem, 'title'>) => `<b>${escapeHtml(item.title)}</b>`;

/** The locked preview: a paid-media post (tap to pay in Stars) or a card for files and audio. */
export function lockedPreviewText(item: ContentItem, paidMedia: boolean): string {
  const how = paidMedia
    ? `Tap the picture to unlock it for ⭐ ${item.priceStars}, or use ${credits(item.priceCredits)} below.`
    : `Unlock it for ${credits(item.priceCredits)} or ⭐ ${item.priceStars}.`;
  return `🔒 ${title(item)}\n📎 ${itemMedia(item)}\n${how}`;
}

export function unlockedCardText(item: ContentItem): string {
  return `✅ ${title(item)} · yours\n📎 ${itemMedia(item)} · send it again any time, free.`;
}

export function browseFooterText(page: number, pages: number, total: number): string {
  const where = pages > 1 ? ` · page ${page} of ${pages}` : '';
  return `🎁 <b>Premium content</b>${where} (${total} item${total === 1 ? '' : 's'})\nWhat you unlock is yours: it can be sent again free of charge.`;
}

/** The caption of the unlocked media itself. */
export const deliveryCaption = (item: ContentItem) => `🔓 ${title(item)}`;

export const paidMediaUnlockedText = (item: ContentItem) =>
  `✅ ${title(item)} is yours. Send it again any time from /content, free of charge.`;

export const invoiceUnlockedText = (item: ContentItem, stars: number) =>
  `✅ ${title(item)} unlocked for ⭐ ${stars}. It is on its way; /content sends it again any time, free.`;

export const creditsReturnedText = (item: ContentItem, returned: number, balance: number) =>
  `↩️ You paid in Stars for ${title(item)}, which you had already unlocked with credits: ${credits(returned)} returned. Balance: ${credits(balance)}.`;

export const alreadyOwnedText = (item: ContentItem) =>
  `ℹ️ You already owned ${title(item)} before this payment. The team has been told and will refund the second payment.`;

export function doublePaymentAlert(a: {
  userId: number;
  item: ContentItem;
  stars: number;
  via: 'paid media' | 'invoice';
  paymentId: number | null;
  chargeId: string | null;
}): string {
  const ids = [
    a.paymentId !== null ? `payment #${a.paymentId}` : null,
    a.chargeId ? `charge <code>${escapeHtml(a.chargeId)}</code>` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const how =
    a.paymentId !== null
      ? `Refund it with /refund ${a.paymentId} in their topic.`
      : 'Paid media has no charge id for /refund: make it up to them (e.g. /gift in their topic).';
  return `⚠️ Fan <code>${a.userId}</code> paid ⭐ ${a.stars} (${a.via}${ids ? `, ${ids}` : ''}) for ${title(a.item)} (#${a.item.id}), which they already owned. ${how}`;
}

/** The Stars invoice for an item that cannot be paid media (files, audio): Telegram's 32/255 limits. */
export function unlockInvoice(item: ContentItem): { title: string; description: string } {
  const chars = [...item.title];
  const short = chars.length > 32 ? `${chars.slice(0, 31).join('')}…` : item.title;
  const description = `Unlock “${item.title}” (${itemMedia(item)}): sent to you here right after payment, and again any time from /content.`;
  return { title: short, description: [...description].slice(0, 255).join('') };
}

export const unlockRefundedText = (itemTitle: string, stars: number, revoked: boolean) =>
  `↩️ Your payment of ⭐ ${stars} for <b>${escapeHtml(itemTitle)}</b> was refunded.` +
  (revoked ? ' It is no longer among your unlocked items.' : '');
