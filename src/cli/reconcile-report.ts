import type { FixResult, ReconcileReport } from '../app/reconcile/index.ts';
import type { Mismatch } from '../domain/reconcile/index.ts';

/** Minor units as the currency writes them (2 decimals for USD, none for JPY); Stars as ⭐. */
export function money(minor: number, currency: string): string {
  if (currency.toUpperCase() === 'XTR') return `⭐ ${minor}`;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // An unknown code: shown with two decimals, as Stripe's most common.
  }
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency.toUpperCase()}`;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const WHAT: Record<Mismatch['kind'], string> = {
  paid_not_granted: 'paid at the provider, not granted',
  refunded_not_clawed_back: 'refunded at the provider, not clawed back',
  granted_not_paid: 'granted here, not paid at the provider',
  amount_differs: 'amounts differ',
};

const WHY: Record<Mismatch['cause'], string> = {
  unpaid: 'our payment is still pending or failed',
  ungranted: 'marked paid, but the ledger has no grant',
  unknown_payment: 'its metadata names a payment of ours that does not exist (or another fan’s)',
  second_charge: 'our payment was already paid through another charge',
  refund: 'a refund the books never took back',
  dispute: 'a dispute the books never recorded',
  missing: 'the provider has no such succeeded payment',
  amount: 'the provider took a different amount',
  currency: 'the provider took another currency',
};

/** One mismatch: its id and kind, the payment, both sides, and what to do. */
function mismatchLines(m: Mismatch): string[] {
  const who = [
    m.ref ? `${m.rail} ${m.ref}` : m.rail,
    m.paymentId !== null ? `payment #${m.paymentId}` : null,
    m.userId !== null ? `fan ${m.userId}` : null,
  ].filter(Boolean);
  const sides = [
    m.provider
      ? `provider ${money(m.provider.amount, m.provider.currency)}${m.provider.refunded > 0 ? `, refunded ${money(m.provider.refunded, m.provider.currency)}` : ''}`
      : m.dispute
        ? `dispute ${m.dispute.id} ${money(m.dispute.amount, m.dispute.currency)} (${m.dispute.status}, ${m.dispute.reason})`
        : 'provider: none',
    m.booked
      ? `books ${m.booked.status} ${money(m.booked.amount, m.booked.currency)}${m.booked.refunded > 0 ? `, refunded ${money(m.booked.refunded, m.booked.currency)}` : ''}`
      : 'books: none',
  ];
  const todo =
    m.action === 'apply'
      ? `fix: npm run reconcile -- --apply ${m.id}${m.kind === 'paid_not_granted' ? ' (grants it, keyed like the webhook)' : ' (claws back, keyed like the webhook)'}`
      : 'report only: look at it in the provider’s dashboard; nothing is changed automatically';
  return [
    `${m.id}  ${WHAT[m.kind]}: ${WHY[m.cause]}`,
    `    ${who.join(' · ')}`,
    `    ${sides.join('; ')}`,
    `    ${todo}`,
  ];
}

/** The report as the operator reads it: the period, what was read, then each mismatch. */
export function formatReconcileReport(r: ReconcileReport): string {
  const lines = [`reconcile ${utc(r.since)} → ${utc(r.until)}`];
  for (const rail of r.rails) {
    if (rail.status === 'off') lines.push(`  ${rail.rail}: not set up, not compared`);
    else if (rail.status === 'failed')
      lines.push(`  ${rail.rail}: COULD NOT BE READ (${rail.error}), not compared`);
    else
      lines.push(
        `  ${rail.rail}: ${rail.payments} payment${rail.payments === 1 ? '' : 's'}${rail.rail === 'stripe' ? `, ${rail.disputes} dispute${rail.disputes === 1 ? '' : 's'}` : ''} read`,
      );
  }
  lines.push(`  ${r.booked} of our payments compared`);
  const n = r.mismatches.length;
  const fixable = r.mismatches.filter((m) => m.action === 'apply').length;
  lines.push(
    n === 0
      ? 'books match: no mismatches'
      : `${n} mismatch${n === 1 ? '' : 'es'}, ${fixable} fixable with --apply <id>, ${n - fixable} to look at`,
  );
  for (const m of r.mismatches) lines.push('', ...mismatchLines(m));
  return lines.join('\n');
}

/** The answer to `--apply <id>`. */
export function formatFixResult(id: string, res: FixResult): string {
  if (res.ok)
    return `applied ${id}: ${WHAT[res.mismatch.kind]} (${res.mismatch.rail} ${res.mismatch.ref}); a ledger entry and an audit row record it`;
  switch (res.code) {
    case 'not_found':
      return `nothing to apply: ${id} is not a mismatch in this period now (fixed already, or give the same --days/--since as the report)`;
    case 'report_only':
      return `not applied: ${id} is reported only (${WHAT[res.mismatch!.kind]}); look at it in the provider’s dashboard`;
    case 'duplicate':
      return `nothing to apply: ${id} was fixed meanwhile (by its webhook, or another run)`;
    case 'not_allowed':
      return `not allowed`;
  }
}
