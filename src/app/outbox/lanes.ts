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
  /**
   * A campaign's sends (class 5), spread over `CAMPAIGN_SHARDS` lanes by fan: one send in flight per lane,
   * so several go at once, while the claim reads a handful of lanes rather than one per fan.
   */
  campaign: (campaignId: number, userId: number) => `campaign:${campaignId}:${userId % CAMPAIGN_SHARDS}`,
  /** Every lane of a campaign's sends (pause, resume, cancel). */
  campaignAll: (campaignId: number) =>
    Array.from({ length: CAMPAIGN_SHARDS }, (_, i) => `campaign:${campaignId}:${i}`),
  /** A campaign's progress message and report in the sender's private chat. */
  campaignProgress: (campaignId: number) => `campaign:${campaignId}:progress`,
} as const;

/**
 * Whether a lane's items may go to different chats (a campaign's sends, by shard): the chat of its next
 * item is not its last one's. Every other lane goes to one chat.
 */
export const mixedChatLane = (lane: string): boolean => /^campaign:\d+:\d+$/.test(lane);

/** Lanes per campaign: more than the sender's 8 sends in flight, so a lane waiting on one fan's chat holds nothing up. */
export const CAMPAIGN_SHARDS = 16;
