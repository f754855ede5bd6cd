import { balanceBar } from '../../domain/ledger/index.ts';
import type { UnitOfWork } from '../ports/index.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';

/**
 * Sends one time-pass notice, unless the pass has changed since it was scheduled (extended or cut: the
 * new end has its own notices). Keyed, so a job that runs twice sends once.
 */
export async function sendPassNotice(
  deps: { uow: UnitOfWork },
  n: { userId: number; until: string; at: '10m' | '1m' | 'end' },
): Promise<'sent' | 'stale'> {
  const sent = await deps.uow.run(async (r) => {
    const user = await r.users.get(n.userId);
    if (!user?.timePassUntil || user.timePassUntil.toISOString() !== n.until) return false;
    let notice;
    if (n.at === 'end') {
      const bar = balanceBar(user.creditBalance, await r.ledger.lastTopUp(user.id));
      notice = text('billing-pass-ended', {
        balance: user.creditBalance,
        max: bar.max,
        cells: bar.cells,
        percent: bar.percent,
      });
    } else if (n.at === '10m') notice = text('billing-pass-ending', { left: { duration: 10 * 60_000 } });
    else notice = text('billing-pass-last-minute', { left: { duration: 60_000 } });
    await r.outbox.enqueue([fanNotice(user.id, `pass-notice:${user.id}:${n.until}:${n.at}`, notice)]);
    return true;
  });
  return sent ? 'sent' : 'stale';
}
