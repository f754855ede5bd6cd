/**
 * The payload of a paid-media post (`sendPaidMedia`), echoed back by Telegram in `purchased_paid_media`:
 * which item, offered to which fan, at what Stars price, and which post. Paid media has no charge id, so
 * the payer and this payload are what names one purchase (the payment inbox is unique on them): `post`
 * tells two posts of one item apart, so buying both is two purchases and a redelivery of one is not.
 * At most 128 bytes; ours stays under 64. Posts sent before `post` existed carry none.
 */
export interface PaidMediaOffer {
  itemId: number;
  userId: number;
  stars: number;
  post?: string;
}

const PATTERN = /^cu:(\d{1,9}):(\d{1,15}):(\d{1,5})(?::([A-Za-z0-9_-]{1,16}))?$/;

export function encodePaidMediaPayload(o: PaidMediaOffer): string {
  return `cu:${o.itemId}:${o.userId}:${o.stars}${o.post ? `:${o.post}` : ''}`;
}

/** The offer, or null for anything we did not write (a payload is data from outside: never trusted). */
export function decodePaidMediaPayload(payload: string): PaidMediaOffer | null {
  const m = PATTERN.exec(payload);
  if (!m) return null;
  const [itemId, userId, stars] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (itemId < 1 || userId < 1 || stars < 1 || !Number.isSafeInteger(userId)) return null;
  return { itemId, userId, stars, ...(m[4] ? { post: m[4] } : {}) };
}
