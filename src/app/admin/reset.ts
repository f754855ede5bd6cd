import { passRemaining } from '../../domain/entitlement/index.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';
import { scheduleCardRender } from '../relay/refresh.ts';
import type { AdminDeps } from './actions.ts';

/**
 * `/reset` (owners, `accounts.reset`): a test account back to zero without deleting anything. One
 * `adjustment` entry takes the whole balance (and is the reset marker: `/history` starts at it, and the
 * account is new again for the quick tour); the time pass ends. Refused for a fan who ever paid real
 * money unless forced. Audited; the fan is told.
 */
export type ResetResult =
  | { ok: true; status: 'reset'; removedCredits: number; passCleared: boolean; payments: number }
  /** This command was carried out already (a redelivery): nothing more happened. */
  | { ok: true; status: 'duplicate' }
  | { ok: false; code: 'not_admin' | 'unknown_fan' }
  /** The fan paid real money: only `force` resets them. */
  | { ok: false; code: 'has_payments'; payments: number };

export async function resetAccount(
  deps: AdminDeps,
  a: { adminId: number; userId: number; force: boolean; key: string },
): Promise<ResetResult> {
  if (!(await deps.access.can(a.adminId, 'accounts.reset'))) return { ok: false, code: 'not_admin' };
  const res = await deps.uow.run(async (r): Promise<ResetResult> => {
    const user = await r.users.getForUpdate(a.userId);
    if (!user) return { ok: false, code: 'unknown_fan' };
    const idempotencyKey = `reset:${a.userId}:${a.key}`;
    if (await r.ledger.findByKey(idempotencyKey)) return { ok: true, status: 'duplicate' };
    const payments = await r.fanData.realPayments(a.userId);
    if (payments > 0 && !a.force) return { ok: false, code: 'has_payments', payments };
    const now = deps.clock.now();
    const passCleared = passRemaining(user.timePassUntil, deps.clock) > 0;
    const entry = await r.ledger.apply({
      userId: a.userId,
      delta: -user.creditBalance,
      reason: 'adjustment',
      idempotencyKey,
      actor: `admin:${a.adminId}`,
      metadata: {
        kind: 'reset',
        forced: a.force,
        passUntil: user.timePassUntil?.toISOString() ?? null,
      },
    });
    if (entry.status !== 'applied') return { ok: true, status: 'duplicate' };
    if (user.timePassUntil) await r.users.setPassUntil(a.userId, null);
    await r.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'account_reset',
      details: {
        credits: user.creditBalance,
        passUntil: user.timePassUntil?.toISOString() ?? null,
        force: a.force,
        payments,
        entryId: entry.entry.id,
      },
    });
    await r.outbox.enqueue([fanNotice(a.userId, `reset-notice:${a.key}`, text('reset-fan-notice'))]);
    await scheduleCardRender(r, a.userId, now, deps.renderTimings);
    return { ok: true, status: 'reset', removedCredits: user.creditBalance, passCleared, payments };
  });
  return res;
}
