import { DomainError } from '../shared/index.ts';

/**
 * A credit amount or balance that is not a non-negative safe integer.
 * Always a bug upstream (an unvalidated setting, a float from arithmetic): credits are whole units.
 */
export class InvalidAmountError extends DomainError<'invalid_amount'> {
  /** Which input was wrong: `amount`, `balance`, `wanted`, … */
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown) {
    super('invalid_amount', `${field} must be a non-negative safe integer, got ${String(value)}`);
    this.field = field;
    this.value = value;
  }
}

/**
 * Thrown form of the `insufficient_credits` outcome, for use cases that must abort a transaction
 * (e.g. the conditional `balance >= amount` update matched no row). Pure planning returns a value instead.
 */
export class InsufficientCreditsError extends DomainError<'insufficient_credits'> {
  readonly needed: number;
  readonly balance: number;

  constructor(needed: number, balance: number) {
    super('insufficient_credits', `needed ${needed} credits, balance is ${balance}`);
    this.needed = needed;
    this.balance = balance;
  }
}

/** Throws {@link InvalidAmountError} unless `value` is a non-negative safe integer. */
export function assertCredits(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidAmountError(field, value);
}
