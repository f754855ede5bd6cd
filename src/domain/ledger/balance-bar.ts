import { assertCredits } from './errors.ts';

export interface BalanceBar {
  balance: number;
  /** The bar's 100% mark: `max(lastTopUp, balance)`. */
  max: number;
  /** 0–100, rounded to a whole number. */
  percent: number;
  /** Filled cells out of `width`. */
  filled: number;
  /** The bar itself: `████████░░`. */
  cells: string;
  /** e.g. `Credits: 75/100 [████████░░] 75%` */
  text: string;
}

const FULL = '█';
const EMPTY = '░';

/**
 * The fan's balance as a bar, scaled to their most recent top-up (so "how much of what I last bought is
 * left").
 *
 * `max` is `max(lastTopUp, balance)`: with no top-up yet (only a welcome bonus) the balance itself is
 * full, and credits beyond the last pack (an older pack, a gift) show a full bar as `110/110`, never
 * `110/100`. An empty balance with no top-up has `max` 0 and shows 0%.
 * `percent = round(balance * 100 / max)` and `filled = round(percent * width / 100)`, so 75% of 10 cells
 * fills 8.
 */
export function balanceBar(balance: number, lastTopUp: number | null, width = 10): BalanceBar {
  assertCredits(balance, 'balance');
  if (lastTopUp !== null) assertCredits(lastTopUp, 'lastTopUp');
  if (!Number.isSafeInteger(width) || width < 1) throw new RangeError(`width must be a positive integer`);

  const max = Math.max(lastTopUp ?? 0, balance);
  const percent = max === 0 ? 0 : Math.min(100, Math.round((balance * 100) / max));
  const filled = Math.round((percent * width) / 100);
  const bar = FULL.repeat(filled) + EMPTY.repeat(width - filled);
  return {
    balance,
    max,
    percent,
    filled,
    cells: bar,
    text: `Credits: ${balance}/${max} [${bar}] ${percent}%`,
  };
}

/**
 * True when the balance is strictly below the owner's low-balance threshold, so a threshold of 0 never
 * alerts and a threshold of 5 alerts from 4 credits down.
 */
export function isLowBalance(balance: number, threshold: number): boolean {
  return balance < threshold;
}
