/** Conversations: the team's flags on a fan's conversation, its lists, and first-response times. */

/** The lists of the Conversations screen. */
export const CONVERSATION_LISTS = ['open', 'unread', 'priority', 'pinned', 'mine'] as const;
export type ConversationList = (typeof CONVERSATION_LISTS)[number];

export interface ConversationFlags {
  priority: boolean;
  pinned: boolean;
  /** A team member who can reply; null: nobody. */
  assigneeId: number | null;
  assignedAt: Date | null;
}

/** One conversation as the lists and its screen show it (a fan with a topic). */
export interface ConversationRow extends ConversationFlags {
  userId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  groupId: number;
  threadId: number;
  status: 'creating' | 'open' | 'closed';
  /** Fan messages since the last admin message (the live inbox's count). */
  unread: number;
  /** The first of those messages (null: nothing waits for an answer). */
  waitingSince: Date | null;
  lastFanMessageAt: Date | null;
}

/** First-response times answered within one range (null percentiles: none answered). */
export interface ResponseTimes {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface ConversationsRepo {
  /** The fan's conversation (null: no topic yet). */
  get(userId: number): Promise<ConversationRow | null>;
  /**
   * Who the conversation is assigned to, with their name when they ever wrote to the bot (the info
   * card's line); null: nobody.
   */
  assignee(userId: number): Promise<{ id: number; name: string | null } | null>;
  /**
   * The flags under a row lock (created empty if missing), to change them in this transaction. Call
   * inside `uow.run`.
   */
  flagsForUpdate(userId: number): Promise<ConversationFlags>;
  setFlag(userId: number, flag: 'priority' | 'pinned', value: boolean, at: Date): Promise<void>;
  setAssignee(userId: number, a: { assigneeId: number | null; by: number }, at: Date): Promise<void>;
  /** Unassigns every conversation of `assigneeId` (a member leaving the team); the fans' ids. */
  unassignAll(assigneeId: number, at: Date): Promise<number[]>;
  /**
   * A page of one list, and how many it holds: `open` (topics not closed; pinned, then priority, then
   * the latest fan message first), `unread` (fans waiting for an answer, longest wait first), `priority`,
   * `pinned`, `mine` (assigned to `actorId`; the latter three by latest fan message).
   */
  list(
    list: ConversationList,
    opts: { actorId: number; offset: number; limit: number },
  ): Promise<{ rows: ConversationRow[]; total: number }>;
  /** How many each list holds, in one query. */
  counts(actorId: number): Promise<Record<ConversationList, number>>;
  /**
   * p50 and p90 (linear interpolation, `percentile_cont`) of the first-response times answered in each
   * range (from, to], in one index-only scan of `first_responses_answered_idx` over their union.
   */
  responseTimes(ranges: ReadonlyArray<{ from: Date; to: Date }>): Promise<ResponseTimes[]>;
}
