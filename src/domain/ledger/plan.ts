import { err, ok, type Err, type Ok } from '../shared/index.ts';
import { assertCredits } from './errors.ts';

/**
 * Planning functions: given the current balance and an amount, say what the balance becomes.
 * They never touch storage; the repo writes the entry and applies the same change with a conditional
 * update, so the plan and the database agree on the rules.
 *
 * Invariant for every function here: inputs and `balanceAfter` are non-negative safe integers.
 * Violating inputs throw {@link InvalidAmountError}.
 */

export type CreditPlan = Ok<{ balanceAfter: number }>;

export type InsufficientCredits = Err<{ code: 'insufficient_credits'; needed: number; balance: number }>;

/** `needed` is the full amount the debit asked for, not the shortfall (that is `needed - balance`). */
export type DebitPlan = Ok<{ balanceAfter: number }> | InsufficientCredits;

export interface ClawbackPlan {
  /** Credits actually removed: `min(wanted, balance)`. */
  taken: number;
  balanceAfter: number;
}

/** Adds `amount` credits. Always succeeds for valid input. */
export function planCredit(balance: number, amount: number): CreditPlan {
  assertCredits(balance, 'balance');
  assertCredits(amount, 'amount');
  const balanceAfter = balance + amount;
  // Only reachable with absurd grants, but past this point integer arithmetic silently loses credits.
  assertCredits(balanceAfter, 'balanceAfter');
  return ok({ balanceAfter });
}

/**
 * Removes `amount` credits if the balance covers it; otherwise reports `insufficient_credits` and
 * nothing is to be charged. A debit never takes a balance below zero.
 */
export function planDebit(balance: number, amount: number): DebitPlan {
  assertCredits(balance, 'balance');
  assertCredits(amount, 'amount');
  if (amount > balance) return err({ code: 'insufficient_credits', needed: amount, balance });
  return ok({ balanceAfter: balance - amount });
}

/**
 * Takes back up to `wanted` credits after a refund or dispute. Credits already spent cannot be
 * recovered, so it takes what is left rather than pushing the balance negative.
 */
export function planClawback(balance: number, wanted: number): ClawbackPlan {
  assertCredits(balance, 'balance');
  assertCredits(wanted, 'wanted');
  const taken = Math.min(wanted, balance);
  return { taken, balanceAfter: balance - taken };
}
