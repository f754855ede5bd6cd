import { balanceBar } from '../../domain/ledger/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { LedgerReason, Payment, Repos, TextArg, TextRef } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice } from '../system/notices.ts';
import { extendUserPass } from './passes.ts';
import { text } from '../texts.ts';
import { OUTBOX_CLASS } from '../outbox/policy.ts';

/**
 * Gives the fan what a paid payment bought, inside the caller's transaction (which already moved the
 * payment to `paid`): credits through a ledger entry keyed `key`, or a pass extended from its current
 * end. Then the confirmation and a card re-render. False when the ledger already had `key` (a repeat).
 */
export async function grantPayment(
  r: Repos,
  deps: { clock: Clock; renderTimings?: RenderTimings | undefined },
  payment: Payment,
  g: {
    key: string;
    actor: string;
    reason?: Extract<LedgerReason, 'purchase' | 'auto_recharge'>;
    metadata: Record<string, unknown>;
    /** What the fan paid: `⭐ 50` for Stars, `{ money }` for a card. */
    paid: TextArg;
  },
): Promise<boolean> {
  const now = deps.clock.now();
  let notice: TextRef;
  if (payment.kind === 'credits') {
    const grant = await r.ledger.apply({
      userId: payment.userId,
      delta: payment.quantity,
      reason: g.reason ?? 'purchase',
      idempotencyKey: g.key,
      actor: g.actor,
      metadata: { paymentId: payment.id, ...g.metadata },
    });
    if (grant.status !== 'applied') return false;
    const bar = balanceBar(grant.entry.balanceAfter, payment.quantity);
    notice = text(
      g.reason === 'auto_recharge' ? 'billing-receipt-auto-recharge' : 'billing-receipt-credits',
      {
        credits: payment.quantity,
        balance: grant.entry.balanceAfter,
        max: bar.max,
        cells: bar.cells,
        percent: bar.percent,
        paid: g.paid,
      },
    );
  } else if (payment.kind === 'time') {
    // A pass has no ledger amount: a zero entry carries the key, so a repeat is found the same way.
    const mark = await r.ledger.apply({
      userId: payment.userId,
      delta: 0,
      reason: g.reason ?? 'purchase',
      idempotencyKey: g.key,
      actor: g.actor,
      metadata: { paymentId: payment.id, seconds: payment.quantity, ...g.metadata },
    });
    if (mark.status !== 'applied') return false;
    const until = await extendUserPass(r, deps.clock, payment.userId, payment.quantity);
    notice = text('billing-receipt-pass', { until, paid: g.paid });
  } else {
    throw new Error(`payment #${payment.id} of kind ${payment.kind} has no grant here`);
  }
  // A payment confirmation overtakes the receipts queued in the fan's chat (the outbox's class 1).
  await r.outbox.enqueue([
    fanNotice(payment.userId, `purchase-notice:${g.key}`, notice, { priority: OUTBOX_CLASS.reply }),
  ]);
  await scheduleCardRender(r, payment.userId, now, deps.renderTimings);
  return true;
}
