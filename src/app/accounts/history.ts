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
  /** What the entry was about (the purchase's pack or pass, the message type…), for the reader's words. */
  details: HistoryDetail[];
}

/** One part of an entry's details; the bot words each in the fan's language. */
export type HistoryDetail =
  /** A product or item name, as stored. */
  | { kind: 'name'; name: string }
  /** A purchase of credits. */
  | { kind: 'credits'; count: number }
  /** A purchase of a time pass of this length. */
  | { kind: 'pass'; ms: number }
  /** Any other quantity bought. */
  | { kind: 'quantity'; quantity: string }
  | { kind: 'stars'; stars: string }
  /** A message of this type (`text`, `photo`…). */
  | { kind: 'message'; type: string }
  | { kind: 'album' }
  | { kind: 'time_pass' }
  | { kind: 'welcome' }
  /** The bonus for finishing the quick tour (onboarding). */
  | { kind: 'tutorial' }
  /** A test account's reset by the owner: what came before is hidden. */
  | { kind: 'reset' }
  /** Why, as recorded (`why` in the entry's metadata). */
  | { kind: 'note'; text: string };

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

/** The details of an entry, from its metadata (and the payment it records, for purchases). */
function details(e: LedgerEntry, payment: Payment | null): HistoryDetail[] {
  const m = e.metadata;
  const parts: HistoryDetail[] = [];
  const product = str(m.product) ?? str(m.title);
  if (product) parts.push({ kind: 'name', name: product });
  if (payment) {
    if (!product) {
      parts.push(
        payment.kind === 'time'
          ? { kind: 'pass', ms: payment.quantity * 1000 }
          : payment.kind === 'credits'
            ? { kind: 'credits', count: payment.quantity }
            : { kind: 'quantity', quantity: String(payment.quantity) },
      );
    }
  } else if (str(m.quantity) && !product) {
    parts.push({ kind: 'quantity', quantity: str(m.quantity)! });
  }
  const stars = str(m.stars);
  if (stars) parts.push({ kind: 'stars', stars });
  const type = str(m.type);
  if (type) parts.push({ kind: 'message', type });
  if (m.album === true) parts.push({ kind: 'album' });
  if (m.timePass === true) parts.push({ kind: 'time_pass' });
  const why = str(m.why);
  if (why) parts.push({ kind: 'note', text: why });
  if (m.kind === 'new_fan') parts.push({ kind: 'welcome' });
  if (m.kind === 'tutorial') parts.push({ kind: 'tutorial' });
  if (m.kind === 'reset') parts.push({ kind: 'reset' });
  return parts;
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

/**
 * Where the fan's visible history starts: after an owner's reset of a test account (`/reset`), at the
 * reset marker itself (the first line), so what came before is hidden but never deleted.
 */
export async function historyStart(deps: HistoryDeps, userId: number): Promise<number> {
  const reset = await deps.uow.repos.fanData.lastReset(userId);
  return reset ? reset.entryId - 1 : 0;
}

/** A page of the fan's ledger, newest first, with lifetime totals. Out-of-range pages are clamped. */
export async function historyPage(
  deps: HistoryDeps,
  a: { userId: number; page: number },
): Promise<HistoryPage> {
  const { ledger } = deps.uow.repos;
  const after = await historyStart(deps, a.userId);
  const total = await ledger.count(a.userId, after);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.isSafeInteger(a.page) ? a.page : 1));
  const entries = await ledger.page(a.userId, (page - 1) * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE, after);
  return {
    page,
    pages,
    total,
    items: await toItems(deps, entries),
    totals: await ledger.totals(a.userId, after),
  };
}

// ------------------------------------------------------------------ CSV

/**
 * How the fan's export is worded (their language): the column names, and an entry's details as text.
 * Dates (ISO), reasons (codes) and numbers stay as they are, for spreadsheets.
 */
export interface HistoryCsvWords {
  header: [date: string, reason: string, credits: string, balanceAfter: string, details: string];
  details(parts: HistoryDetail[]): string;
}

/**
 * One RFC 4180 field. Text fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and the
 * tab/CR tricks) get a leading `'`; numeric columns are written as numbers and left alone.
 */
export function csvField(value: string | number, opts: { numeric?: boolean } = {}): string {
  let s = String(value);
  if (!opts.numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function historyCsvRows(items: HistoryItem[], words: HistoryCsvWords): string {
  const lines = [words.header.map((h) => csvField(h)).join(',')];
  for (const i of items) {
    lines.push(
      [
        csvField(i.date.toISOString()),
        csvField(i.reason),
        csvField(i.delta, { numeric: true }),
        csvField(i.balanceAfter, { numeric: true }),
        csvField(words.details(i.details)),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Every entry of the fan's ledger as CSV, newest first. */
export async function historyCsv(deps: HistoryDeps, userId: number, words: HistoryCsvWords): Promise<string> {
  const { ledger } = deps.uow.repos;
  const after = await historyStart(deps, userId);
  const total = await ledger.count(userId, after);
  const items: HistoryItem[] = [];
  for (let offset = 0; offset < total; offset += 500) {
    items.push(...(await toItems(deps, await ledger.page(userId, offset, 500, after))));
  }
  return historyCsvRows(items, words);
}
