/**
 * The payment search's typed query (`/search` → Payments): words in any order, each one filter, all of
 * them combined:
 *
 *   `#123` or `123`        the payment with that id
 *   `@alice`, `fan:42`     one fan (by @username, or by id)
 *   `5-20`, `5..20`,       an amount range in the payment's own currency (Stars, or euros, dollars…;
 *   `>=5`, `<=20`          decimals allowed)
 *   `2026-03-01`,          a local day, or a range of them (both included), in the `timezone` setting
 *   `2026-03-01..2026-03-31`
 *   `stars`, `card`        the rail
 *   `paid`, `refunded`, `failed`, `disputed`   the status
 */
export interface PaymentQuery {
  id?: number;
  userId?: number;
  username?: string;
  amountMin?: number;
  amountMax?: number;
  /** Local dates (YYYY-MM-DD), both included. */
  dateFrom?: string;
  dateTo?: string;
  rail?: 'stars' | 'stripe';
  status?: 'paid' | 'refunded' | 'failed' | 'disputed';
}

export type PaymentQueryResult =
  | { ok: true; query: PaymentQuery }
  | { ok: false; code: 'empty' }
  /** A word that is none of the above, or a range the wrong way round, or said twice. */
  | { ok: false; code: 'unknown' | 'range' | 'twice'; word: string };

const RAILS: Record<string, 'stars' | 'stripe'> = {
  stars: 'stars',
  '⭐': 'stars',
  card: 'stripe',
  stripe: 'stripe',
  '💳': 'stripe',
};
const STATUSES = ['paid', 'refunded', 'failed', 'disputed'] as const;
const AMOUNT = String.raw`(\d{1,9}(?:[.,]\d{1,3})?)`;
const RANGE = new RegExp(`^${AMOUNT}(?:-|\\.\\.)${AMOUNT}$`);
const BOUND = new RegExp(`^(>=|<=|>|<)${AMOUNT}$`);
const DATE = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/;

const amount = (s: string) => Number(s.replace(',', '.'));

/** Whether `s` (YYYY-MM-DD) is a real calendar date. */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Parses a typed payment query (pure; see the module comment for the words it knows). */
export function parsePaymentQuery(input: string): PaymentQueryResult {
  const words = input.trim().split(/\s+/).filter(Boolean).slice(0, 20);
  if (words.length === 0) return { ok: false, code: 'empty' };
  const q: PaymentQuery = {};
  const set = <K extends keyof PaymentQuery>(word: string, key: K, value: PaymentQuery[K]) => {
    if (q[key] !== undefined) return false;
    q[key] = value;
    return true;
  };
  for (const word of words) {
    const w = word.toLowerCase();
    let m: RegExpExecArray | null;
    let ok: boolean;
    if ((m = /^#?(\d{1,15})$/.exec(w))) ok = set(word, 'id', Number(m[1]));
    else if ((m = /^@([a-z0-9_]{4,32})$/.exec(w))) ok = set(word, 'username', m[1]);
    else if ((m = /^fan:(\d{1,15})$/.exec(w))) ok = set(word, 'userId', Number(m[1]));
    else if ((m = DATE.exec(w))) {
      const from = m[1]!;
      const to = m[2] ?? from;
      if (!isDate(from) || !isDate(to)) return { ok: false, code: 'unknown', word };
      if (to < from) return { ok: false, code: 'range', word };
      ok = set(word, 'dateFrom', from) && set(word, 'dateTo', to);
    } else if ((m = RANGE.exec(w))) {
      const [lo, hi] = [amount(m[1]!), amount(m[2]!)];
      if (hi < lo) return { ok: false, code: 'range', word };
      ok = set(word, 'amountMin', lo) && set(word, 'amountMax', hi);
    } else if ((m = BOUND.exec(w))) {
      const v = amount(m[2]!);
      ok = m[1]!.startsWith('>') ? set(word, 'amountMin', v) : set(word, 'amountMax', v);
    } else if (RAILS[w]) ok = set(word, 'rail', RAILS[w]);
    else if ((STATUSES as readonly string[]).includes(w))
      ok = set(word, 'status', w as (typeof STATUSES)[number]);
    else return { ok: false, code: 'unknown', word };
    if (!ok) return { ok: false, code: 'twice', word };
  }
  if (q.amountMin !== undefined && q.amountMax !== undefined && q.amountMax < q.amountMin)
    return { ok: false, code: 'range', word: input.trim() };
  return { ok: true, query: q };
}
