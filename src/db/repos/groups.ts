import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { AdminGroupsRepo, PendingGroupsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { prepared } from '../prepared.ts';
import {
  adminGroupFans,
  adminGroupLoad,
  outbox,
  pendingGroups,
  removedAdminGroups,
  storedAdminGroups,
} from '../schema/index.ts';
import { SETTINGS_CHANNEL, type SettingsCache } from '../settings-cache.ts';

export function pendingGroupsRepo(db: DbOrTx): PendingGroupsRepo {
  return {
    async get(chatId) {
      const [row] = await db.select().from(pendingGroups).where(eq(pendingGroups.chatId, chatId));
      return row ?? null;
    },
    async put(group) {
      await db
        .insert(pendingGroups)
        .values(group)
        .onConflictDoUpdate({
          target: pendingGroups.chatId,
          set: { title: group.title, addedBy: group.addedBy, addedAt: group.addedAt },
        });
    },
    async remove(chatId) {
      await db.delete(pendingGroups).where(eq(pendingGroups.chatId, chatId));
    },
  };
}

/** Epoch hours by the database's clock (every replica counts in the same buckets). */
export const hourNow = sql<number>`floor(extract(epoch from now()) / 3600)::int`;

/** Any fixed number: the advisory lock that serialises fan placements (released at commit). */
const PLACEMENT_LOCK = 72_917_303;

// Once per relayed message (db/prepared.ts: built once).
const noteLoad = prepared<{ groupId: number; count: number }, unknown>('fb_group_load', (db) =>
  db
    .insert(adminGroupLoad)
    .values({ groupId: sql.placeholder('groupId'), hour: hourNow, relayed: sql.placeholder('count') })
    .onConflictDoUpdate({
      target: [adminGroupLoad.groupId, adminGroupLoad.hour],
      set: { relayed: sql`${adminGroupLoad.relayed} + ${sql.placeholder('count')}::int` },
    }),
);

/**
 * `cache`: the process's settings cache, which also keeps the stored admin groups (read on every update)
 * and drops them when any replica announces a change on the settings channel.
 */
export function adminGroupsRepo(db: DbOrTx, cache?: SettingsCache): AdminGroupsRepo {
  const loadStored = async () =>
    (await db.select().from(storedAdminGroups).orderBy(asc(storedAdminGroups.setUpAt))).map((g) => ({
      ...g,
      chatId: Number(g.chatId),
      setUpBy: Number(g.setUpBy),
    }));
  const perGroup = (rows: Array<{ groupId: number; n: number }>) =>
    new Map(rows.map((r) => [Number(r.groupId), Number(r.n)]));
  return {
    async removed(groupIds) {
      if (groupIds.length === 0) return [];
      const rows = await db
        .select({ groupId: removedAdminGroups.groupId })
        .from(removedAdminGroups)
        .where(inArray(removedAdminGroups.groupId, [...groupIds]));
      return rows.map((r) => r.groupId);
    },
    async markRemoved(groupId, at) {
      await db.insert(removedAdminGroups).values({ groupId, removedAt: at }).onConflictDoNothing();
    },
    stored: () => (cache ? cache.cached('admin_groups', loadStored) : loadStored()),
    async store(group) {
      const [existing] = await db
        .select({ chatId: storedAdminGroups.chatId })
        .from(storedAdminGroups)
        .where(eq(storedAdminGroups.chatId, group.chatId))
        .for('update');
      if (existing)
        await db
          .update(storedAdminGroups)
          .set({ title: group.title })
          .where(eq(storedAdminGroups.chatId, group.chatId));
      else await db.insert(storedAdminGroups).values(group).onConflictDoNothing();
      // Every replica (this one too) drops its copy when the transaction commits.
      await db.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, 'admin_groups')`);
      cache?.invalidate();
      return !existing;
    },
    async clearRemoved(groupId) {
      await db.delete(removedAdminGroups).where(eq(removedAdminGroups.groupId, groupId));
    },
    async noteRelayed(groupId, count) {
      await noteLoad(db, { groupId, count });
    },
    async relayedLastDay(groupIds) {
      if (groupIds.length === 0) return new Map();
      const rows = await db
        .select({ groupId: adminGroupLoad.groupId, n: sql<number>`sum(${adminGroupLoad.relayed})::int` })
        .from(adminGroupLoad)
        .where(
          and(inArray(adminGroupLoad.groupId, [...groupIds]), gt(adminGroupLoad.hour, sql`${hourNow} - 24`)),
        )
        .groupBy(adminGroupLoad.groupId);
      // And the fan messages accepted for each group and not sent yet: in a burst of new fans, counting
      // only what was sent would send every newcomer to the group whose relays happen to lag.
      const waiting = await db
        .select({ groupId: outbox.chatId, n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(
          and(
            inArray(outbox.status, ['pending', 'sending']),
            inArray(outbox.kind, ['relay.in', 'relay.album']),
            inArray(outbox.chatId, [...groupIds]),
          ),
        )
        .groupBy(outbox.chatId);
      const relayed = perGroup(rows);
      const queued = perGroup(waiting);
      return new Map(
        [...new Set([...relayed.keys(), ...queued.keys()])].map((g) => [
          g,
          { relayed: relayed.get(g) ?? 0, waiting: queued.get(g) ?? 0 },
        ]),
      );
    },
    async lockPlacement() {
      await db.execute(sql`select pg_advisory_xact_lock(${PLACEMENT_LOCK})`);
    },
    async fans(groupIds) {
      if (groupIds.length === 0) return new Map();
      // Kept by triggers on fan_topics (migration 0010_admin_groups).
      const rows = await db
        .select({ groupId: adminGroupFans.groupId, n: adminGroupFans.fans })
        .from(adminGroupFans)
        .where(inArray(adminGroupFans.groupId, [...groupIds]));
      return perGroup(rows);
    },
    async pruneLoad(hours) {
      const rows = await db
        .delete(adminGroupLoad)
        .where(lte(adminGroupLoad.hour, sql`${hourNow} - ${hours}`))
        .returning({ groupId: adminGroupLoad.groupId });
      return rows.length;
    },
  };
}
