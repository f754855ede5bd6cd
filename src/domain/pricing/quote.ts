import { isPassActive } from '../entitlement/index.ts';
import { planDebit } from '../ledger/index.ts';
import { err, ok, type Clock, type Err, type Ok } from '../shared/index.ts';
import { discountedCost } from './discount.ts';
import { MESSAGE_TYPES, isMessageType, type MessageType } from './message-types.ts';

/** Per-type prices as stored in settings; `null`/missing means the type is not accepted. */
export type MessageCosts = Readonly<Record<string, number | null | undefined>>;

export interface PricedType {
  type: MessageType;
  cost: number;
}

export interface MessageQuoteInput {
  /** The adapter's name for the message kind; anything outside {@link MESSAGE_TYPES} is unsupported. */
  type: string;
  costs: MessageCosts;
  timePassUntil: Date | null;
  banned: boolean;
  balance: number;
  /** The fan's tier discount in percent (0–90; absent or invalid: none), see {@link discountedCost}. */
  discount?: number;
}

export type MessageQuote =
  | Ok<{ cost: number; free: boolean; balanceAfter: number }>
  | Err<{ code: 'banned' }>
  | Err<{ code: 'unsupported_type'; allowed: PricedType[] }>
  | Err<{ code: 'insufficient_credits'; cost: number; balance: number }>;

/**
 * A valid price is a non-negative safe integer; 0 makes a type free. Anything else (negative, fractional,
 * NaN) is treated as unpriced, so a broken setting refuses that type instead of charging a wrong amount.
 */
function validCost(cost: number | null | undefined): cost is number {
  return typeof cost === 'number' && Number.isSafeInteger(cost) && cost >= 0;
}

/**
 * The types that can be sent under `costs`, in {@link MESSAGE_TYPES} order (for price lists), at the
 * fan's tier discount (`discount` percent) when given.
 */
export function listPricedTypes(costs: MessageCosts, discount = 0): PricedType[] {
  return MESSAGE_TYPES.flatMap((type) => {
    const cost = costs[type];
    return validCost(cost) ? [{ type, cost: discountedCost(cost, discount) }] : [];
  });
}

/**
 * What relaying one fan message costs, decided before anything is sent or charged.
 *
 * Checks run in a fixed order, and the first that fails is the answer:
 * 1. `banned`: a banned fan gets nothing, even with a pass.
 * 2. `unsupported_type`: an unknown or unpriced type, with the priced types to suggest instead.
 * 3. An active time pass makes the message free (`cost` 0, `free: true`, balance unchanged).
 * 4. The tier discount applies (`discount`, {@link discountedCost}): the price is what the fan pays.
 * 5. `insufficient_credits` when the balance does not cover the price; otherwise `balanceAfter`.
 *
 * Invariant: an ok quote never has `balanceAfter < 0`, and `balanceAfter === balance - cost`.
 */
export function quoteMessage(input: MessageQuoteInput, clock: Clock): MessageQuote {
  const { type, costs, timePassUntil, banned, balance, discount = 0 } = input;
  if (banned) return err({ code: 'banned' });

  // Check membership first so keys like `constructor` never reach the costs lookup.
  const listed = isMessageType(type) ? costs[type] : undefined;
  if (!validCost(listed)) return err({ code: 'unsupported_type', allowed: listPricedTypes(costs, discount) });

  if (isPassActive(timePassUntil, clock)) return ok({ cost: 0, free: true, balanceAfter: balance });

  const cost = discountedCost(listed, discount);
  const plan = planDebit(balance, cost);
  if (!plan.ok) return err({ code: 'insufficient_credits', cost, balance });
  return ok({ cost, free: false, balanceAfter: plan.balanceAfter });
}
