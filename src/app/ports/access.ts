/** Access: who is on the team, and what each may do. */

import type { Permission, Role } from '../../domain/access/index.ts';

export type { Permission, Role };

export interface TeamMember {
  userId: number;
  role: Role;
  addedBy: number | null;
  addedAt: Date;
}

export interface TeamRepo {
  get(userId: number): Promise<TeamMember | null>;
  list(): Promise<TeamMember[]>;
  /** Adds the member or changes their role. */
  set(member: { userId: number; role: Role; addedBy: number | null }, at: Date): Promise<void>;
  /** True when they were a member. */
  remove(userId: number): Promise<boolean>;
}

/**
 * The one question every filter and use case asks before acting for someone: `can(actor, permission)`.
 * Owners are the `ADMIN_USER_IDS` and the stored owners; anyone else needs a stored role.
 */
export interface Access {
  can(actorId: number, permission: Permission): Promise<boolean>;
  roleOf(actorId: number): Promise<Role | null>;
  /**
   * Everyone who holds the permission (e.g. who hears about money trouble). Inside a transaction, pass
   * its repos: PGlite has one connection, so a read outside it would wait for the transaction's end.
   */
  holders(permission: Permission, within?: { team: TeamRepo }): Promise<number[]>;
}
