/**
 * Outbox lanes: one item of a lane is in flight at a time, in order. Named here, once, so the sender,
 * the use cases and the ordering rule (docs/ARCHITECTURE.md) agree.
 */
export const lanes = {
  /** Into the fan's topic in the admin group: their messages, notes about them, topic calls. */
  topic: (userId: number) => `in:${userId}`,
  /** Into the fan's private chat: admins' replies, receipts, notices. */
  fan: (userId: number) => `out:${userId}`,
  /** The fan's info card (renders never hold up their messages). */
  card: (userId: number) => `card:${userId}`,
  /** The live inbox in the General topic. */
  inbox: () => 'inbox',
  /** Owner alerts into one chat (the General topic, or an owner's private chat). */
  alert: (chatId: number) => `alert:${chatId}`,
} as const;
