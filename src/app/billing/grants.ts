import { balanceBar } from '../../domain/ledger/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { LedgerReason, Payment, Repos } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice } from '../system/notices.ts';
import { extendUserPass } from './passes.ts';
import { utcMinute } from '../messages.ts';

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
    /** What the fan paid, as shown ("⭐ 50", "$4.99"). */
    paid: string;
  },
): Promise<boolean> {
  const now = deps.clock.now();
  let html: string;
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
    const bar = balanceBar(grant.entry.balanceAfter, payment.quantity).text;
    const head = g.reason === 'auto_recharge' ? '🔄 Auto-recharge: ' : '✅ ';
    html = `${head}<b>+${payment.quantity} credits</b> — balance ${grant.entry.balanceAfter}\n<code>${bar}</code>`;
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
    html = `✅ <b>Pass active until ${utcMinute(until)}</b>: every message is free until then.`;
  } else {
    throw new Error(`payment #${payment.id} of kind ${payment.kind} has no grant here`);
  }
  await r.outbox.enqueue([
    fanNotice(payment.userId, `purchase-notice:${g.key}`, `${html}\n<i>Paid ${g.paid}.</i>`),
  ]);
  await scheduleCardRender(r, payment.userId, now, deps.renderTimings);
  return true;
}
