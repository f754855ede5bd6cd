import type { Clock } from '../../domain/shared/index.ts';
import type { Access, PendingGroup, Repos, UnitOfWork } from '../ports/index.ts';

/**
 * Which groups and channels the bot stays in: the admin groups (every configured one), and for 24 hours a group an owner (anyone
 * with `settings.edit`) added it to (waiting to be set up as the admin group). Anywhere else it would
 * read strangers' messages and spend its flood budget on them, so it leaves.
 */

export interface GroupsDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminGroupIds: readonly number[];
  /** Who may bring the bot into a group to become the admin group (`settings.edit`). */
  access: Access;
}

export const PENDING_GROUP_TTL_MS = 24 * 3600_000;
/** A group the bot left but that still sends updates (a lost leave, a race) is left again at most hourly. */
export const LEAVE_INTERVAL_MS = 3600_000;

export type JoinOutcome =
  | { kind: 'admin_group' }
  /** `added`: newly recorded (tell the owner); false when it was already waiting. */
  | { kind: 'pending'; until: Date; added: boolean }
  | { kind: 'leave' };

export type GroupCheck = 'stay' | 'leave' | 'already_left';

const until = (g: PendingGroup) => new Date(g.addedAt.getTime() + PENDING_GROUP_TTL_MS);
const waiting = (g: PendingGroup | null, now: Date): g is PendingGroup => g !== null && until(g) > now;

/**
 * One leave per chat per clock hour, whoever asks. An `alert:` once mark: housekeeping prunes those
 * after a day, as it does the owner-alert throttles.
 */
const claimLeave = (r: Repos, chatId: number, now: Date) =>
  r.once.claim(`alert:leave-chat:${chatId}:${Math.floor(now.getTime() / LEAVE_INTERVAL_MS)}`);

/** The bot became a member or admin of a group or channel (`my_chat_member`), by `by`'s action. */
export async function botJoinedGroup(
  deps: GroupsDeps,
  a: { chatId: number; title: string; by: number },
): Promise<JoinOutcome> {
  if (deps.adminGroupIds.includes(a.chatId)) {
    // Back in an admin group it had been removed from: new fans may be placed there again.
    await deps.uow.repos.adminGroups.clearRemoved(a.chatId);
    return { kind: 'admin_group' };
  }
  const now = deps.clock.now();
  const mayAdd = await deps.access.can(a.by, 'settings.edit');
  return deps.uow.run(async (r): Promise<JoinOutcome> => {
    const pending = await r.pendingGroups.get(a.chatId);
    // Already waiting (e.g. an admin there promoted the bot): the wait goes on, nobody is told again.
    if (waiting(pending, now)) return { kind: 'pending', until: until(pending), added: false };
    if (mayAdd) {
      const group = { chatId: a.chatId, title: a.title, addedBy: a.by, addedAt: now };
      await r.pendingGroups.put(group);
      return { kind: 'pending', until: until(group), added: true };
    }
    if (pending) await r.pendingGroups.remove(a.chatId);
    // Leave at once whatever the hourly slot says (the bot is in the group right now); take the slot so
    // updates still in flight from that group do not make it leave twice.
    await claimLeave(r, a.chatId, now);
    return { kind: 'leave' };
  });
}

/**
 * The bot left or was removed from a group or channel: it no longer waits there. From an admin group:
 * its fans move to another admin group on their next message (app/relay/placement.ts).
 */
export async function botLeftGroup(deps: GroupsDeps, chatId: number): Promise<void> {
  if (deps.adminGroupIds.includes(chatId))
    await deps.uow.repos.adminGroups.markRemoved(chatId, deps.clock.now());
  else await deps.uow.repos.pendingGroups.remove(chatId);
}

/**
 * Any other update from a group or channel: the bot stays in an admin group and in a group still
 * waiting for setup; anywhere else (added before this rule, or the wait is over) it leaves, once an hour.
 */
export async function checkGroup(deps: GroupsDeps, chatId: number): Promise<GroupCheck> {
  if (deps.adminGroupIds.includes(chatId)) return 'stay';
  const now = deps.clock.now();
  return deps.uow.run(async (r): Promise<GroupCheck> => {
    const pending = await r.pendingGroups.get(chatId);
    if (waiting(pending, now)) return 'stay';
    if (!(await claimLeave(r, chatId, now))) return 'already_left';
    if (pending) await r.pendingGroups.remove(chatId);
    return 'leave';
  });
}
