/**
 * What part of a purchase a (partial, cumulative) refund takes back: `quantity` units (credits or
 * seconds of pass) were bought for `amount`; `refunded` of it has been returned so far. Rounded down,
 * so a refund never takes back more than its share; a full refund takes everything.
 */
export function refundShare(quantity: number, amount: number, refunded: number): number {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`bad quantity ${quantity}`);
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`bad amount ${amount}`);
  const r = Math.min(Math.max(0, Math.trunc(refunded)), amount);
  if (r === amount) return quantity;
  // BigInt: quantity × refunded may exceed 2^53 for long passes bought with large amounts.
  return Number((BigInt(quantity) * BigInt(r)) / BigInt(amount));
}
