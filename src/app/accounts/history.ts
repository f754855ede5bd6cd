import { formatDuration } from '../../domain/entitlement/index.ts';
import type { LedgerEntry, LedgerReason, LedgerTotals, Payment, UnitOfWork } from '../ports/index.ts';

export interface HistoryDeps {
  uow: UnitOfWork;
}

export const HISTORY_PAGE_SIZE = 10;

/** One line of the fan's history. */
export interface HistoryItem {
  date: Date;
  reason: LedgerReason;
  delta: number;
  balanceAfter: number;
  /** What the entry was about (the purchase's pack or pass, the message type…), or '' when nothing. */
  details: string;
}

export interface HistoryPage {
  /** 1-based, clamped into 1…pages. */
  page: number;
  /** At least 1 (an empty history still has one, empty, page). */
  pages: number;
  total: number;
  items: HistoryItem[];
  /** Lifetime figures, all positive (see LedgerRepo.totals). */
  totals: LedgerTotals;
}

function str(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** The human details of an entry, from its metadata (and the payment it records, for purchases). */
function details(e: LedgerEntry, payment: Payment | null): string {
  const m = e.metadata;
  const parts: string[] = [];
  const product = str(m.product) ?? str(m.title);
  if (product) parts.push(product);
  if (payment) {
    if (!product) {
      parts.push(
        payment.kind === 'time'
          ? `${formatDuration(payment.quantity * 1000)} pass`
          : `${payment.quantity} ${payment.kind}`,
      );
    }
  } else if (str(m.quantity) && !product) {
    parts.push(`quantity ${str(m.quantity)}`);
  }
  const stars = str(m.stars);
  if (stars) parts.push(`⭐ ${stars}`);
  const type = str(m.type);
  if (type) parts.push(`${type} message`);
  if (m.album === true) parts.push('album');
  if (m.timePass === true) parts.push('time pass');
  const why = str(m.why);
  if (why) parts.push(why);
  if (m.kind === 'new_fan') parts.push('welcome bonus');
  return parts.join(', ');
}

async function toItems(deps: HistoryDeps, entries: LedgerEntry[]): Promise<HistoryItem[]> {
  const payments = new Map<number, Payment | null>();
  for (const e of entries) {
    const id = e.metadata.paymentId;
    if (typeof id === 'number' && !payments.has(id)) {
      const payment = await deps.uow.repos.payments.get(id);
      payments.set(id, payment?.userId === e.userId ? payment : null);
    }
  }
  return entries.map((e) => {
    const id = e.metadata.paymentId;
    return {
      date: e.createdAt,
      reason: e.reason,
      delta: e.delta,
      balanceAfter: e.balanceAfter,
      details: details(e, typeof id === 'number' ? (payments.get(id) ?? null) : null),
    };
  });
}

/** A page of the fan's ledger, newest first, with lifetime totals. Out-of-range pages are clamped. */
export async function historyPage(
  deps: HistoryDeps,
  a: { userId: number; page: number },
): Promise<HistoryPage> {
  const { ledger } = deps.uow.repos;
  const total = await ledger.count(a.userId);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.isSafeInteger(a.page) ? a.page : 1));
  const entries = await ledger.page(a.userId, (page - 1) * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE);
  return {
    page,
    pages,
    total,
    items: await toItems(deps, entries),
    totals: await ledger.totals(a.userId),
  };
}

// ------------------------------------------------------------------ CSV

const CSV_HEADER = ['date', 'reason', 'credits', 'balance_after', 'details'];

/**
 * One RFC 4180 field. Text fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and the
 * tab/CR tricks) get a leading `'`; numeric columns are written as numbers and left alone.
 */
export function csvField(value: string | number, opts: { numeric?: boolean } = {}): string {
  let s = String(value);
  if (!opts.numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function historyCsvRows(items: HistoryItem[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const i of items) {
    lines.push(
      [
        csvField(i.date.toISOString()),
        csvField(i.reason),
        csvField(i.delta, { numeric: true }),
        csvField(i.balanceAfter, { numeric: true }),
        csvField(i.details),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Every entry of the fan's ledger as CSV, newest first. */
export async function historyCsv(deps: HistoryDeps, userId: number): Promise<string> {
  const { ledger } = deps.uow.repos;
  const total = await ledger.count(userId);
  const items: HistoryItem[] = [];
  for (let offset = 0; offset < total; offset += 500) {
    items.push(...(await toItems(deps, await ledger.page(userId, offset, 500))));
  }
  return historyCsvRows(items);
}
