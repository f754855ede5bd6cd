/** Admin records: audit, notes, groups waiting for setup. */

/** A group or channel an owner added the bot to, waiting to be set up (see app/groups.ts). */
export interface PendingGroup {
  chatId: number;
  title: string;
  addedBy: number;
  addedAt: Date;
}

export interface PendingGroupsRepo {
  get(chatId: number): Promise<PendingGroup | null>;
  /** Records the group, or starts its wait again (a later add). */
  put(group: PendingGroup): Promise<void>;
  remove(chatId: number): Promise<void>;
}

/** An admin group set up with `/setup` (stored; the configured ones come from the environment). */
export interface StoredAdminGroup {
  chatId: number;
  title: string;
  setUpBy: number;
  setUpAt: Date;
}

/** The configured admin groups' state: which the bot was removed from, and how loaded each is. */
export interface AdminGroupsRepo {
  /** Of `groupIds`, those the bot was removed from (and not added back to since). */
  removed(groupIds: readonly number[]): Promise<number[]>;
  markRemoved(groupId: number, at: Date): Promise<void>;
  /** The groups set up with `/setup`, oldest first (from memory while fresh; any replica's store drops it). */
  stored(): Promise<StoredAdminGroup[]>;
  /** Stores a group set up with `/setup` (its title refreshed if it was already); true when new. */
  store(group: StoredAdminGroup): Promise<boolean>;
  clearRemoved(groupId: number): Promise<void>;
  /** `count` fan messages were relayed into the group (this clock hour of the database). */
  noteRelayed(groupId: number, count: number): Promise<void>;
  /**
   * Fan messages relayed into each of `groupIds` in the last 24 hours, and those accepted and still
   * waiting to be sent there (absent: none of either).
   */
  relayedLastDay(groupIds: readonly number[]): Promise<Map<number, { relayed: number; waiting: number }>>;
  /**
   * Serialises fan placements until the transaction ends, across replicas: two new fans placed at once
   * would read the same loads and fans and go to the same group.
   */
  lockPlacement(): Promise<void>;
  /** Fans whose topic is in each of `groupIds` (absent: none). */
  fans(groupIds: readonly number[]): Promise<Map<number, number>>;
  /** Drops hourly load counts older than `hours`; returns how many. */
  pruneLoad(hours: number): Promise<number>;
}

/** One row of the audit log. */
export interface AuditRecord {
  actorId: number;
  userId: number | null;
  action: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AdminRepo {
  audit(entry: {
    actorId: number;
    userId: number | null;
    action: string;
    details?: Record<string, unknown>;
  }): Promise<void>;
  /** The last `limit` audit rows with one of these actions, newest first. */
  recentAudits(actions: readonly string[], limit: number): Promise<AuditRecord[]>;
  addNote(userId: number, authorId: number, text: string): Promise<void>;
  notes(userId: number, limit: number): Promise<Array<{ text: string; authorId: number; createdAt: Date }>>;
  /** Lifetime figures for the Info view. */
  stats(userId: number): Promise<{ messagesIn: number; messagesOut: number; payments: number }>;
  /** A payment-support message relayed free (`/paysupport`). */
  addSupportRequest(userId: number, messageId: number, at: Date): Promise<void>;
  /** The fan's payment-support messages since `since` (the daily cap). */
  supportRequestsSince(userId: number, since: Date): Promise<number>;
}
