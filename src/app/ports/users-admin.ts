/** The control center's Users screen: finding fans, the member's current search, tiers by hand. */

import type { Tier } from '../../domain/tiers/index.ts';

/** A member's search as they built it: the typed query and the filters (all optional, combined). */
export interface UserSearch {
  /** What they typed: an id, `@username`, or part of a name. */
  query?: string;
  tier?: Tier;
  banned?: boolean;
  paying?: boolean;
  /** Seen in the last N days. */
  activeDays?: number;
  /** Lifetime spend (credits) at least this. */
  spentMin?: number;
}

/** The search as the repository runs it: the query already parsed (see app/admin/users). */
export interface UserDirectoryQuery {
  id?: number;
  /** Lower-case prefix of the username (no `@`). */
  usernamePrefix?: string;
  /** Lower-case prefix of the first name, last name or username, or of "first last" when it has a space. */
  namePrefix?: string;
  tier?: Tier;
  banned?: boolean;
  /** Has a paid (or later refunded) payment. */
  paying?: boolean;
  activeSince?: Date;
  spentMin?: number;
}

export interface UserListItem {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  tier: string;
  isBanned: boolean;
  creditBalance: number;
  lifetimeSpent: number;
  lastSeenAt: Date;
}

export interface UserDirectoryRepo {
  /** One page of matches, most recently seen first (index-backed: see db/schema/accounts.ts). */
  search(q: UserDirectoryQuery, offset: number, limit: number): Promise<UserListItem[]>;
  /** Sets the tier; `manual` says whether it sticks (false: back to automatic promotion). */
  setTier(userId: number, tier: Tier, manual: boolean): Promise<void>;
  /** The member's current search (null before their first). */
  getSearch(actorId: number): Promise<UserSearch | null>;
  saveSearch(actorId: number, search: UserSearch, at: Date): Promise<void>;
}
