import { balanceBar } from '../../domain/ledger/index.ts';
import type { UnitOfWork } from '../ports/index.ts';
import { fanNotice } from '../system/notices.ts';

const TEXTS = {
  '10m': '⏳ Your time pass ends in 10 minutes. Extend it with /buy to keep writing for free.',
  '1m': '⏳ Your time pass ends in 1 minute.',
} as const;

/**
 * Sends one time-pass notice, unless the pass has changed since it was scheduled (extended or cut: the
 * new end has its own notices). Keyed, so a job that runs twice sends once.
 */
export async function sendPassNotice(
  deps: { uow: UnitOfWork; outboxSignal: { notify(): void } },
  n: { userId: number; until: string; at: '10m' | '1m' | 'end' },
): Promise<'sent' | 'stale'> {
  const sent = await deps.uow.run(async (r) => {
    const user = await r.users.get(n.userId);
    if (!user?.timePassUntil || user.timePassUntil.toISOString() !== n.until) return false;
    const html =
      n.at === 'end'
        ? `⌛ Your time pass has ended: messages cost credits again.\n<code>${balanceBar(user.creditBalance, await r.ledger.lastTopUp(user.id)).text}</code>\nSend /buy for credits or another pass.`
        : TEXTS[n.at];
    await r.outbox.enqueue([fanNotice(user.id, `pass-notice:${user.id}:${n.until}:${n.at}`, html)]);
    return true;
  });
  if (sent) deps.outboxSignal.notify();
  return sent ? 'sent' : 'stale';
}
