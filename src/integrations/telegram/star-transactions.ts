import type { Api } from 'grammy';
import type { StarTransaction } from 'grammy/types';
import { invoicePaymentId } from '../../app/billing/stars.ts';
import type { ProviderPayment, StarsStatement } from '../../app/ports/index.ts';

/** Telegram's largest page. */
const MAX_PAGE = 100;
/** At most this many pages (a million transactions): a bound, not a limit any bot reaches. */
const MAX_PAGES = 10_000;

const userPartner = (p: StarTransaction['source']) =>
  p?.type === 'user' && p.transaction_type === 'invoice_payment' ? p : null;

/**
 * The bot's Star transactions (`getStarTransactions`, 100 a page, until a short page): incoming
 * invoice payments from users, each with its refund when one exists (a refund transaction carries the
 * original's id). Telegram lists them in chronological order, so every page is read; payments dated
 * before `since` are kept only when their refund is not.
 */
/** `pageSize`: transactions a call (Telegram's largest, 100, by default; tests page with less). */
export function starsStatement(api: Api, opts: { pageSize?: number } = {}): StarsStatement {
  const PAGE = opts.pageSize ?? MAX_PAGE;
  return {
    async payments(since) {
      const paid = new Map<string, ProviderPayment>();
      const refunds = new Map<string, number>();
      for (let page = 0; page < MAX_PAGES; page++) {
        const { transactions } = await api.getStarTransactions({ offset: page * PAGE, limit: PAGE });
        for (const t of transactions) {
          const from = userPartner(t.source);
          if (from) {
            paid.set(t.id, {
              rail: 'stars',
              ref: t.id,
              paymentId: invoicePaymentId(from.invoice_payload ?? ''),
              userId: from.user.id,
              amount: t.amount,
              currency: 'XTR',
              refunded: 0,
              at: new Date(t.date * 1000),
            });
          } else if (t.receiver?.type === 'user') {
            refunds.set(t.id, t.date);
          }
        }
        if (transactions.length < PAGE) break;
      }
      const from = since.getTime() / 1000;
      const out: ProviderPayment[] = [];
      for (const p of paid.values()) {
        const refundedAt = refunds.get(p.ref);
        if (p.at.getTime() / 1000 < from && (refundedAt === undefined || refundedAt < from)) continue;
        out.push(refundedAt === undefined ? p : { ...p, refunded: p.amount });
      }
      return out;
    },
  };
}
