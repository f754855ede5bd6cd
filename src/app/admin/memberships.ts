import type { AdminGroupList } from './groups.ts';
import type { Access, UnitOfWork } from '../ports/index.ts';
import { ownerAlerts } from '../system/notices.ts';
import { text } from '../texts.ts';

/**
 * With several admin groups, each fan lives in one of them, so everyone who answers fans (holders of
 * `relay.reply`: the team and the owners) must be a member of every group. Checked at start and when
 * the bot or a member joins or leaves an admin group; the owners are told privately, once per missing
 * membership (a once-mark per group and person), with the full list of what is missing at that moment.
 * One admin group: nothing to check (the single-group setup is unchanged).
 */

export interface MembershipProbe {
  /** Whether the person is in the group; null when it cannot be told (the bot is not there, an error). */
  isMember(groupId: number, userId: number): Promise<boolean | null>;
}

export interface MembershipDeps {
  uow: UnitOfWork;
  access: Access;
  /** Every admin group now (configured and set up: app/admin/groups.ts). */
  adminGroups: AdminGroupList;
}

export interface MissingMembership {
  groupId: number;
  userId: number;
}

const MARK = 'admin-membership-missing:';

export async function checkAdminMemberships(
  deps: MembershipDeps,
  probe: MembershipProbe,
): Promise<{ missing: MissingMembership[]; alerted: boolean }> {
  const groupIds = await deps.adminGroups();
  if (groupIds.length < 2) return { missing: [], alerted: false };
  const { repos } = deps.uow;
  const removed = await repos.adminGroups.removed(groupIds);
  const people = await deps.access.holders('relay.reply');
  const missing: MissingMembership[] = [];
  for (const groupId of groupIds) {
    if (removed.includes(groupId)) continue;
    for (const userId of people) {
      if ((await probe.isMember(groupId, userId)) === false) missing.push({ groupId, userId });
    }
  }
  if (missing.length === 0) return { missing, alerted: false };
  const alerted = await deps.uow.run(async (r) => {
    const fresh: string[] = [];
    for (const m of missing) {
      const pair = `${m.groupId}:${m.userId}`;
      if (await r.once.claim(`${MARK}${pair}`)) fresh.push(pair);
    }
    // Everything missing was told before: no reminder.
    if (fresh.length === 0) return false;
    const lines: string[] = [];
    for (const groupId of [...new Set(missing.map((m) => m.groupId))]) {
      const names: string[] = [];
      for (const m of missing.filter((x) => x.groupId === groupId)) {
        const u = await r.users.get(m.userId);
        names.push(
          u ? `${u.firstName}${u.username ? ` @${u.username}` : ''} (${m.userId})` : String(m.userId),
        );
      }
      lines.push(`${groupId}: ${names.join(', ')}`);
    }
    const owners = await deps.access.holders('team.manage', r);
    // The first pair told now names the alert: its mark was claimed here, so the key is new.
    await r.outbox.enqueue(
      ownerAlerts(
        owners,
        `admin-memberships:${fresh[0]}`,
        text('admin-setup-memberships-missing', { missing: lines.join('\n') }),
      ),
    );
    return true;
  });
  return { missing, alerted };
}
