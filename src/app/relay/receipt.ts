import { balanceBar } from '../../domain/ledger/index.ts';
import type { TextRef } from '../ports/index.ts';
import { text } from '../texts.ts';

/** The receipt of a fan's message (or album): rendered at send time in the fan's language. */
export function receipt(opts: {
  cost: number;
  free: boolean;
  /** The message waits for its turn (many new conversations at once): it arrives in a few minutes. */
  queued?: boolean;
  balance: number;
  lastTopUp: number | null;
  low: boolean;
  threshold: number;
  passLeftMs: number;
}): TextRef {
  const bar = balanceBar(opts.balance, opts.lastTopUp);
  return text('relay-receipt', {
    status: opts.queued ? 'queued' : 'sent',
    charge: opts.free ? 'free' : 'paid',
    cost: opts.cost,
    left: { duration: opts.passLeftMs },
    low: opts.low && !opts.free ? 'yes' : 'no',
    threshold: opts.threshold,
    // The balance bar (balance-bar) inside the receipt.
    balance: bar.balance,
    max: bar.max,
    cells: bar.cells,
    percent: bar.percent,
  });
}
