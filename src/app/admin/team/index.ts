import { scheduleCardRender } from '../../relay/refresh.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, Role, UnitOfWork } from '../../ports/index.ts';

/**
 * The Team category (owners only, `team.manage`): who is on the team, adding a member (shared with a
 * `request_users` button or a forwarded message), changing a role, removing. Owners from
 * `ADMIN_USER_IDS` are listed but cannot be changed here; the last owner cannot leave. Every change is
 * audited. Telegram's side (invite links, the ban and unban that take a removed member out of the admin
 * groups, command menus) is done by the bot with what these return.
 */

export interface TeamDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  /** Owners from `ADMIN_USER_IDS`: always owners, never changed here. */
  adminUserIds: readonly number[];
}

/** The roles an owner gives here (owners come from `ADMIN_USER_IDS` or `/claim`). */
export const ASSIGNABLE_ROLES = ['manager', 'agent'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface TeamEntry {
  userId: number;
  role: Role;
  /** From `ADMIN_USER_IDS` (not stored, not removable). */
  fromConfig: boolean;
  addedBy: number | null;
  addedAt: Date | null;
  /** Their name where the bot knows them (they have written to it), else null. */
  name: string | null;
  username: string | null;
  addedByName: string | null;
}

/** A new member's invite links to the admin groups work this long (and once each). */
export const INVITE_TTL_MS = 24 * 3600_000;

/** The flow keeping the person an owner is adding (so the role buttons cannot name anyone else). */
const CANDIDATE_FLOW = 'team-add';

export type TeamFailure =
  | 'not_allowed'
  /** Not on the team (a tampered or outdated id). */
  | 'not_member'
  /** An owner from ADMIN_USER_IDS: change it in the environment. */
  | 'config_owner'
  /** The only owner left cannot leave or step down. */
  | 'last_owner'
  /** The role button does not belong to the person being added (stale or tampered). */
  | 'stale'
  | 'is_bot';

export type TeamResult<T = object> = ({ ok: true } & T) | { ok: false; code: TeamFailure };

const nameOf = (u: { firstName: string; lastName: string | null } | null) =>
  u ? [u.firstName, u.lastName].filter(Boolean).join(' ') : null;

async function allowed(deps: TeamDeps, actorId: number) {
  return deps.access.can(actorId, 'team.manage');
}

/** Everyone on the team: configured owners first, then stored members by when they were added. */
export async function listTeam(deps: TeamDeps, actorId: number): Promise<TeamResult<{ team: TeamEntry[] }>> {
  if (!(await allowed(deps, actorId))) return { ok: false, code: 'not_allowed' };
  const stored = (await deps.uow.repos.team.list()).filter((m) => !deps.adminUserIds.includes(m.userId));
  const ids = [
    ...new Set([
      ...deps.adminUserIds,
      ...stored.map((m) => m.userId),
      ...stored.flatMap((m) => (m.addedBy ? [m.addedBy] : [])),
    ]),
  ];
  const users = new Map(
    await Promise.all(ids.map(async (id) => [id, await deps.uow.repos.users.get(id)] as const)),
  );
  const entry = (m: {
    userId: number;
    role: Role;
    addedBy: number | null;
    addedAt: Date | null;
    fromConfig: boolean;
  }): TeamEntry => {
    const u = users.get(m.userId) ?? null;
    return {
      ...m,
      name: nameOf(u),
      username: u?.username ?? null,
      addedByName: m.addedBy ? nameOf(users.get(m.addedBy) ?? null) : null,
    };
  };
  return {
    ok: true,
    team: [
      ...deps.adminUserIds.map((userId) =>
        entry({ userId, role: 'owner', addedBy: null, addedAt: null, fromConfig: true }),
      ),
      ...stored.map((m) => entry({ ...m, fromConfig: false })),
    ],
  };
}

/** One member's entry (null: not on the team). */
export async function teamMember(
  deps: TeamDeps,
  actorId: number,
  userId: number,
): Promise<TeamResult<{ member: TeamEntry }>> {
  const res = await listTeam(deps, actorId);
  if (!res.ok) return res;
  const member = res.team.find((m) => m.userId === userId);
  return member ? { ok: true, member } : { ok: false, code: 'not_member' };
}

export interface Candidate {
  userId: number;
  name: string;
  username: string | null;
  /** Already on the team with this role (adding changes the role). */
  role: Role | null;
}

/**
 * The person an owner shared or forwarded, kept until they pick a role (the role buttons name them, and
 * only them). Refused for bots and for owners from `ADMIN_USER_IDS`.
 */
export async function proposeMember(
  deps: TeamDeps,
  actorId: number,
  c: { userId: number; name: string; username: string | null; isBot: boolean },
): Promise<TeamResult<{ candidate: Candidate }>> {
  if (!(await allowed(deps, actorId))) return { ok: false, code: 'not_allowed' };
  if (c.isBot) return { ok: false, code: 'is_bot' };
  if (deps.adminUserIds.includes(c.userId)) return { ok: false, code: 'config_owner' };
  const role = await deps.access.roleOf(c.userId);
  await deps.uow.repos.flows.save(
    {
      actorId,
      flow: CANDIDATE_FLOW,
      step: 'role',
      data: { userId: c.userId, name: c.name, username: c.username },
    },
    deps.clock.now(),
  );
  return { ok: true, candidate: { userId: c.userId, name: c.name, username: c.username, role } };
}

/** The person being added, if `userId` is the one the owner shared (else null: stale or tampered). */
export async function pendingCandidate(
  deps: TeamDeps,
  actorId: number,
  userId: number,
): Promise<Candidate | null> {
  const flow = await deps.uow.repos.flows.get(actorId, CANDIDATE_FLOW);
  if (!flow || flow.data.userId !== userId) return null;
  const name = typeof flow.data.name === 'string' ? flow.data.name : String(userId);
  const username = typeof flow.data.username === 'string' ? flow.data.username : null;
  return { userId, name, username, role: await deps.access.roleOf(userId) };
}

/**
 * One audit row for a team change. The audit log's `user_id` names an account, and someone who never
 * wrote to the bot has none: then it stays empty and the member's id is in the details (always there).
 */
async function auditTeam(
  r: Pick<UnitOfWork['repos'], 'admin' | 'users'>,
  a: { actorId: number; userId: number; action: string; details: Record<string, unknown> },
): Promise<void> {
  const known = (await r.users.get(a.userId)) !== null;
  await r.admin.audit({
    actorId: a.actorId,
    userId: known ? a.userId : null,
    action: a.action,
    details: { member: a.userId, ...a.details },
  });
}

/** Owners left if `userId` stopped being one. */
async function ownersWithout(deps: TeamDeps, r: { team: UnitOfWork['repos']['team'] }, userId: number) {
  const stored = (await r.team.list()).filter((m) => m.role === 'owner').map((m) => m.userId);
  return [...new Set([...deps.adminUserIds, ...stored])].filter((id) => id !== userId).length;
}

/** Adds the shared person with `role` (or changes the role of one already on the team); audited. */
export async function addMember(
  deps: TeamDeps,
  actorId: number,
  a: { userId: number; role: AssignableRole },
): Promise<TeamResult<{ candidate: Candidate; previous: Role | null; invitesExpireAt: Date }>> {
  if (!(await allowed(deps, actorId))) return { ok: false, code: 'not_allowed' };
  const candidate = await pendingCandidate(deps, actorId, a.userId);
  if (!candidate) return { ok: false, code: 'stale' };
  if (deps.adminUserIds.includes(a.userId)) return { ok: false, code: 'config_owner' };
  const now = deps.clock.now();
  return deps.uow.run(async (r) => {
    // One team change at a time across replicas (the claim lock): two owners demoting each other
    // at once cannot leave the bot with none.
    await r.claimCodes.lock();
    const before = await r.team.get(a.userId);
    if (before?.role === 'owner' && (await ownersWithout(deps, r, a.userId)) === 0)
      return { ok: false, code: 'last_owner' } as const;
    await r.team.set({ userId: a.userId, role: a.role, addedBy: actorId }, now);
    await r.flows.end(actorId, CANDIDATE_FLOW);
    await auditTeam(r, {
      actorId,
      userId: a.userId,
      action: before ? 'team_role' : 'team_add',
      details: before ? { from: before.role, to: a.role } : { role: a.role },
    });
    return {
      ok: true,
      candidate: { ...candidate, role: a.role },
      previous: before?.role ?? null,
      invitesExpireAt: new Date(now.getTime() + INVITE_TTL_MS),
    } as const;
  });
}

/** Changes a stored member's role; audited. */
export async function changeRole(
  deps: TeamDeps,
  actorId: number,
  a: { userId: number; role: AssignableRole },
): Promise<TeamResult<{ previous: Role; changed: boolean }>> {
  if (!(await allowed(deps, actorId))) return { ok: false, code: 'not_allowed' };
  if (deps.adminUserIds.includes(a.userId)) return { ok: false, code: 'config_owner' };
  return deps.uow.run(async (r) => {
    // One team change at a time across replicas (the claim lock): two owners demoting each other
    // at once cannot leave the bot with none.
    await r.claimCodes.lock();
    const before = await r.team.get(a.userId);
    if (!before) return { ok: false, code: 'not_member' } as const;
    if (before.role === a.role) return { ok: true, previous: before.role, changed: false } as const;
    if (before.role === 'owner' && (await ownersWithout(deps, r, a.userId)) === 0)
      return { ok: false, code: 'last_owner' } as const;
    await r.team.set({ userId: a.userId, role: a.role, addedBy: before.addedBy }, deps.clock.now());
    await auditTeam(r, {
      actorId,
      userId: a.userId,
      action: 'team_role',
      details: { from: before.role, to: a.role },
    });
    return { ok: true, previous: before.role, changed: true } as const;
  });
}

/** Takes a stored member off the team; audited. The bot then bans and unbans them in each admin group. */
export async function removeMember(
  deps: TeamDeps,
  actorId: number,
  userId: number,
): Promise<TeamResult<{ previous: Role }>> {
  if (!(await allowed(deps, actorId))) return { ok: false, code: 'not_allowed' };
  if (deps.adminUserIds.includes(userId)) return { ok: false, code: 'config_owner' };
  return deps.uow.run(async (r) => {
    // One team change at a time across replicas (the claim lock): two owners demoting each other
    // at once cannot leave the bot with none.
    await r.claimCodes.lock();
    const before = await r.team.get(userId);
    if (!before) return { ok: false, code: 'not_member' } as const;
    if (before.role === 'owner' && (await ownersWithout(deps, r, userId)) === 0)
      return { ok: false, code: 'last_owner' } as const;
    await r.team.remove(userId);
    // Their conversations go back to the team: unassigned, and each fan's card loses the name.
    const now = deps.clock.now();
    const unassigned = await r.conversations.unassignAll(userId, now);
    for (const fanId of unassigned) await scheduleCardRender(r, fanId, now);
    await auditTeam(r, {
      actorId,
      userId,
      action: 'team_remove',
      details: { role: before.role, unassigned: unassigned.length },
    });
    return { ok: true, previous: before.role } as const;
  });
}

/** Audits what Telegram did for a team change (invite links sent or not, groups left), for the record. */
export async function auditTeamAccess(
  deps: TeamDeps,
  actorId: number,
  a: { userId: number; action: 'team_invites' | 'team_access_removed'; details: Record<string, unknown> },
): Promise<void> {
  await deps.uow.run((r) => auditTeam(r, { actorId, ...a }));
}

export function createTeamServices(deps: TeamDeps) {
  return {
    list: (actorId: number) => listTeam(deps, actorId),
    member: (actorId: number, userId: number) => teamMember(deps, actorId, userId),
    propose: (actorId: number, c: Parameters<typeof proposeMember>[2]) => proposeMember(deps, actorId, c),
    candidate: (actorId: number, userId: number) => pendingCandidate(deps, actorId, userId),
    add: (actorId: number, a: Parameters<typeof addMember>[2]) => addMember(deps, actorId, a),
    changeRole: (actorId: number, a: Parameters<typeof changeRole>[2]) => changeRole(deps, actorId, a),
    remove: (actorId: number, userId: number) => removeMember(deps, actorId, userId),
    auditAccess: (actorId: number, a: Parameters<typeof auditTeamAccess>[2]) =>
      auditTeamAccess(deps, actorId, a),
  };
}
