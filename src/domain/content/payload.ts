/**
 * The payload of a paid-media post (`sendPaidMedia`), echoed back by Telegram in `purchased_paid_media`:
 * which item, offered to which fan, at what Stars price. At most 128 bytes; ours stays under 50.
 */
export interface PaidMediaOffer {
  itemId: number;
  userId: number;
  stars: number;
}

const PATTERN = /^cu:(\d{1,9}):(\d{1,15}):(\d{1,5})$/;

export function encodePaidMediaPayload(o: PaidMediaOffer): string {
  return `cu:${o.itemId}:${o.userId}:${o.stars}`;
}

/** The offer, or null for anything we did not write (a payload is data from outside: never trusted). */
export function decodePaidMediaPayload(payload: string): PaidMediaOffer | null {
  const m = PATTERN.exec(payload);
  if (!m) return null;
  const [itemId, userId, stars] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (itemId < 1 || userId < 1 || stars < 1 || !Number.isSafeInteger(userId)) return null;
  return { itemId, userId, stars };
}
