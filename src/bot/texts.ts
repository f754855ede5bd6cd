import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import { formatMoney } from '../domain/shared/index.ts';
import type { BalanceView } from '../app/accounts/accounts.ts';
import { credits, escapeHtml } from '../app/messages.ts';
import {
  itemMedia,
  sellsAsPaidMedia,
  type AdminItemView,
  type DraftReply,
  type EditField,
} from '../app/content/index.ts';
import type { ContentDraftStep, ContentItem, LedgerReason, Product } from '../app/ports/index.ts';
import type { HistoryPage } from '../app/accounts/history.ts';

/** Fan- and admin-facing texts (English). Kept in one place so wording stays consistent. */

export const texts = {
  catalogTitle: '🛒 <b>What you can buy</b>',
  catalogEmpty: 'Nothing is on sale right now. Please check back soon.',
  catalogFooter:
    'Credits pay per message (text, photo, voice…); a time pass makes every message free until it ends.',
};

export { escapeHtml };

export function formatStars(n: number): string {
  return `⭐ ${n}`;
}

export function productLine(p: Product, withCard = false): string {
  const card = withCard && p.priceMinor !== null ? ` · 💳 ${formatMoney(p.priceMinor, p.currency)}` : '';
  return `• <b>${escapeHtml(p.title)}</b>: ${formatStars(p.priceStars)}${card}`;
}

/** The catalog; card prices only where card payments are on. */
export function catalogText(products: Product[], withCard = false): string {
  if (products.length === 0) return texts.catalogEmpty;
  const packs = products.filter((p) => p.kind === 'credits');
  const passes = products.filter((p) => p.kind === 'time');
  const sections = [texts.catalogTitle];
  if (packs.length)
    sections.push('', '💬 <b>Credit packs</b>', ...packs.map((p) => productLine(p, withCard)));
  if (passes.length)
    sections.push(
      '',
      '⏳ <b>Time passes</b> (unlimited messages)',
      ...passes.map((p) => productLine(p, withCard)),
    );
  sections.push('', texts.catalogFooter);
  return sections.join('\n');
}

export function balanceText(view: BalanceView): string {
  const lines = ['💳 <b>Your balance</b>', `<code>${balanceBar(view.balance, view.lastTopUp).text}</code>`];
  if (view.timePassUntil) {
    lines.push(`⏳ Time pass: ${formatDuration(view.passRemainingMs)} left (messages are free)`);
  }
  if (view.low) {
    lines.push(
      '',
      `⚠️ <b>Low balance</b>: under ${view.lowThreshold} credits. Top up with /start to keep writing.`,
    );
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ premium content

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const prices = (item: ContentItem) => `${credits(item.priceCredits)} · ⭐ ${item.priceStars}`;

const ASK: Record<ContentDraftStep, string> = {
  media: 'Send a photo, video, file or audio (or an album of up to 10).',
  title: 'Send the <b>title</b> (1–64 characters).',
  credits: 'Send the price in <b>credits</b> (1–100000).',
  stars: 'Send the price in <b>Telegram Stars</b> (1–10000).',
  edit_title: 'Send the new <b>title</b> (1–64 characters), or /cancel.',
  edit_credits: 'Send the new price in <b>credits</b> (1–100000), or /cancel.',
  edit_stars: 'Send the new price in <b>Stars</b> (1–10000), or /cancel.',
};

export const contentTexts = {
  fanEmpty: '🎁 There is no premium content yet. Check back soon!',
  fanUnavailable: 'This item is no longer available. Send /content for the current list.',
  fanUnlocked: (cost: number, balance: number) =>
    `🔓 Unlocked for ${credits(cost)} (balance ${balance}). It is on its way!`,
  fanResent: 'You own this: sending it again, free of charge.',
  fanOnItsWay: 'It is on its way already.',
  fanPriceChanged: (title: string, cost: number) =>
    `The price of “${title}” is now ${credits(cost)}. Nothing was charged: send /content to unlock it at that price.`,
  fanAlreadyOwned: 'You already own this: tap “📤 Send again”, free of charge.',
  fanInsufficient: (title: string, cost: number, balance: number) =>
    `💳 <b>${escapeHtml(title)}</b> costs ${credits(cost)}, and you have ${credits(balance)}.\nTop up to unlock it: nothing was charged.`,
  onlyAdmins: 'Only admins can use these buttons.',
  askMedia:
    '📤 <b>New item.</b> Send its media: a photo, video, file or audio, or an album (up to 10).\n/cancel stops.',
  cancelled: 'Cancelled: nothing was saved.',
  nothingToCancel: 'There is nothing to cancel.',
  editPrompt: (item: ContentItem, field: EditField) =>
    `✏️ <b>${escapeHtml(item.title)}</b> (#${item.id}): ${ASK[`edit_${field}`]}`,
  draftReply(reply: Exclude<DraftReply, { code: 'silent' | 'created' | 'saved' }>): string {
    switch (reply.code) {
      case 'ask_title':
        return `📎 Got the media. ${ASK.title}\n(Album items keep being added as they arrive.)`;
      case 'ask_credits':
        return `Title: <b>${escapeHtml(reply.title)}</b>. ${ASK.credits}`;
      case 'ask_stars':
        return `💳 ${credits(reply.credits)}. ${ASK.stars}`;
      case 'retry':
        return `🙅 That does not work: ${escapeHtml(reply.detail)}.\n${ASK[reply.step]}`;
      case 'gone':
        return 'That item does not exist any more: nothing was changed.';
    }
  },
  created: (item: ContentItem) =>
    `✅ Added <b>${escapeHtml(item.title)}</b> (#${item.id}): ${itemMedia(item)} · ${prices(item)}.\nFans see it in /content.`,
  saved: (item: ContentItem) => `✅ Saved: <b>${escapeHtml(item.title)}</b> · ${prices(item)}.`,
  adminEmpty: '🎁 <b>Premium content</b>\nNothing yet. Add the first item with /content add (or ➕ below).',
  adminList(list: {
    page: number;
    pages: number;
    total: number;
    items: Array<ContentItem & { unlocks: number; position: number }>;
  }): string {
    const where = list.pages > 1 ? ` · page ${list.page}/${list.pages}` : '';
    const lines = list.items.map(
      (i) =>
        `${i.position}. ${i.hidden ? '🙈 ' : ''}<b>${escapeHtml(i.title)}</b> · ${prices(i)} · 🔓 ${plural(i.unlocks, 'unlock')}${i.hidden ? ' · hidden' : ''}`,
    );
    return [
      `🎁 <b>Premium content</b> · ${plural(list.total, 'item')}${where}`,
      ...lines,
      '',
      'Tap an item to edit, hide or move it.',
    ].join('\n');
  },
  adminItem(v: AdminItemView): string {
    const { item } = v;
    const sold = sellsAsPaidMedia(item) ? 'Stars: paid media' : 'Stars: invoice';
    return [
      `🎁 <b>${escapeHtml(item.title)}</b> (#${item.id})`,
      `📎 ${itemMedia(item)} · ${sold}`,
      `💳 ${prices(item)}`,
      `🔓 ${plural(v.unlocks, 'unlock')} · ${item.hidden ? '🙈 hidden (off sale; fans who own it keep it)' : '👁 on sale'}`,
      `Position ${v.position} of ${v.total}`,
    ].join('\n');
  },
};

// ------------------------------------------------------------------ history

/** `/history` labels, one per ledger reason. */
const REASONS: Record<LedgerReason, string> = {
  bonus: 'Bonus',
  purchase: 'Purchase',
  spend: 'Message',
  gift: 'Gift',
  refund: 'Refund',
  dispute: 'Dispute',
  adjustment: 'Adjustment',
  auto_recharge: 'Auto-recharge',
  unlock: 'Unlock',
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function historyText(h: HistoryPage): string {
  const t = h.totals;
  const lines = [
    `🧾 <b>Your history</b> · page ${h.page}/${h.pages}`,
    `Bought ${t.purchased} · spent ${t.spent} · gifts/bonus ${t.gifted} · refunded ${t.returned}` +
      (t.takenBack > 0 ? ` · taken back ${t.takenBack}` : ''),
    '',
  ];
  if (h.items.length === 0) lines.push('Nothing yet.');
  for (const i of h.items) {
    const date = i.date.toISOString().slice(0, 16).replace('T', ' ');
    const what = i.details ? ` (${escapeHtml(i.details)})` : '';
    lines.push(`${date} · ${REASONS[i.reason]}${what}: <b>${signed(i.delta)}</b> → ${i.balanceAfter}`);
  }
  return lines.join('\n');
}
