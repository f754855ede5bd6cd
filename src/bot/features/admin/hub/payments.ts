import type {
  AdminRefundResult,
  NotRefundable,
  PaymentCard,
  RevenueTable,
} from '../../../../app/admin/payments/index.ts';
import type { PaymentFilter, PaymentPage, PaymentRow } from '../../../../app/ports/index.ts';
import { minorUnitDigits } from '../../../../domain/shared/index.ts';
import type { Context } from '../../../context.ts';
import { updatedLine } from './figures.ts';
import {
  escapeCut,
  fitText,
  type HubButton,
  type HubCategory,
  type HubScreen,
  type HubTarget,
} from './screen.ts';

/**
 * Payments (`/payments`, stats.view): recent payments with filters (rail, status, one fan), failed
 * payments, open disputes, refunds, a payment's card with links to Stripe's dashboard and Refund (with a
 * confirmation; `payments.refund`, asked again by the refund use case), and revenue per local day.
 *
 * Arguments (callback data words): a filtered list is `<rail><status><fan>p<page>` (`aa0p0`: every
 * rail, every status, every fan, first page; rails a/s/c, statuses a/p/r/f/d); the refund and dispute
 * lists take their page; a card is `<payment id>-<where Back leads>` (a list argument, `r<page>`,
 * `d<page>`, or `m` for the menu).
 */
const CAT = 'payments';

const RAILS = { a: null, s: 'stars', c: 'stripe' } as const;
const STATUSES = { a: null, p: 'paid', r: 'refunded', f: 'failed', d: 'disputed' } as const;
type RailCode = keyof typeof RAILS;
type StatusCode = keyof typeof STATUSES;

interface ListState {
  rail: RailCode;
  status: StatusCode;
  fan: number;
  page: number;
}

const LIST_ARG = /^([asc])([aprfd])(\d{1,15})p(\d{1,4})$/;
const listArg = (s: ListState) => `${s.rail}${s.status}${s.fan}p${s.page}`;
function parseList(arg: string): ListState | null {
  const m = LIST_ARG.exec(arg);
  if (!m) return null;
  return { rail: m[1] as RailCode, status: m[2] as StatusCode, fan: Number(m[3]), page: Number(m[4]) };
}
const filterOf = (s: ListState): PaymentFilter => ({
  rail: RAILS[s.rail],
  status: STATUSES[s.status],
  userId: s.fan > 0 ? s.fan : null,
});

/** Where a card's Back leads. */
type From = { list: ListState } | { refunds: number } | { disputes: number } | 'menu';
const FROM_PAGE = /^([rd])(\d{1,4})$/;
function parseFrom(s: string): From | null {
  if (s === 'm') return 'menu';
  const page = FROM_PAGE.exec(s);
  if (page) return page[1] === 'r' ? { refunds: Number(page[2]) } : { disputes: Number(page[2]) };
  const list = parseList(s);
  return list ? { list } : null;
}
const fromArg = (f: From) =>
  f === 'menu' ? 'm' : 'list' in f ? listArg(f.list) : 'refunds' in f ? `r${f.refunds}` : `d${f.disputes}`;
const fromTarget = (f: From): HubTarget =>
  f === 'menu'
    ? { cat: CAT }
    : 'list' in f
      ? { cat: CAT, act: 'list', arg: listArg(f.list) }
      : 'refunds' in f
        ? { cat: CAT, act: 'refunds', arg: f.refunds }
        : { cat: CAT, act: 'disputes', arg: f.disputes };

const MAX_WORD = 32;
/** A card's argument; when the way back does not fit in a word, Back leads to the menu. */
function cardArg(id: number, from: From): string {
  const arg = `${id}-${fromArg(from)}`;
  return arg.length <= MAX_WORD ? arg : `${id}-m`;
}
const CARD_ARG = /^(\d{1,15})-([a-z0-9]+)$/;
function parseCard(arg: string): { id: number; from: From } | null {
  const m = CARD_ARG.exec(arg);
  const from = m ? parseFrom(m[2]!) : null;
  return m && from ? { id: Number(m[1]), from } : null;
}

const PAGE_ARG = /^\d{1,4}$/;

// ---------------------------------------------------------------------------------------------------
// Pieces of text

export const amountText = (ctx: Context, p: Pick<PaymentRow, 'rail' | 'amount' | 'currency'>) =>
  p.rail === 'stars'
    ? ctx.t('admin-payments-amount-stars', { amount: p.amount })
    : ctx.t('admin-payments-amount-card', { amount: { money: { minor: p.amount, currency: p.currency } } });

function statusText(ctx: Context, p: PaymentRow): string {
  if (p.dispute) return ctx.t('admin-payments-status-disputed', { status: p.dispute.status });
  if (p.status === 'paid' && p.refundedAmount > 0) return ctx.t('admin-payments-status-partly-refunded');
  if (p.status === 'paid') return ctx.t('admin-payments-status-paid');
  if (p.status === 'refunded') return ctx.t('admin-payments-status-refunded');
  if (p.status === 'failed') return ctx.t('admin-payments-status-failed');
  return ctx.t('admin-payments-status-pending');
}

const fanText = (ctx: Context, p: Pick<PaymentRow, 'userId' | 'fanName' | 'username'>) =>
  ctx.t(p.username ? 'admin-payments-fan-username' : 'admin-payments-fan', {
    name: { html: escapeCut(p.fanName || String(p.userId), 40) },
    username: p.username ?? '',
    id: String(p.userId),
  });

function grantText(ctx: Context, p: Pick<PaymentRow, 'kind' | 'quantity'>): string {
  if (p.kind === 'credits') return ctx.t('admin-payments-grant-credits', { credits: p.quantity });
  if (p.kind === 'time')
    return ctx.t('admin-payments-grant-time', { duration: { duration: p.quantity * 1000 } });
  return ctx.t('admin-payments-grant-unlock');
}

/** One line of a list (HTML; its free text is cut so that a full page always fits). */
export const lineOf = (ctx: Context, p: PaymentRow) =>
  ctx.t('admin-payments-line', {
    id: String(p.id),
    at: p.paidAt ?? p.createdAt,
    fan: { html: fanText(ctx, p) },
    amount: { html: amountText(ctx, p) },
    product: { html: escapeCut(p.productTitle, 40) },
    status: { html: statusText(ctx, p) },
  });

/** A list page: header, lines, page n of N, a button per payment, ◀ ▶. */
function pageScreen(
  ctx: Context,
  o: {
    header: string;
    page: PaymentPage;
    index: number;
    pages: number;
    empty: string;
    from: (page: number) => From;
    top?: HubButton[][];
    back: HubTarget;
  },
): HubScreen {
  const lines = o.page.rows.map((p) => lineOf(ctx, p));
  const footer = o.pages > 1 ? ctx.t('admin-hub-page', { page: o.index + 1, pages: o.pages }) : '';
  const text = fitText(
    [o.header, lines.length > 0 ? lines.join('\n') : o.empty, footer].filter(Boolean).join('\n\n'),
  );
  const from = o.from(o.index);
  const rows: HubButton[][] = [...(o.top ?? [])];
  for (const p of o.page.rows)
    rows.push([
      {
        text: ctx.t('admin-payments-open', { id: String(p.id), amount: amountText(ctx, p) }),
        to: { cat: CAT, act: 'pay', arg: cardArg(p.id, from) },
      },
    ]);
  const target = (i: number) => fromTarget(o.from(i));
  if (o.pages > 1)
    rows.push([
      ...(o.index > 0 ? [{ text: '◀', to: target(o.index - 1) }] : []),
      ...(o.index < o.pages - 1 ? [{ text: '▶', to: target(o.index + 1) }] : []),
    ]);
  return { text, rows, back: o.back };
}

const notAllowed = (ctx: Context): HubScreen => ({ text: ctx.t('admin-hub-not-allowed'), rows: [] });

// ---------------------------------------------------------------------------------------------------
// Screens

function menuScreen(ctx: Context): HubScreen {
  const to = (act: string, arg: string | number = 0) => ({ cat: CAT, act, arg });
  return {
    text: ctx.t('admin-payments-title'),
    rows: [
      [{ text: ctx.t('admin-payments-menu-recent'), to: to('list', 'aa0p0') }],
      [{ text: ctx.t('admin-payments-menu-failed'), to: to('list', 'af0p0') }],
      [
        { text: ctx.t('admin-payments-menu-disputes'), to: to('disputes') },
        { text: ctx.t('admin-payments-menu-refunds'), to: to('refunds') },
      ],
      [{ text: ctx.t('admin-payments-menu-revenue'), to: to('revenue') }],
    ],
  };
}

const RAIL_LABELS: Record<RailCode, string> = {
  a: 'admin-payments-filter-all',
  s: 'admin-payments-filter-stars',
  c: 'admin-payments-filter-card',
};
const STATUS_LABELS: Record<StatusCode, string> = {
  a: 'admin-payments-filter-all',
  p: 'admin-payments-filter-paid',
  r: 'admin-payments-filter-refunded',
  f: 'admin-payments-filter-failed',
  d: 'admin-payments-filter-disputed',
};

async function listScreenFor(ctx: Context, s: ListState): Promise<HubScreen> {
  const res = await ctx.services.adminPayments.list(ctx.from!.id, {
    list: 'filtered',
    filter: filterOf(s),
    page: s.page,
  });
  if (!res.ok) return notAllowed(ctx);
  const mark = (on: boolean, label: string) => (on ? `• ${label}` : label);
  const at = (next: Partial<ListState>) => ({
    cat: CAT,
    act: 'list',
    arg: listArg({ ...s, page: 0, ...next }),
  });
  const fanRow: HubButton[] =
    s.fan > 0
      ? [
          {
            text: ctx.t('admin-payments-filter-fan-clear', { id: String(s.fan) }),
            to: at({ fan: 0 }),
          },
        ]
      : [
          {
            text: ctx.t('admin-payments-filter-fan'),
            to: { cat: CAT, act: 'fan', arg: `${s.rail}${s.status}` },
          },
        ];
  const filters = [
    ctx.t(RAIL_LABELS[s.rail]),
    ctx.t(STATUS_LABELS[s.status]),
    ...(s.fan > 0 ? [String(s.fan)] : []),
  ].join(' · ');
  return pageScreen(ctx, {
    header: ctx.t('admin-payments-list-title', {
      filters,
      total: res.page.total,
      more: res.page.capped ? 'yes' : 'no',
    }),
    page: res.page,
    index: res.index,
    pages: res.pages,
    empty: ctx.t('admin-payments-list-empty'),
    from: (page) => ({ list: { ...s, page } }),
    top: [
      (Object.keys(RAILS) as RailCode[]).map((r) => ({
        text: mark(r === s.rail, ctx.t(RAIL_LABELS[r])),
        to: at({ rail: r }),
      })),
      (Object.keys(STATUSES) as StatusCode[]).map((st) => ({
        text: mark(st === s.status, ctx.t(STATUS_LABELS[st])),
        to: at({ status: st }),
      })),
      fanRow,
    ],
    back: { cat: CAT },
  });
}

async function specialList(ctx: Context, list: 'refunds' | 'disputes', page: number): Promise<HubScreen> {
  const res = await ctx.services.adminPayments.list(ctx.from!.id, { list, page });
  if (!res.ok) return notAllowed(ctx);
  return pageScreen(ctx, {
    header: ctx.t(list === 'refunds' ? 'admin-payments-refunds-title' : 'admin-payments-disputes-title', {
      total: res.page.total,
    }),
    page: res.page,
    index: res.index,
    pages: res.pages,
    empty: ctx.t(list === 'refunds' ? 'admin-payments-refunds-empty' : 'admin-payments-disputes-empty'),
    from: (p) => (list === 'refunds' ? { refunds: p } : { disputes: p }),
    back: { cat: CAT },
  });
}

const REASON_KEYS: Record<NotRefundable, string> = {
  already_refunded: 'admin-payments-not-refundable-already',
  not_paid: 'admin-payments-not-refundable-not-paid',
  refund_pending: 'admin-payments-not-refundable-pending',
  disputed: 'admin-payments-not-refundable-disputed',
  stripe_off: 'admin-payments-not-refundable-stripe-off',
};

function refundStateLine(ctx: Context, c: PaymentCard): string {
  const p = c.payment;
  if (p.rail === 'stripe' && p.status === 'paid' && p.refundRequested)
    return ctx.t('admin-payments-card-refund-asked', {
      at: p.refundRequested.at,
      by: String(p.refundRequested.by),
    });
  if (p.status === 'refunded') return ctx.t('admin-payments-card-refunded', { at: p.updatedAt });
  if (p.refundedAmount > 0)
    return ctx.t('admin-payments-card-refunded-part', {
      refunded: { money: { minor: p.refundedAmount, currency: p.currency } },
      amount: { money: { minor: p.amount, currency: p.currency } },
    });
  return ctx.t('admin-payments-card-refund-none');
}

function cardText(ctx: Context, c: PaymentCard): string {
  const p = c.payment;
  const lines = [
    ctx.t(p.rail === 'stars' ? 'admin-payments-card-title-stars' : 'admin-payments-card-title-card', {
      id: String(p.id),
    }),
    '',
    ctx.t('admin-payments-card-fan', { fan: { html: fanText(ctx, p) } }),
    ctx.t('admin-payments-card-product', {
      product: { html: escapeCut(p.productTitle, 80) },
      grant: { html: grantText(ctx, p) },
    }),
    ctx.t('admin-payments-card-amount', { amount: { html: amountText(ctx, p) } }),
    ctx.t('admin-payments-card-status', { status: { html: statusText(ctx, p) } }),
    ctx.t('admin-payments-card-created', { at: p.createdAt }),
    ...(p.paidAt ? [ctx.t('admin-payments-card-paid', { at: p.paidAt })] : []),
    refundStateLine(ctx, c),
    ...p.disputes.map((d) =>
      d.closedAt
        ? ctx.t('admin-payments-card-dispute-closed', { id: d.id, status: d.status, at: d.closedAt })
        : ctx.t('admin-payments-card-dispute-open', { id: d.id, status: d.status, at: d.openedAt }),
    ),
    ...(p.providerChargeId
      ? [
          ctx.t(p.rail === 'stars' ? 'admin-payments-card-charge-stars' : 'admin-payments-card-charge-card', {
            charge: p.providerChargeId,
          }),
        ]
      : []),
  ];
  if (c.canRefund && c.notRefundable && c.notRefundable !== 'already_refunded')
    lines.push('', ctx.t(REASON_KEYS[c.notRefundable]));
  return fitText(lines.join('\n'));
}

function cardScreen(ctx: Context, c: PaymentCard, from: From, notice?: string): HubScreen {
  const p = c.payment;
  const arg = cardArg(p.id, from);
  const rows: HubButton[][] = [];
  if (c.canRefund && c.notRefundable === null)
    rows.push([{ text: ctx.t('admin-payments-refund-button'), to: { cat: CAT, act: 'refund', arg } }]);
  if (c.links.payment) rows.push([{ text: ctx.t('admin-payments-stripe-payment'), url: c.links.payment }]);
  for (const d of c.links.disputes)
    rows.push([{ text: ctx.t('admin-payments-stripe-dispute', { id: d.id }), url: d.url }]);
  rows.push([
    {
      text: ctx.t('admin-payments-fan-payments'),
      to: { cat: CAT, act: 'list', arg: listArg({ rail: 'a', status: 'a', fan: p.userId, page: 0 }) },
    },
  ]);
  const text = notice ? `${notice}\n\n${cardText(ctx, c)}` : cardText(ctx, c);
  return { text: fitText(text), rows, back: fromTarget(from) };
}

function confirmScreen(ctx: Context, c: PaymentCard, from: From): HubScreen {
  const p = c.payment;
  const arg = cardArg(p.id, from);
  const args = {
    id: String(p.id),
    fan: { html: fanText(ctx, p) },
    amount: { html: amountText(ctx, p) },
  };
  const text =
    p.rail === 'stripe'
      ? ctx.t('admin-payments-confirm-card', {
          ...args,
          rest: { money: { minor: p.amount - p.refundedAmount, currency: p.currency } },
        })
      : p.kind === 'credits'
        ? ctx.t('admin-payments-confirm-stars-credits', { ...args, credits: p.quantity })
        : p.kind === 'time'
          ? ctx.t('admin-payments-confirm-stars-time', { ...args, duration: { duration: p.quantity * 1000 } })
          : ctx.t('admin-payments-confirm-stars-unlock', args);
  return {
    text,
    rows: [
      [{ text: ctx.t('admin-payments-confirm-yes'), to: { cat: CAT, act: 'dorefund', arg } }],
      [{ text: ctx.t('admin-payments-confirm-no'), to: { cat: CAT, act: 'pay', arg } }],
    ],
    back: { cat: CAT, act: 'pay', arg },
  };
}

/** What the refund did (or why not), shown above the payment's card. */
function refundOutcome(ctx: Context, res: Extract<AdminRefundResult, { ok: true }>): string {
  const r = res.result;
  const id = String(res.card.payment.id);
  if (r.rail === 'stripe') {
    if (r.ok) return ctx.t('admin-payments-refund-card-sent', { id, amount: r.amount });
    if (r.code === 'provider_error')
      return ctx.t('admin-payments-refund-card-refused', { detail: r.detail ?? '' });
    return ctx.t('admin-payments-refund-failed', { id, detail: r.detail ?? r.code });
  }
  if (r.ok) {
    if (r.kind === 'credits')
      return ctx.t('admin-payments-refunded-credits', {
        id,
        stars: r.stars,
        taken: r.taken,
        balance: r.balance,
      });
    if (r.kind === 'time')
      return r.until
        ? ctx.t('admin-payments-refunded-time', {
            id,
            stars: r.stars,
            duration: { duration: r.seconds * 1000 },
            until: r.until,
          })
        : ctx.t('admin-payments-refunded-time-ended', {
            id,
            stars: r.stars,
            duration: { duration: r.seconds * 1000 },
          });
    return ctx.t(r.revoked ? 'admin-payments-refunded-unlock' : 'admin-payments-refunded-unlock-kept', {
      id,
      stars: r.stars,
      title: r.title,
    });
  }
  if (r.code === 'already_refunded') return ctx.t('admin-payments-not-refundable-already');
  if (r.code === 'pending') return ctx.t('admin-payments-refund-pending', { id });
  if (r.code === 'telegram_error')
    return ctx.t('admin-payments-refund-stars-refused', { detail: r.detail ?? '' });
  return ctx.t('admin-payments-refund-failed', { id, detail: r.detail ?? r.code });
}

// ---------------------------------------------------------------------------------------------------
// Revenue

function pad(s: string, n: number, left = false): string {
  const len = [...s].length;
  if (len >= n) return s;
  return left ? ' '.repeat(n - len) + s : s + ' '.repeat(n - len);
}

function revenueScreen(ctx: Context, t: RevenueTable, at: Date): HubScreen {
  const dayFormat = new Intl.DateTimeFormat(ctx.locale, {
    timeZone: t.timezone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
  });
  const numberFormat = new Intl.NumberFormat(ctx.locale);
  const money = (minor: number, currency: string) => {
    if (minor === 0) return '–';
    const digits = minorUnitDigits(currency);
    return new Intl.NumberFormat(ctx.locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(minor / 10 ** digits);
  };
  const stars = (n: number) => (n === 0 ? '–' : numberFormat.format(n));
  const body = [...t.rows]
    .reverse()
    .map((r) => [
      dayFormat.format(r.day),
      stars(r.stars),
      ...t.currencies.map((c) => money(r.card[c] ?? 0, c)),
    ]);
  const head = [ctx.t('admin-payments-revenue-day'), '⭐', ...t.currencies.map((c) => c.toUpperCase())];
  const total = [
    ctx.t('admin-payments-revenue-total'),
    stars(t.totals.stars),
    ...t.currencies.map((c) => money(t.totals.card[c] ?? 0, c)),
  ];
  const widths = head.map((_, i) => Math.max(...[head, ...body, total].map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((cell, i) => pad(cell, widths[i]!, i > 0)).join('  ');
  const rule = '─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // The table stays one closed <pre>: with many currencies the oldest days give way to a "…" row
  // (the total still counts all of them).
  const fixed = [line(head), rule, rule, line(total)].map(esc);
  let room = TABLE_BUDGET - fixed.reduce((n, l) => n + l.length + 1, 0) - 2;
  const shown: string[] = [];
  for (const row of body) {
    const l = esc(line(row));
    if (l.length + 1 > room) {
      shown.push('…');
      break;
    }
    shown.push(l);
    room -= l.length + 1;
  }
  const table = [fixed[0]!, fixed[1]!, ...shown, fixed[2]!, fixed[3]!].join('\n');
  return {
    text: fitText(
      [
        ctx.t('admin-payments-revenue-title', { timezone: t.timezone }),
        '',
        `<pre>${table}</pre>`,
        '',
        updatedLine(ctx, at),
      ].join('\n'),
    ),
    rows: [[{ text: ctx.t('admin-hub-refresh'), to: { cat: CAT, act: 'revenue' } }]],
    back: { cat: CAT },
  };
}

// ---------------------------------------------------------------------------------------------------

/** Characters the revenue table may take (the screen's own words use the rest of the 4,096). */
const TABLE_BUDGET = 3600;

export const paymentsCategory: HubCategory = {
  id: CAT,
  permission: 'stats.view',
  titleKey: 'admin-hub-category-payments',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    const svc = ctx.services.adminPayments;
    switch (act) {
      case 'main':
        return arg === '0' ? menuScreen(ctx) : null;
      case 'list': {
        const s = parseList(arg);
        return s ? listScreenFor(ctx, s) : null;
      }
      case 'refunds':
      case 'disputes':
        return PAGE_ARG.test(arg) ? specialList(ctx, act, Number(arg)) : null;
      case 'fan': {
        const m = /^([asc])([aprfd])$/.exec(arg);
        if (!m) return null;
        return {
          text: ctx.t('admin-payments-fan-ask'),
          rows: [],
          back: { cat: CAT, act: 'list', arg: `${arg}0p0` },
          ask: { act: 'fan', arg },
        };
      }
      case 'revenue': {
        if (arg !== '0') return null;
        const res = await svc.revenue(actor);
        return res.ok ? revenueScreen(ctx, res.table, res.at) : notAllowed(ctx);
      }
      case 'pay':
      case 'refund':
      case 'dorefund': {
        const a = parseCard(arg);
        if (!a) return null;
        if (act === 'dorefund') {
          const res = await svc.refund(actor, a.id);
          if (!res.ok && res.code === 'not_refundable')
            return cardScreen(ctx, res.card, a.from, ctx.t(REASON_KEYS[res.reason]));
          if (!res.ok && res.code === 'unknown_payment')
            return {
              text: ctx.t('admin-payments-unknown', { id: String(a.id) }),
              rows: [],
              back: fromTarget(a.from),
            };
          if (!res.ok) return notAllowed(ctx);
          return cardScreen(ctx, res.card, a.from, refundOutcome(ctx, res));
        }
        const res = await svc.card(actor, a.id);
        if (!res.ok)
          return res.code === 'not_allowed'
            ? notAllowed(ctx)
            : {
                text: ctx.t('admin-payments-unknown', { id: String(a.id) }),
                rows: [],
                back: fromTarget(a.from),
              };
        if (act === 'pay') return cardScreen(ctx, res.card, a.from);
        // The confirmation: only for someone who may refund, and a payment that can be refunded now.
        if (!res.card.canRefund) return notAllowed(ctx);
        if (res.card.notRefundable)
          return cardScreen(ctx, res.card, a.from, ctx.t(REASON_KEYS[res.card.notRefundable]));
        return confirmScreen(ctx, res.card, a.from);
      }
      default:
        return null;
    }
  },
  async input(ctx, act, arg, message) {
    const m = /^([asc])([aprfd])$/.exec(arg);
    if (act !== 'fan' || !m) return null;
    const text = message.text?.trim();
    if (!text) return { retry: ctx.t('admin-payments-fan-retry') };
    const fan = await ctx.services.adminPayments.findFan(ctx.from!.id, text);
    if (!fan) return { retry: ctx.t('admin-payments-fan-unknown', { query: text.slice(0, 64) }) };
    return listScreenFor(ctx, { rail: m[1] as RailCode, status: m[2] as StatusCode, fan: fan.id, page: 0 });
  },
};
