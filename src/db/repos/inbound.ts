import { sql } from 'drizzle-orm';
import type { InboundUpdate, InboundUpdatesStore } from '../../app/ports/updates.ts';
import type { Db } from '../client.ts';
import { isDataRefusal } from '../errors.ts';
import { ph, preparedSql } from '../prepared.ts';

type Rows<T> = { rows: T[] };

interface PendingStore {
  updateId: number;
  lane: string;
  json: string;
  resolve(stored: boolean): void;
  reject(err: unknown): void;
}

// The statements every webhook update costs, built once (db/prepared.ts): its store, and its share of a claim.
const storeUpdate = preparedSql<{ updateId: number; lane: string; json: string }, { update_id: unknown }>(
  'fb_inbound_store',
  sql`insert into inbound_updates (update_id, lane, raw) values (${ph('updateId')}, ${ph('lane')}, ${ph('json')}::jsonb)
      on conflict (update_id) do nothing returning update_id`,
);
// The stores that arrived while one was being written, in one statement (see `store` below).
const storeUpdates = preparedSql<
  { updateIds: number[]; lanes: string[]; jsons: string[] },
  { update_id: unknown }
>(
  'fb_inbound_store_group',
  sql`insert into inbound_updates (update_id, lane, raw)
      select u, l, r::jsonb from unnest(${ph('updateIds')}::bigint[], ${ph('lanes')}::text[], ${ph('jsons')}::text[]) t(u, l, r)
      on conflict (update_id) do nothing returning update_id`,
);
/** At most this many stores in one statement (a burst's POSTs in flight are about a hundred). */
export const STORE_GROUP_MAX = 100;

// Walks the updates in the order they arrived and stops after `limit` heads (first come, first served
// across lanes; within a lane, update order): each candidate costs one probe of the lane index, so a
// backlog does not make the claim slower. A row leased by another replica's claim still running is
// skipped (and its lane stays blocked by it). The updates handled since the last claim (`done`) are
// deleted by the same statement, and no longer block their lanes in it (its reads see the rows as they
// were before it).
const claimUpdates = preparedSql<
  { leaseUntil: Date; now: Date; limit: number; done: number[] },
  {
    update_id: string | number;
    received_at: Date | string;
    lane: string;
    raw: Record<string, unknown> | string;
    attempts: number;
  }
>(
  'fb_inbound_claim',
  sql`with gone as (delete from inbound_updates where update_id = any(${ph('done')}::bigint[]))
      update inbound_updates u
         set lease_until = ${ph('leaseUntil')}::timestamptz, attempts = u.attempts + 1
       where u.update_id in (
         select i.update_id from inbound_updates i
          where i.not_before <= ${ph('now')}::timestamptz
            and (i.lease_until is null or i.lease_until < ${ph('now')}::timestamptz)
            and i.update_id <> all(${ph('done')}::bigint[])
            and not exists (select 1 from inbound_updates e where e.lane = i.lane and e.update_id < i.update_id
                              and e.update_id <> all(${ph('done')}::bigint[]))
          order by i.received_at, i.update_id
          limit ${ph('limit')}
          for update skip locked)
      returning u.update_id, u.lane, u.raw, u.attempts, u.received_at`,
);
const deleteUpdates = preparedSql<{ ids: number[] }, never>(
  'fb_inbound_done',
  sql`delete from inbound_updates where update_id = any(${ph('ids')}::bigint[])`,
);

/**
 * The stored webhook updates (db/schema/updates.ts). Raw SQL: the claim's `for update skip locked` in a
 * subquery, which both engines answer as { rows }.
 */
export function inboundUpdatesStore(db: Db): InboundUpdatesStore {
  // Stores asked for while one is being written wait for it and then go together, in one statement: in a
  // burst a webhook POST costs a share of a statement instead of one of its own (docs/BENCHMARKS.md, "The
  // webhook's stores in groups"). Each caller still learns only once its own row is written. A group whose
  // data the database refuses is written again one at a time, so only an update it refuses itself (or all
  // of them, when the database is away) is answered 503 and delivered again by Telegram.
  const waiting: PendingStore[] = [];
  let writing = false;

  async function writeGroup(group: PendingStore[]): Promise<Set<number>> {
    const res =
      group.length === 1
        ? await storeUpdate(db, { updateId: group[0]!.updateId, lane: group[0]!.lane, json: group[0]!.json })
        : await storeUpdates(db, {
            updateIds: group.map((p) => p.updateId),
            lanes: group.map((p) => p.lane),
            jsons: group.map((p) => p.json),
          });
    return new Set(res.rows.map((r) => Number(r.update_id)));
  }

  async function writeWaiting(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.splice(0, STORE_GROUP_MAX);
        let written: Set<number>;
        try {
          written = await writeGroup(group);
        } catch (err) {
          if (group.length === 1 || !isDataRefusal(err)) {
            for (const p of group) p.reject(err);
            continue;
          }
          // One update the database refuses must not fail the others: each is written on its own. (Not
          // when the database is away: each would wait out its own connection attempt.)
          for (const p of group) {
            await writeGroup([p]).then(
              (one) => p.resolve(one.has(p.updateId)),
              (e: unknown) => p.reject(e),
            );
          }
          continue;
        }
        // The same update twice in one group (Telegram delivered it again meanwhile): the first is stored.
        const answered = new Set<number>();
        for (const p of group) {
          p.resolve(written.has(p.updateId) && !answered.has(p.updateId));
          answered.add(p.updateId);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    store(updateId, lane, raw) {
      // jsonb refuses U+0000 and a lone surrogate (JSON.stringify escapes one, and writes a pair as it is):
      // an update carrying one would be refused for ever (503 after 503), so each becomes U+FFFD. (Only a
      // real escape: an odd run of backslashes before `u0000` or `ud800`–`udfff`, not a fan's literal text.)
      const json = JSON.stringify(raw).replace(
        /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g,
        '$1\\ufffd',
      );
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ updateId, lane, json, resolve, reject });
        if (!writing) void writeWaiting();
      });
    },
    async claim(limit, leaseMs, now, done = []) {
      const res = await claimUpdates(db, {
        leaseUntil: new Date(now.getTime() + leaseMs),
        now,
        limit,
        done: [...done],
      });
      const arrived = (r: { received_at: Date | string }) => new Date(r.received_at).getTime();
      return res.rows
        .sort((a, b) => arrived(a) - arrived(b) || Number(a.update_id) - Number(b.update_id))
        .map((r): InboundUpdate => ({
          updateId: Number(r.update_id),
          lane: r.lane,
          raw: typeof r.raw === 'string' ? (JSON.parse(r.raw) as Record<string, unknown>) : r.raw,
          attempts: Number(r.attempts),
        }));
    },
    async done(updateIds) {
      if (updateIds.length > 0) await deleteUpdates(db, { ids: [...updateIds] });
    },
    async retryAt(updateId, at) {
      await db.execute(
        sql`update inbound_updates set lease_until = null, not_before = ${at} where update_id = ${updateId}`,
      );
    },
    async nextDueAt() {
      const res = (await db.execute(sql`
        select min(case when lease_until is not null and lease_until > not_before then lease_until else not_before end) as at
          from inbound_updates`)) as Rows<{ at: Date | string | null }>;
      const at = res.rows[0]?.at;
      return at === null || at === undefined ? null : new Date(at);
    },
    async count() {
      const res = (await db.execute(sql`select count(*)::int as n from inbound_updates`)) as Rows<{
        n: number;
      }>;
      return Number(res.rows[0]?.n ?? 0);
    },
  };
}
