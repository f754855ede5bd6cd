/** What the fan-facing onboarding, tips, privacy and test resets read and clear. */

export interface FanDataRepo {
  /** Credits debited for messages (`spend`) since `since`, as a positive number. */
  spentSince(userId: number, since: Date): Promise<number>;
  /** The pack (product id) of the fan's newest paid credit-pack payment, if any. */
  lastPackBought(userId: number): Promise<number | null>;
  /** The fan's newest reset marker (an `adjustment` entry with `metadata.kind = 'reset'`), if any. */
  lastReset(userId: number): Promise<{ entryId: number; at: Date } | null>;
  /** Whether the fan has any ledger entry other than a bonus after entry `afterId` (0: ever). */
  activeSince(userId: number, afterId: number): Promise<boolean>;
  /** Whether a once-mark (`once_marks`) with this key exists (claims go through `OnceRepo.claim`). */
  hasMark(key: string): Promise<boolean>;
  /** Payments that moved real money (paid, refunded, or partly refunded), ever. */
  realPayments(userId: number): Promise<number>;

  // ---- deleting a fan's data (/privacy); each returns how many rows it changed or removed

  /** Clears the name and username and marks the fan as forgotten (later updates store no name). */
  forgetProfile(userId: number, at: Date): Promise<number>;
  /** The team's private notes about the fan. */
  deleteNotes(userId: number): Promise<number>;
  /** The links between the fan's messages and their copies in the topic (both directions). */
  deleteLinks(userId: number): Promise<number>;
  /**
   * Sends to and about the fan that are finished (delivered or given up), whose payloads may carry their
   * words (payment-support texts, mirrored edits). Items still waiting are left to go out.
   */
  deleteFinishedSends(userId: number): Promise<number>;
  /** Failed updates from the fan kept for a human (the raw update holds their message). */
  deleteFailedUpdates(userId: number): Promise<number>;
}
