import { startOfLocalDay } from '../../../domain/stats/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import { refundPayment, type PaymentRefundResult, type RefundDeps } from '../../billing/refunds.ts';
import type { CardPaymentDeps } from '../../billing/cards.ts';
import type {
  Access,
  DayRevenue,
  PaymentDetail,
  PaymentFilter,
  PaymentPage,
  UnitOfWork,
} from '../../ports/index.ts';
import { resolveSettings } from '../../system/settings.ts';

export interface AdminPaymentsDeps extends RefundDeps, CardPaymentDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  /** The Stripe key is a test key: dashboard links go to Stripe's test mode. */
  stripeTestMode?: boolean | undefined;
}

/** Payments a list page shows. */
export const PAYMENTS_PAGE = 8;
/** Days in the revenue table (today included). */
export const REVENUE_DAYS = 30;

export type PaymentList = 'filtered' | 'refunds' | 'disputes';

export type ListResult =
  { ok: true; page: PaymentPage; index: number; pages: number } | { ok: false; code: 'not_allowed' };

/**
 * Why the Refund button is not offered (or a press is refused): refunded already, not a paid payment,
 * a card refund already asked of Stripe (waiting for its confirmation), a card payment under dispute
 * (Stripe refuses those), card payments not configured.
 */
export type NotRefundable = 'already_refunded' | 'not_paid' | 'refund_pending' | 'disputed' | 'stripe_off';

export interface PaymentCard {
  payment: PaymentDetail;
  /** The presser holds `payments.refund`. */
  canRefund: boolean;
  /** Null: it can be refunded now. */
  notRefundable: NotRefundable | null;
  /** The PaymentIntent and its disputes in the Stripe dashboard (card payments with a PaymentIntent). */
  links: { payment: string | null; disputes: Array<{ id: string; url: string }> };
}

export type CardResult =
  { ok: true; card: PaymentCard } | { ok: false; code: 'not_allowed' | 'unknown_payment' };

export type AdminRefundResult =
  | { ok: true; result: PaymentRefundResult; card: PaymentCard }
  | { ok: false; code: 'not_allowed' | 'unknown_payment' }
  | { ok: false; code: 'not_refundable'; reason: NotRefundable; card: PaymentCard };

export interface RevenueTable {
  timezone: string;
  /** Local midnight of each day, oldest first. */
  days: Date[];
  /** Card currencies that had revenue in the period (sorted). */
  currencies: string[];
  /** Per day: Stars, and minor units per card currency (0 where nothing). */
  rows: Array<{ day: Date; stars: number; card: Record<string, number> }>;
  totals: { stars: number; card: Record<string, number> };
}

const dashboardBase = (deps: AdminPaymentsDeps) =>
  `https://dashboard.stripe.com${deps.stripeTestMode ? '/test' : ''}`;

function notRefundable(deps: AdminPaymentsDeps, p: PaymentDetail): NotRefundable | null {
  if (p.status === 'refunded') return 'already_refunded';
  if (p.status !== 'paid' || !p.providerChargeId) return 'not_paid';
  if (p.rail === 'stripe') {
    if (!deps.cards) return 'stripe_off';
    if (p.dispute?.status === 'open' || p.disputes.some((d) => d.status === 'open')) return 'disputed';
    if (p.refundRequested) return 'refund_pending';
  }
  return null;
}

async function cardOf(deps: AdminPaymentsDeps, actorId: number, p: PaymentDetail): Promise<PaymentCard> {
  const base = dashboardBase(deps);
  const pi = p.rail === 'stripe' && p.providerChargeId?.startsWith('pi_') ? p.providerChargeId : null;
  return {
    payment: p,
    canRefund: await deps.access.can(actorId, 'payments.refund'),
    notRefundable: notRefundable(deps, p),
    links: {
      payment: pi ? `${base}/payments/${pi}` : null,
      disputes:
        p.rail === 'stripe' ? p.disputes.map((d) => ({ id: d.id, url: `${base}/disputes/${d.id}` })) : [],
    },
  };
}

const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAYMENTS_PAGE));

/**
 * The control center's Payments (`/payments`): lists with filters, a payment's card, a refund through
 * the existing refund use case (Stars or Stripe, the same claw-back rules as `/refund`), and revenue per
 * local day. Viewing needs `stats.view`; refunding `payments.refund` (asked again by the refund itself).
 */
export function createAdminPaymentsServices(deps: AdminPaymentsDeps) {
  const repos = () => deps.uow.repos.adminPayments;
  const allowed = (actorId: number) => deps.access.can(actorId, 'stats.view');

  async function list(
    actorId: number,
    a: { list: PaymentList; filter?: PaymentFilter; page: number },
  ): Promise<ListResult> {
    if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
    const fetch = (index: number) => {
      const offset = index * PAYMENTS_PAGE;
      if (a.list === 'refunds') return repos().refunds(offset, PAYMENTS_PAGE);
      if (a.list === 'disputes') return repos().openDisputes(offset, PAYMENTS_PAGE);
      return repos().list(a.filter ?? { rail: null, status: null, userId: null }, offset, PAYMENTS_PAGE);
    };
    const wanted = Number.isSafeInteger(a.page) && a.page > 0 ? a.page : 0;
    let page = await fetch(wanted);
    let index = wanted;
    // A page past the end (the list shrank, or a forged number) lands on the last one.
    if (page.rows.length === 0 && wanted > 0 && page.total > 0) {
      index = pageCount(page.total) - 1;
      page = await fetch(index);
    }
    return { ok: true, page, index, pages: pageCount(page.total) };
  }

  async function card(actorId: number, paymentId: number): Promise<CardResult> {
    if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
    const p = Number.isSafeInteger(paymentId) ? await repos().get(paymentId) : null;
    if (!p || p.status === 'pending') return { ok: false, code: 'unknown_payment' };
    return { ok: true, card: await cardOf(deps, actorId, p) };
  }

  return {
    list,
    card,
    /**
     * Refunds a payment after the member confirmed: the existing `refundPayment` (Telegram for Stars,
     * clawed back at once; Stripe for cards, clawed back by its webhook). Refused without
     * `payments.refund`, for a payment that is not refundable now (with the reason), or unknown.
     */
    async refund(actorId: number, paymentId: number): Promise<AdminRefundResult> {
      if (!(await deps.access.can(actorId, 'payments.refund'))) return { ok: false, code: 'not_allowed' };
      const before = await card(actorId, paymentId);
      if (!before.ok) return before;
      const reason = before.card.notRefundable;
      if (reason) return { ok: false, code: 'not_refundable', reason, card: before.card };
      const p = before.card.payment;
      const result = await refundPayment(deps, {
        adminId: actorId,
        userId: p.userId,
        paymentId: p.id,
        key: `hub-refund:${p.id}`,
      });
      const after = await card(actorId, paymentId);
      return { ok: true, result, card: after.ok ? after.card : before.card };
    },
    /** The fan a typed answer names: a numeric id of a known user, or @username. */
    async findFan(actorId: number, query: string): Promise<{ id: number } | null> {
      if (!(await allowed(actorId))) return null;
      const q = query.trim();
      if (/^\d{1,15}$/.test(q)) {
        const user = await deps.uow.repos.users.get(Number(q));
        return user ? { id: user.id } : null;
      }
      const name = /^@?([A-Za-z0-9_]{4,32})$/.exec(q)?.[1];
      return name ? repos().userByUsername(name) : null;
    },
    /** Net revenue per local day (the `timezone` setting) for the last 30 days, per rail and currency. */
    async revenue(
      actorId: number,
    ): Promise<{ ok: true; table: RevenueTable; at: Date } | { ok: false; code: 'not_allowed' }> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      const { timezone } = resolveSettings(await deps.uow.repos.settings.all());
      const now = deps.clock.now();
      const days = Array.from({ length: REVENUE_DAYS }, (_, i) =>
        startOfLocalDay(now, timezone, REVENUE_DAYS - 1 - i),
      );
      // Today runs to the next local midnight (a payment is never later than now anyway).
      const end = startOfLocalDay(now, timezone, -1);
      return {
        ok: true,
        table: revenueTable(timezone, days, await repos().revenueByDay(days, end)),
        at: now,
      };
    },
  };
}

function revenueTable(timezone: string, days: Date[], cells: DayRevenue[]): RevenueTable {
  const currencies = [...new Set(cells.filter((c) => c.rail === 'stripe').map((c) => c.currency))].sort();
  const rows = days.map((day) => ({
    day,
    stars: 0,
    card: Object.fromEntries(currencies.map((c) => [c, 0])),
  }));
  const totals = {
    stars: 0,
    card: Object.fromEntries(currencies.map((c) => [c, 0])) as Record<string, number>,
  };
  for (const c of cells) {
    const row = rows[c.day];
    if (!row) continue;
    if (c.rail === 'stars') {
      row.stars += c.net;
      totals.stars += c.net;
    } else {
      row.card[c.currency] = (row.card[c.currency] ?? 0) + c.net;
      totals.card[c.currency] = (totals.card[c.currency] ?? 0) + c.net;
    }
  }
  return { timezone, days, currencies, rows, totals };
}

export type AdminPaymentsServices = ReturnType<typeof createAdminPaymentsServices>;
