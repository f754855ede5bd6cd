import type { Clock } from '../../domain/shared/index.ts';
import type { Access, PendingGroup, Repos, UnitOfWork } from '../ports/index.ts';

/**
 * The admin groups now: the configured ones (`ADMIN_GROUP_ID`, `ADMIN_GROUP_IDS`) first, in their order
 * (they win: they are always admin groups and come first), then those set up with `/setup`, oldest first.
 * The stored ones come from memory while fresh and are dropped on any replica's `/setup`. Inside a
 * transaction pass its repos (`within`): PGlite has one connection.
 */
export type AdminGroupList = (within?: Pick<Repos, 'adminGroups'>) => Promise<readonly number[]>;

export function adminGroupList(uow: UnitOfWork, configured: readonly number[]): AdminGroupList {
  return async (within) => {
    const stored = await (within ?? uow.repos).adminGroups.stored();
    if (stored.length === 0) return configured;
    return [...new Set([...configured, ...stored.map((g) => g.chatId)])];
  };
}

/**
 * Which groups and channels the bot stays in: the admin groups (every configured one), and for 24 hours a group an owner (anyone
 * with `settings.edit`) added it to (waiting to be set up as the admin group). Anywhere else it would
 * read strangers' messages and spend its flood budget on them, so it leaves.
 */

export interface GroupsDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The configured admin groups (the environment's). */
  adminGroupIds: readonly number[];
  /** Every admin group now (configured and set up). */
  adminGroups: AdminGroupList;
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
  if ((await deps.adminGroups()).includes(a.chatId)) {
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
  if ((await deps.adminGroups()).includes(chatId))
    await deps.uow.repos.adminGroups.markRemoved(chatId, deps.clock.now());
  else await deps.uow.repos.pendingGroups.remove(chatId);
}

/**
 * Any other update from a group or channel: the bot stays in an admin group and in a group still
 * waiting for setup; anywhere else (added before this rule, or the wait is over) it leaves, once an hour.
 */
export async function checkGroup(deps: GroupsDeps, chatId: number): Promise<GroupCheck> {
  if ((await deps.adminGroups()).includes(chatId)) return 'stay';
  const now = deps.clock.now();
  return deps.uow.run(async (r): Promise<GroupCheck> => {
    const pending = await r.pendingGroups.get(chatId);
    if (waiting(pending, now)) return 'stay';
    if (!(await claimLeave(r, chatId, now))) return 'already_left';
    if (pending) await r.pendingGroups.remove(chatId);
    return 'leave';
  });
}

/** Whether the group is waiting for setup (an owner added the bot within 24 h). Reads only. */
export async function isWaitingGroup(deps: GroupsDeps, chatId: number): Promise<boolean> {
  return waiting(await deps.uow.repos.pendingGroups.get(chatId), deps.clock.now());
}

/** What the bot needs in a group to make it an admin group, each with its own fix (`/setup`). */
export const SETUP_NEEDS = [
  'supergroup',
  'forum',
  'admin',
  'manage_topics',
  'pin_messages',
  'delete_messages',
] as const;
export type SetupNeed = (typeof SETUP_NEEDS)[number];

/** The group and the bot's place in it, as Telegram reports them (getChat, getChatMember of the bot). */
export interface GroupRights {
  type: 'group' | 'supergroup' | 'channel' | 'private';
  isForum: boolean;
  isAdmin: boolean;
  canManageTopics: boolean;
  canPinMessages: boolean;
  canDeleteMessages: boolean;
}

/** Exactly what is missing, in the order it is fixed (a supergroup with topics first, then the rights). */
export function missingForSetup(g: GroupRights): SetupNeed[] {
  const out: SetupNeed[] = [];
  if (g.type !== 'supergroup') out.push('supergroup');
  if (!g.isForum) out.push('forum');
  if (!g.isAdmin) out.push('admin');
  if (!g.isAdmin || !g.canManageTopics) out.push('manage_topics');
  if (!g.isAdmin || !g.canPinMessages) out.push('pin_messages');
  if (!g.isAdmin || !g.canDeleteMessages) out.push('delete_messages');
  return out;
}

export type SetupResult =
  | { ok: true; status: 'added' | 'already' | 'configured' }
  | { ok: false; code: 'not_allowed' }
  | { ok: false; code: 'missing'; missing: SetupNeed[] };

/**
 * `/setup` in a group, by an owner (`team.manage`): with everything in place the group becomes an admin
 * group at once on every replica (stored, its wait for setup ended, a removal mark cleared), audited.
 * A configured group stays the environment's (nothing stored).
 */
export async function setupGroup(
  deps: GroupsDeps,
  a: { actorId: number; chatId: number; title: string; rights: GroupRights },
): Promise<SetupResult> {
  if (!(await deps.access.can(a.actorId, 'team.manage'))) return { ok: false, code: 'not_allowed' };
  const missing = missingForSetup(a.rights);
  if (missing.length > 0) return { ok: false, code: 'missing', missing };
  const now = deps.clock.now();
  const configured = deps.adminGroupIds.includes(a.chatId);
  return deps.uow.run(async (r): Promise<SetupResult> => {
    await r.adminGroups.clearRemoved(a.chatId);
    await r.pendingGroups.remove(a.chatId);
    if (configured) return { ok: true, status: 'configured' };
    const added = await r.adminGroups.store({
      chatId: a.chatId,
      title: a.title,
      setUpBy: a.actorId,
      setUpAt: now,
    });
    if (added)
      await r.admin.audit({
        actorId: a.actorId,
        userId: null,
        action: 'admin_group_setup',
        details: { chatId: a.chatId, title: a.title },
      });
    return { ok: true, status: added ? 'added' : 'already' };
  });
}

/**
 * The bot was promoted or demoted in an admin group: who to tell (the owners) what is now missing,
 * once per change (a repeat of the same update, or a change that changes nothing needed, tells nobody).
 */
export async function botRightsChanged(
  deps: GroupsDeps,
  a: { chatId: number; before: SetupNeed[]; after: SetupNeed[]; changeKey: string },
): Promise<{ owners: number[] } | null> {
  const same = a.before.length === a.after.length && a.before.every((n) => a.after.includes(n));
  if (same) return null;
  return deps.uow.run(async (r) => {
    if (!(await r.once.claim(`alert:bot-rights:${a.chatId}:${a.changeKey}`))) return null;
    return { owners: await deps.access.holders('team.manage', r) };
  });
}
