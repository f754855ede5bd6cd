/**
 * Reconciliation: what the payment providers' statements say (Stripe's PaymentIntents, refunds and
 * disputes; Telegram's Star transactions) against what our books say (`payments`, the ledger's grant
 * keys, the recorded disputes). Pure: the use case reads both sides and asks this module what differs.
 */

export type Rail = 'stripe' | 'stars';

/** A payment the provider took (succeeded), as its statement shows it. */
export interface ProviderPayment {
  rail: Rail;
  /** The PaymentIntent id (Stripe) or `telegram_payment_charge_id` (Stars): our `providerChargeId`. */
  ref: string;
  /** Our payment id, from the metadata we set (Stripe) or the invoice payload (Stars); null: not ours. */
  paymentId: number | null;
  userId: number | null;
  /** Minor units (Stripe) or Stars. */
  amount: number;
  currency: string;
  /** Refunded so far: cumulative minor units (Stripe), the whole amount once refunded (Stars). */
  refunded: number;
  at: Date;
}

/** A Stripe dispute (chargeback) on one of the provider's payments. */
export interface ProviderDispute {
  id: string;
  /** The disputed PaymentIntent. */
  ref: string;
  amount: number;
  currency: string;
  /** Stripe's status: `needs_response`, `under_review`, `won`, `lost`, `warning_closed`… */
  status: string;
  reason: string;
  at: Date;
}

/** Our side: one `payments` row. */
export interface BookedPayment {
  id: number;
  userId: number;
  rail: Rail;
  status: 'pending' | 'paid' | 'failed' | 'refunded';
  kind: 'credits' | 'time' | 'unlock';
  amount: number;
  currency: string;
  providerChargeId: string | null;
  refundedAmount: number;
  paidAt: Date | null;
}

export interface ReconcileInput {
  since: Date;
  until: Date;
  /** Rails whose statement was read: only those are compared (a rail not read proves nothing). */
  rails: readonly Rail[];
  /** Succeeded provider payments: those of the period, and any our paid payments of the period point to. */
  provider: readonly ProviderPayment[];
  disputes: readonly ProviderDispute[];
  /** Our payments: those the provider's payments and disputes name, and those paid in the period. */
  booked: readonly BookedPayment[];
  /** Which of the grant keys (`grantKey`) of those payments the ledger holds. */
  ledgerKeys: ReadonlySet<string>;
  /** Dispute ids recorded in our `disputes` table. */
  knownDisputes: ReadonlySet<string>;
}

export const MISMATCH_KINDS = [
  'paid_not_granted',
  'refunded_not_clawed_back',
  'granted_not_paid',
  'amount_differs',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

/**
 * Why a mismatch is what it is (the report says it): `unpaid` (our payment is still pending or failed),
 * `ungranted` (paid, but the ledger has no grant), `unknown_payment` (the metadata names a payment we do
 * not have), `second_charge` (our payment was paid through another charge), `refund`, `dispute`,
 * `missing` (the provider has no such payment), `amount`, `currency`.
 */
export type MismatchCause =
  | 'unpaid'
  | 'ungranted'
  | 'unknown_payment'
  | 'second_charge'
  | 'refund'
  | 'dispute'
  | 'missing'
  | 'amount'
  | 'currency';

export interface Mismatch {
  /** Stable across runs while the fact holds: `png-…`, `rnc-…`, `gnp-…`, `amt-…`. */
  id: string;
  kind: MismatchKind;
  cause: MismatchCause;
  rail: Rail;
  /** `apply`: fixable through the keyed path (`--apply <id>`); `report`: for a person to look at. */
  action: 'apply' | 'report';
  /** The provider's reference (PaymentIntent id or Stars charge id). */
  ref: string;
  paymentId: number | null;
  userId: number | null;
  /** What the provider says (null: nothing). */
  provider: { amount: number; currency: string; refunded: number } | null;
  /** What our books say (null: no such payment). */
  booked: { amount: number; currency: string; status: BookedPayment['status']; refunded: number } | null;
  /** A dispute's id, amount and reason (cause `dispute`). */
  dispute?: { id: string; amount: number; currency: string; status: string; reason: string };
}

/** The ledger key of a payment's grant: the one key every path that grants it uses. */
export const grantKey = (rail: Rail, ref: string) => (rail === 'stripe' ? `stripe:${ref}` : `stars:${ref}`);

/** Disputes that ended without the money leaving: nothing to claw back. */
const SETTLED_FOR_US = new Set(['won', 'warning_closed']);

const PREFIX: Record<MismatchKind, string> = {
  paid_not_granted: 'png',
  refunded_not_clawed_back: 'rnc',
  granted_not_paid: 'gnp',
  amount_differs: 'amt',
};

/**
 * A short stable id for a fact: the kind's prefix and a 53-bit hash (cyrb53) of what identifies it, in
 * base 36. Short enough for a button's callback data and a command line; a new fact (a further refund)
 * gets a new id, so it is alerted anew.
 */
export function mismatchId(kind: MismatchKind, parts: ReadonlyArray<string | number>): string {
  const input = [kind, ...parts].join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${PREFIX[kind]}-${hash.toString(36).padStart(11, '0')}`;
}

export const isMismatchId = (s: string) => /^(png|rnc|gnp|amt)-[0-9a-z]{11}$/.test(s);

const sameCurrency = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const granted = (b: BookedPayment) => b.status === 'paid' || b.status === 'refunded';
const inPeriod = (at: Date | null, i: Pick<ReconcileInput, 'since' | 'until'>) =>
  at !== null && at.getTime() >= i.since.getTime() && at.getTime() <= i.until.getTime();

/**
 * Every difference between the providers' statements and our books, once each, in a stable order
 * (by kind, then reference). Read-only: what to do about each is the caller's (`action`).
 */
export function compareBooks(input: ReconcileInput): Mismatch[] {
  const rails = new Set(input.rails);
  const byId = new Map(input.booked.map((b) => [b.id, b]));
  const byRef = new Map(
    input.booked
      .filter((b) => b.providerChargeId !== null)
      .map((b) => [`${b.rail}:${b.providerChargeId}`, b]),
  );
  const providerRefs = new Set<string>();
  const out: Mismatch[] = [];
  const bookedView = (b: BookedPayment) => ({
    amount: b.amount,
    currency: b.currency,
    status: b.status,
    refunded: b.refundedAmount,
  });
  const providerView = (p: ProviderPayment) => ({
    amount: p.amount,
    currency: p.currency,
    refunded: p.refunded,
  });

  for (const p of input.provider) {
    if (!rails.has(p.rail)) continue;
    providerRefs.add(`${p.rail}:${p.ref}`);
    if (p.paymentId === null) continue; // another integration's charge, or content bought as paid media
    const b = byId.get(p.paymentId) ?? null;
    const base = { rail: p.rail, ref: p.ref, paymentId: p.paymentId, provider: providerView(p) };
    if (!b || b.rail !== p.rail || (p.userId !== null && b.userId !== p.userId)) {
      out.push({
        ...base,
        id: mismatchId('paid_not_granted', [p.rail, p.ref, 'unknown']),
        kind: 'paid_not_granted',
        cause: 'unknown_payment',
        action: 'report',
        userId: p.userId,
        booked: null,
      });
      continue;
    }
    const mine = { ...base, userId: b.userId, booked: bookedView(b) };
    if (b.providerChargeId !== null && b.providerChargeId !== p.ref) {
      out.push({
        ...mine,
        id: mismatchId('paid_not_granted', [p.rail, p.ref, 'second']),
        kind: 'paid_not_granted',
        cause: 'second_charge',
        action: 'report',
      });
      continue;
    }
    if (!sameCurrency(p.currency, b.currency) || p.amount !== b.amount) {
      const cause = sameCurrency(p.currency, b.currency) ? 'amount' : 'currency';
      out.push({
        ...mine,
        id: mismatchId('amount_differs', [p.rail, p.ref, p.amount, p.currency.toLowerCase()]),
        kind: 'amount_differs',
        cause,
        action: 'report',
      });
      continue;
    }
    const fullyRefunded = p.refunded >= p.amount;
    if (!granted(b)) {
      // Paid and wholly refunded before anything was granted: nothing is owed either way.
      if (fullyRefunded) continue;
      out.push({
        ...mine,
        id: mismatchId('paid_not_granted', [p.rail, p.ref]),
        kind: 'paid_not_granted',
        cause: 'unpaid',
        action: 'apply',
      });
      continue;
    }
    // Unlocks are granted as content (their own rows), not as a ledger entry.
    if (b.kind !== 'unlock' && b.status === 'paid' && !input.ledgerKeys.has(grantKey(p.rail, p.ref))) {
      out.push({
        ...mine,
        id: mismatchId('paid_not_granted', [p.rail, p.ref]),
        kind: 'paid_not_granted',
        cause: 'ungranted',
        action: 'apply',
      });
      continue;
    }
    const refundedHere = p.rail === 'stripe' ? b.refundedAmount : b.status === 'refunded' ? b.amount : 0;
    if (p.refunded > refundedHere) {
      out.push({
        ...mine,
        id: mismatchId('refunded_not_clawed_back', [p.rail, p.ref, p.refunded]),
        kind: 'refunded_not_clawed_back',
        cause: 'refund',
        action: 'apply',
      });
    }
  }

  if (rails.has('stripe')) {
    for (const d of input.disputes) {
      if (SETTLED_FOR_US.has(d.status) || input.knownDisputes.has(d.id)) continue;
      const b = byRef.get(`stripe:${d.ref}`);
      if (!b || !granted(b)) continue; // not ours, or nothing was granted to take back
      out.push({
        id: mismatchId('refunded_not_clawed_back', ['stripe', d.ref, 'dispute', d.id]),
        kind: 'refunded_not_clawed_back',
        cause: 'dispute',
        rail: 'stripe',
        action: 'apply',
        ref: d.ref,
        paymentId: b.id,
        userId: b.userId,
        provider: null,
        booked: bookedView(b),
        dispute: { id: d.id, amount: d.amount, currency: d.currency, status: d.status, reason: d.reason },
      });
    }
  }

  for (const b of input.booked) {
    if (!rails.has(b.rail) || !granted(b) || !inPeriod(b.paidAt, input)) continue;
    if (b.providerChargeId !== null && providerRefs.has(`${b.rail}:${b.providerChargeId}`)) continue;
    out.push({
      id: mismatchId('granted_not_paid', [b.rail, b.id, b.providerChargeId ?? '']),
      kind: 'granted_not_paid',
      cause: 'missing',
      rail: b.rail,
      action: 'report',
      ref: b.providerChargeId ?? '',
      paymentId: b.id,
      userId: b.userId,
      provider: null,
      booked: bookedView(b),
    });
  }

  const order = new Map(MISMATCH_KINDS.map((k, i) => [k, i]));
  return out.sort(
    (a, b) => order.get(a.kind)! - order.get(b.kind)! || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
}
