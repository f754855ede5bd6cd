/** Money: the append-only credit ledger. */

import type { LedgerReason } from '../../domain/ledger/index.ts';
import type { Tier, TierThresholds } from '../../domain/tiers/index.ts';
import type { User } from './accounts.ts';
import type { LoggedMessage, NotedTopic } from './relay.ts';

export type { LedgerReason };

export interface LedgerEntry {
  id: number;
  userId: number;
  delta: number;
  reason: LedgerReason;
  idempotencyKey: string;
  balanceAfter: number;
  actor: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface NewLedgerEntry {
  userId: number;
  /** Signed credits: positive grants, negative debits. Zero is allowed (a spend under a time pass). */
  delta: number;
  reason: LedgerReason;
  /** Unique across the ledger: a repeat with the same key changes nothing. */
  idempotencyKey: string;
  /** `system`, `user:<id>`, `admin:<id>`, `stripe`, `telegram`. */
  actor: string;
  metadata?: Record<string, unknown>;
  /**
   * `strict` (default): a debit larger than the balance is refused. `clamp`: a debit takes what is
   * there (refunds and disputes claw back at most the balance); the entry records the amount taken.
   */
  mode?: 'strict' | 'clamp';
  /**
   * A `spend` or `unlock` debit adds to the user's lifetime spend (in the same statement as the balance);
   * with the thresholds given (the `tier_thresholds` setting) it also promotes the tier it earns.
   */
  tiers?: TierThresholds;
  /**
   * Also read the user's last top-up (its credits) under the same lock, for a receipt's balance bar: the
   * charge of a fan's message then needs no read of its own. Returned as `lastTopUp` when applied.
   */
  withLastTopUp?: boolean;
}

/** `promoted`: the tier this debit promoted the user to (absent when it did not change). */
export type AppliedEntry = {
  status: 'applied';
  entry: LedgerEntry;
  promoted?: Tier;
  lastTopUp?: number | null;
};

export type LedgerApplyResult =
  | AppliedEntry
  | { status: 'duplicate'; entry: LedgerEntry }
  | { status: 'insufficient'; balance: number; needed: number };

export interface LedgerTotals {
  spent: number;
  purchased: number;
  gifted: number;
  returned: number;
  takenBack: number;
}

/**
 * A user's row locked for a ledger entry (`LedgerRepo.lockAccount`), with what `apply` reads under the
 * lock: any entry of the key, and the credits of the last top-up.
 */
export interface LockedAccount {
  user: User;
  idempotencyKey: string;
  existing: LedgerEntry | null;
  lastTopUp: number | null;
}

/**
 * A user's row as a read before the transaction returned it (`UsersRepo.lookup`), with its version (a
 * token that changes with every write of the row): what `applyAsRead` charges from.
 */
export interface SeenAccount {
  user: User;
  version: string;
}

export interface LedgerRepo {
  /**
   * Appends one entry and moves the user's balance in the same transaction, under a row lock on the
   * user (concurrent debits serialise; the balance never goes below zero). Call inside `uow.run`.
   * `locked`: the row as `lockAccount` locked it earlier in this transaction, for this entry's key (then
   * `apply` reads nothing: a fan's message costs one statement less).
   */
  apply(entry: NewLedgerEntry, locked?: LockedAccount): Promise<LedgerApplyResult>;
  /**
   * The user's row, locked for a ledger entry with `key` until the transaction ends (as `apply` locks
   * it), with what `apply` needs: for a caller that reads the user before it charges them. Null: no such
   * user. Call inside `uow.run`.
   */
  lockAccount(userId: number, key: string): Promise<LockedAccount | null>;
  /**
   * `apply` for a caller that read the user's row before its transaction (`seen`): the lock, the check
   * that the row is still exactly as read, the entry and the balance in ONE statement (a fan's message:
   * no `lockAccount` before it). Null, with nothing written, when the row changed since it was read,
   * an entry of the key exists, or the row as read refuses the entry (too few credits): the caller then
   * locks and applies as usual, which decides on the row as it is. Call inside `uow.run`.
   */
  applyAsRead(
    entry: NewLedgerEntry,
    seen: SeenAccount,
    /**
     * A fan's message, noted on their topic (as `topics.noteFanMessage` does, with its message-log row) by
     * the same statement, only if the entry went in: a known fan's paid message costs one statement less.
     * Answered as `noted`: the topic row as noting answered it (null: no topic row yet, nothing noted).
     */
    note?: { at: Date; logged: LoggedMessage },
  ): Promise<(AppliedEntry & { noted?: NotedTopic | null }) | null>;
  /**
   * `applyAsRead` with its note for several fans' messages at once (distinct users), in ONE statement,
   * each claiming its Telegram update first (`updateId`; null: none to claim): an item whose update is
   * claimed already is neither charged nor noted (`claimed` false); one the row as read no longer takes
   * is claimed but not charged (`applied` null: the caller gives the claim back and charges it alone).
   * Answered in the items' order. Call inside `uow.run`.
   */
  applyManyAsRead(
    items: ReadonlyArray<{
      entry: NewLedgerEntry;
      seen: SeenAccount;
      note: { at: Date; logged: LoggedMessage };
      updateId: number | null;
    }>,
  ): Promise<Array<{ claimed: boolean; applied: (AppliedEntry & { noted: NotedTopic | null }) | null }>>;
  findByKey(idempotencyKey: string): Promise<LedgerEntry | null>;
  /** The most recent top-up (purchase, auto-recharge, gift or bonus), the balance bar's 100 % mark. */
  lastTopUp(userId: number): Promise<number | null>;
  /**
   * Lifetime figures (positive numbers): credits spent on messages and unlocks, bought, gifted (gifts and
   * bonuses), returned (undelivered messages), and taken back (payment refunds and disputes); with
   * `afterId`, of the entries after that one only.
   */
  totals(userId: number, afterId?: number): Promise<LedgerTotals>;
  /**
   * One page of the user's entries, newest first (the fan's `/history`); with `afterId`, only entries
   * after that one (a test account's reset marker hides what came before).
   */
  page(userId: number, offset: number, limit: number, afterId?: number): Promise<LedgerEntry[]>;
  /** How many entries the user has (after `afterId`, when given). */
  count(userId: number, afterId?: number): Promise<number>;
  /** Every user's stored balance and entries, in creation order, for the integrity check. */
  snapshot(): Promise<
    Array<{ userId: number; balance: number; entries: Array<{ delta: number; balanceAfter: number }> }>
  >;
}
