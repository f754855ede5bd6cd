import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import { formatMoney } from '../domain/shared/index.ts';
import type { BalanceView } from '../app/accounts/accounts.ts';
import { escapeHtml } from '../app/messages.ts';
import type { Product } from '../app/ports/index.ts';

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
