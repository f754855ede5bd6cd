import { and, asc, desc, eq, gt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type {
  AppliedEntry,
  LedgerApplyResult,
  LedgerEntry,
  LedgerRepo,
  LockedAccount,
  LoggedMessage,
  NewLedgerEntry,
  NotedTopic,
  SeenAccount,
  User,
} from '../../app/ports/index.ts';
import { planClawback, planCredit, planDebit } from '../../domain/ledger/index.ts';
import { SPEND_REASONS, promoteTier, type Tier } from '../../domain/tiers/index.ts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../client.ts';
import { columns } from '../columns.ts';
import { ph, prepared, preparedSql } from '../prepared.ts';
import { isTopUp, ledgerEntries, users, type LedgerEntryRow } from '../schema/index.ts';
import {
  fanMessageNoteCtes,
  fanMessageNoteSlots,
  topicOfRow,
  topicReturningOf,
  type FanMessageNoteSlots,
  type TopicRow,
} from './relay.ts';

function toEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: row.id,
    userId: row.userId,
    delta: row.delta,
    reason: row.reason,
    idempotencyKey: row.idempotencyKey,
    balanceAfter: row.balanceAfter,
    actor: row.actor,
    metadata: row.metadata ?? {},
    createdAt: row.createdAt,
  };
}

/** What the entry records and what the balance becomes, or why nothing happens. */
type Planned =
  { delta: number; balanceAfter: number } | { status: 'insufficient'; balance: number; needed: number };

function plan(balance: number, e: NewLedgerEntry): Planned {
  if (e.delta >= 0) return { delta: e.delta, balanceAfter: planCredit(balance, e.delta).balanceAfter };
  if (e.mode === 'clamp') {
    // Refunds and disputes: spent credits are gone, so the entry records what was actually taken.
    const clawback = planClawback(balance, -e.delta);
    return { delta: -clawback.taken, balanceAfter: clawback.balanceAfter };
  }
  const debit = planDebit(balance, -e.delta);
  if (!debit.ok) return { status: 'insufficient', balance: debit.balance, needed: debit.needed };
  return { delta: e.delta, balanceAfter: debit.balanceAfter };
}

/**
 * The entry and the balance (with the lifetime spend and the tier, unchanged when nothing moved them) in
 * one statement; the balance moves only when the entry went in, and only from the balance read under the
 * lock (`balanceBefore`).
 */
const recordEntry = prepared('fb_ledger_record', (db) => {
  const entry = db.$with('entry').as(
    db
      .insert(ledgerEntries)
      .values({
        userId: ph('userId'),
        delta: ph('delta'),
        reason: ph('reason'),
        idempotencyKey: ph('key'),
        balanceAfter: ph('balanceAfter'),
        actor: ph('actor'),
        metadata: ph('metadata'),
      })
      .onConflictDoNothing({ target: ledgerEntries.idempotencyKey })
      .returning({ id: ledgerEntries.id, createdAt: ledgerEntries.createdAt }),
  );
  const moved = db.$with('moved').as(
    db
      .update(users)
      // (`set` takes no placeholder: wrapped, the value reaches the driver as it is.)
      .set({
        creditBalance: sql`${ph('balanceAfter')}`,
        lifetimeSpent: sql`${ph('lifetimeSpent')}`,
        tier: sql`${ph('tier')}`,
      })
      .where(
        and(
          eq(users.id, ph('userId')),
          eq(users.creditBalance, ph('balanceBefore')),
          sql`exists (select 1 from ${entry})`,
        ),
      )
      .returning({ id: users.id }),
  );
  return db
    .with(entry, moved)
    .select({
      id: entry.id,
      createdAt: entry.createdAt,
      moved: sql<number>`(select count(*) from ${moved})::int`,
    })
    .from(entry);
});

/**
 * The user's row, locked, with any entry of this key and the credits of the last top-up (the receipt's
 * balance bar): what `apply` reads under the lock, and what a caller that needs the user before it
 * charges them (a fan's message) takes with `lockAccount` instead of a lock of its own. Built once
 * (db/prepared.ts), like the statement that records the entry.
 */
const lockAccountOf = prepared('fb_ledger_lock', (db) =>
  db
    .select({ user: users, existing: ledgerEntries, lastTopUp: lastTopUpOf(ph('userId')) })
    .from(users)
    .leftJoin(ledgerEntries, eq(ledgerEntries.idempotencyKey, ph('key')))
    .where(eq(users.id, ph('userId')))
    .for('no key update', { of: users }),
);

async function lockAccountIn(tx: Tx, userId: number, key: string): Promise<LockedAccount | null> {
  const [row] = await lockAccountOf(tx, { userId, key });
  if (!row) return null;
  return {
    user: row.user,
    idempotencyKey: key,
    existing: row.existing ? toEntry(row.existing) : null,
    lastTopUp: row.lastTopUp ?? null,
  };
}

/** `LedgerRepo.apply` inside an open transaction. */
async function applyIn(tx: Tx, e: NewLedgerEntry, account?: LockedAccount): Promise<LedgerApplyResult> {
  // The row lock serialises every ledger write for this user (concurrent debits queue up here), so the
  // balance read here stays true until commit. An entry of this key (for any user) makes it a repeat.
  // `no key update`: the balance is not a key, so rows that only point at the user (the message log, a
  // first response; their foreign keys take a key-share lock) do not wait for it, and a transaction that
  // locked the fan's topic and then writes such a row cannot deadlock with this charge.
  if (account && (account.user.id !== e.userId || account.idempotencyKey !== e.idempotencyKey))
    throw new Error(`ledger: the account locked is not this entry's (entry ${e.idempotencyKey})`);
  const locked = account ?? (await lockAccountIn(tx, e.userId, e.idempotencyKey));
  if (!locked) throw new Error(`ledger: user ${e.userId} does not exist (entry ${e.idempotencyKey})`);
  if (locked.existing) return { status: 'duplicate', entry: locked.existing };
  const planned = planEntry(locked.user, e);
  if ('status' in planned) return planned;
  const { values, balance, lifetimeSpent, tier } = planned;
  // The balance moves only when the entry went in (a key raced in by another user's write inserts
  // nothing, and then nothing moves), and only from the balance read under the lock.
  const [row] = await recordEntry(tx, {
    ...values,
    key: e.idempotencyKey,
    balanceBefore: balance,
    lifetimeSpent,
    tier,
  });
  if (!row) {
    // Lost a race for the key, e.g. the same key sent for another user (which holds another lock).
    const raced = await ledgerRepo(tx).findByKey(e.idempotencyKey);
    if (raced) return { status: 'duplicate', entry: raced };
    throw new Error(`ledger: entry ${e.idempotencyKey} conflicted but cannot be found`);
  }
  // The guard cannot fail under the lock; if it does, something wrote the balance around the ledger,
  // and throwing rolls the entry back rather than recording a chain that does not add up.
  if (Number(row.moved) !== 1)
    throw new Error(`ledger: balance of user ${e.userId} changed under the row lock`);
  return appliedEntry(planned, e, row.id, row.createdAt, locked.lastTopUp);
}

/** What `apply` and `applyAsRead` answer for an entry that went in. */
function appliedEntry(
  { values, tier, tierBefore }: Exclude<ReturnType<typeof planEntry>, { status: 'insufficient' }>,
  e: NewLedgerEntry,
  id: number,
  createdAt: Date,
  lastTopUp: number | null,
): AppliedEntry {
  return {
    status: 'applied',
    entry: { id, ...values, createdAt },
    ...(tier !== tierBefore ? { promoted: tier as Tier } : {}),
    ...(e.withLastTopUp ? { lastTopUp } : {}),
  };
}

/**
 * What an entry writes, planned from the user's row as the charge reads it (under the lock, or as read
 * and checked unchanged by `applyAsRead`): the entry's values, the balance it moves from, and the
 * lifetime spend and tier written with it.
 */
function planEntry(user: User, e: NewLedgerEntry) {
  const { creditBalance: balance, lifetimeSpent: spentBefore, tier: tierBefore, tierManual } = user;

  const planned = plan(balance, e);
  if ('status' in planned) return planned;

  const values = {
    userId: e.userId,
    // `|| 0`: a clamp that took nothing plans -0; the row (and so the entry) says 0.
    delta: planned.delta || 0,
    reason: e.reason,
    idempotencyKey: e.idempotencyKey,
    balanceAfter: planned.balanceAfter,
    actor: e.actor,
    metadata: e.metadata ?? {},
  };
  // A message or unlock debit adds to the lifetime spend and may promote the tier: decided here under the
  // row lock and written by the same statement as the balance (no extra round trip on the charge path).
  const spent = SPEND_REASONS.includes(e.reason) && values.delta < 0 ? -values.delta : 0;
  const lifetimeSpent = spentBefore + spent;
  const tier =
    spent > 0 && e.tiers
      ? promoteTier({ tier: tierBefore, manual: tierManual }, lifetimeSpent, e.tiers)
      : tierBefore;
  return { values, balance, lifetimeSpent, tier, tierBefore };
}

/**
 * `apply` from the row as read before the transaction, in one statement: the row is locked only if its
 * version (PostgreSQL's `xmin`, which every update of the row changes) is still the one read, and only
 * then the entry goes in (unless its key exists) and the balance moves, from the balance read. Casts
 * name every slot's type: an `insert … select` gives the parameters no column to take one from.
 */
type AsReadSlots = {
  userId: number;
  version: string;
  delta: number;
  reason: string;
  key: string;
  balanceAfter: number;
  actor: string;
  metadata: string;
  balanceBefore: number;
  lifetimeSpent: number;
  tier: string;
};
type AsReadRow = {
  locked: number;
  id: number | string | null;
  created_at: Date | string | null;
  moved: number;
  last_top_up: number | string | null;
};
const asReadCtes = sql`acct as (
        select u.id, ${lastTopUpOf(sql`u.id`)} as last_top_up from users u
         where u.id = ${ph('userId')}::bigint and u.xmin::text = ${ph('version')}::text
           and u.credit_balance = ${ph('balanceBefore')}::int
           for no key update of u),
      entry as (
        insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, metadata)
        select acct.id, ${ph('delta')}::int, ${ph('reason')}::text, ${ph('key')}::text, ${ph('balanceAfter')}::int,
               ${ph('actor')}::text, ${ph('metadata')}::jsonb
          from acct
        on conflict (idempotency_key) do nothing
        returning id, created_at),
      moved as (
        update users set credit_balance = ${ph('balanceAfter')}::int, lifetime_spent = ${ph('lifetimeSpent')}::int,
               tier = ${ph('tier')}::text
         where id = (select id from acct) and exists (select 1 from entry)
        returning id)`;
const asReadAnswer = sql`(select count(*) from acct)::int as locked, (select last_top_up from acct) as last_top_up,
             entry.id, entry.created_at, (select count(*) from moved)::int as moved`;
const recordEntryAsRead = preparedSql<AsReadSlots, AsReadRow>(
  'fb_ledger_record_as_read',
  sql`with ${asReadCtes}
      select ${asReadAnswer}
        from (select 1) as one left join entry on true`,
);
// The same, and a fan's message noted on their topic with its log row (db/repos/relay.ts), only if the
// balance moved: the topic's columns ride on the answer (null when nothing was noted).
const recordEntryAsReadAndNote = preparedSql<
  AsReadSlots & FanMessageNoteSlots,
  AsReadRow & Partial<TopicRow>
>(
  'fb_ledger_record_as_read_noted',
  sql`with ${asReadCtes}, ${fanMessageNoteCtes('moved')}
      select ${asReadAnswer}, noted.*
        from (select 1) as one left join entry on true left join noted on true`,
);

type PlannedEntry = Exclude<ReturnType<typeof planEntry>, { status: 'insufficient' }>;

/** The slots of an entry charged from the row as read; null when the row as read refuses it. */
function asReadSlots(
  e: NewLedgerEntry,
  seen: SeenAccount,
): { planned: PlannedEntry; slots: AsReadSlots } | null {
  if (seen.user.id !== e.userId)
    throw new Error(`ledger: the row read is not this entry's (entry ${e.idempotencyKey})`);
  const planned = planEntry(seen.user, e);
  // Refused on the row as read: decided again under the lock, on the row as it is.
  if ('status' in planned) return null;
  const { values, balance, lifetimeSpent, tier } = planned;
  return {
    planned,
    slots: {
      ...values,
      key: e.idempotencyKey,
      metadata: JSON.stringify(values.metadata),
      version: seen.version,
      balanceBefore: balance,
      lifetimeSpent,
      tier,
    },
  };
}

/** The entry the as-read statement entered, or null when it wrote nothing (the row changed, or the key has an entry). */
function asReadApplied(
  planned: PlannedEntry,
  e: NewLedgerEntry,
  row: AsReadRow | undefined,
): AppliedEntry | null {
  if (!row || Number(row.locked) !== 1 || row.id === null || row.created_at === null) return null;
  if (Number(row.moved) !== 1)
    throw new Error(`ledger: balance of user ${e.userId} changed under the row lock`);
  const lastTopUp = row.last_top_up === null ? null : Number(row.last_top_up);
  return appliedEntry(planned, e, Number(row.id), new Date(row.created_at), lastTopUp);
}

/** `applyAsRead`, and with `note` the fan's message noted on their topic by the same statement. */
async function applyAsReadIn(
  tx: Tx,
  e: NewLedgerEntry,
  seen: SeenAccount,
  note?: { at: Date; logged: LoggedMessage },
): Promise<(AppliedEntry & { noted?: NotedTopic | null }) | null> {
  const plan = asReadSlots(e, seen);
  if (!plan) return null;
  if (!note) {
    const { rows } = await recordEntryAsRead(tx, plan.slots);
    return asReadApplied(plan.planned, e, rows[0]);
  }
  const { rows } = await recordEntryAsReadAndNote(tx, {
    ...plan.slots,
    ...fanMessageNoteSlots(note.at, note.logged),
  });
  const row = rows[0];
  const applied = asReadApplied(plan.planned, e, row);
  if (!applied) return null;
  return { ...applied, noted: row!.user_id == null ? null : topicOfRow(row as TopicRow) };
}

/**
 * `applyAsRead` with its note for several fans' messages (distinct users) in one statement, each claiming
 * its update first: the claims, the rows locked where still as read, the entries, the balances, the
 * topics' notes and the message-log rows, over arrays (one row of `input` per message). An item whose
 * claim is taken, or whose row changed, writes nothing of its own (but its claim, when taken here).
 * Columns of `input` are named apart from the tables' so that no reference is ambiguous.
 */
type ManySlots = {
  updateIds: (number | null)[];
  userIds: number[];
  versions: string[];
  balancesBefore: number[];
  deltas: number[];
  reasons: string[];
  keys: string[];
  balancesAfter: number[];
  actors: string[];
  metadatas: string[];
  lifetimes: number[];
  tiers: string[];
  ats: string[];
  types: string[];
  messageIds: number[];
  texts: (string | null)[];
};
type ManyRow = AsReadRow & Partial<TopicRow> & { ord: number | string; claimed: boolean };
const recordManyAsReadAndNote = preparedSql<ManySlots, ManyRow>(
  'fb_ledger_record_many_as_read_noted',
  sql`with input as (
        select * from unnest(${ph('updateIds')}::bigint[], ${ph('userIds')}::bigint[], ${ph('versions')}::text[],
          ${ph('balancesBefore')}::int[], ${ph('deltas')}::int[], ${ph('reasons')}::text[], ${ph('keys')}::text[],
          ${ph('balancesAfter')}::int[], ${ph('actors')}::text[], ${ph('metadatas')}::text[], ${ph('lifetimes')}::int[],
          ${ph('tiers')}::text[], ${ph('ats')}::text[], ${ph('types')}::text[], ${ph('messageIds')}::int[],
          ${ph('texts')}::text[]) with ordinality
          as i(in_update, in_user, in_version, in_before, in_delta, in_reason, in_key, in_after, in_actor, in_meta,
               in_spent, in_tier, in_at, in_type, in_message, in_text, ord)),
      claims as (
        insert into processed_updates (update_id) select in_update from input where in_update is not null
        on conflict do nothing returning update_id),
      acct as (
        select u.id as acct_id, i.*, ${lastTopUpOf(sql`u.id`)} as acct_top_up from users u
          join input i on i.in_user = u.id
         where u.xmin::text = i.in_version and u.credit_balance = i.in_before
           and (i.in_update is null or i.in_update in (select update_id from claims))
           for no key update of u),
      entry as (
        insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, metadata)
        select acct_id, in_delta, in_reason, in_key, in_after, in_actor, in_meta::jsonb from acct order by ord
        on conflict (idempotency_key) do nothing
        returning id as entry_id, user_id as entry_user, created_at as entry_at),
      moved as (
        update users set credit_balance = a.in_after, lifetime_spent = a.in_spent, tier = a.in_tier
          from acct a where users.id = a.acct_id and a.acct_id in (select entry_user from entry)
        returning users.id as moved_id),
      noted as (
        update fan_topics set unread = fan_topics.unread + 1, last_fan_message_at = a.in_at::timestamptz,
               waiting_since = coalesce(fan_topics.waiting_since, a.in_at::timestamptz)
          from acct a where fan_topics.user_id = a.acct_id and a.acct_id in (select moved_id from moved)
        ${topicReturningOf('fan_topics')}),
      logged as (
        insert into message_log (user_id, direction, type, message_id, group_id, thread_id, text, created_at)
        select acct_id, 'in', in_type, in_message, null, null, in_text, in_at::timestamptz from acct
         where acct_id in (select user_id from noted) order by ord)
      select i.ord, (i.in_update is null or i.in_update in (select update_id from claims)) as claimed,
             (a.acct_id is not null)::int as locked, a.acct_top_up as last_top_up, e.entry_id as id,
             e.entry_at as created_at, (m.moved_id is not null)::int as moved, n.*
        from input i left join acct a on a.acct_id = i.in_user left join entry e on e.entry_user = i.in_user
        left join moved m on m.moved_id = i.in_user left join noted n on n.user_id = i.in_user
       order by i.ord`,
);

/** `applyManyAsRead` (LedgerRepo): planned here from each row as read, written by one statement. */
async function applyManyAsReadIn(
  tx: Tx,
  items: Parameters<LedgerRepo['applyManyAsRead']>[0],
): ReturnType<LedgerRepo['applyManyAsRead']> {
  if (items.length === 0) return [];
  if (new Set(items.map((i) => i.entry.userId)).size !== items.length)
    throw new Error('ledger: applyManyAsRead takes one entry per user');
  const plans = items.map((i) => {
    const plan = asReadSlots(i.entry, i.seen);
    if (!plan) throw new Error(`ledger: the row as read refuses entry ${i.entry.idempotencyKey}`);
    return plan;
  });
  const slots: ManySlots = columns(
    items.map((item, k) => {
      const p = plans[k]!.slots;
      const note = fanMessageNoteSlots(item.note.at, item.note.logged);
      return {
        updateIds: item.updateId,
        userIds: p.userId,
        versions: p.version,
        balancesBefore: p.balanceBefore,
        deltas: p.delta,
        reasons: p.reason,
        keys: p.key,
        balancesAfter: p.balanceAfter,
        actors: p.actor,
        metadatas: p.metadata,
        lifetimes: p.lifetimeSpent,
        tiers: p.tier,
        ats: note.when,
        types: note.type,
        messageIds: note.messageId,
        texts: note.text,
      };
    }),
  );
  const { rows } = await recordManyAsReadAndNote(tx, slots);
  return items.map((item, k) => {
    const row = rows[k];
    if (!row || Number(row.ord) !== k + 1) throw new Error('ledger: applyManyAsRead answered out of order');
    if (!row.claimed) return { claimed: false, applied: null };
    const applied = asReadApplied(plans[k]!.planned, item.entry, row);
    if (!applied) return { claimed: true, applied: null };
    return {
      claimed: true,
      applied: { ...applied, noted: row.user_id == null ? null : topicOfRow(row as TopicRow) },
    };
  });
}

/** The credits of the user's last top-up, as a scalar subquery (null: none yet). */
export function lastTopUpOf(userId: number | Placeholder | SQL) {
  return sql<number | null>`(select ${ledgerEntries.delta} from ${ledgerEntries} where ${and(
    eq(ledgerEntries.userId, userId),
    isTopUp(ledgerEntries.reason, ledgerEntries.delta),
  )} order by ${ledgerEntries.id} desc limit 1)`.mapWith(Number);
}

export function ledgerRepo(db: DbOrTx): LedgerRepo {
  const findByKey = async (key: string): Promise<LedgerEntry | null> => {
    const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, key));
    return row ? toEntry(row) : null;
  };

  return {
    findByKey,

    async apply(e, locked) {
      // Two statements: the user's row lock with any entry of this key (none when the caller locked it
      // with `lockAccount`), then the entry and the balance in one statement. Inside the caller's
      // `uow.run` no savepoint is taken: an error here aborts the caller's transaction, which rolls back
      // (the balance guard below is the only throw after a write). On the bare db it is a transaction of
      // its own. Either way the entry and the balance move together.
      if (db instanceof PgTransaction) return applyIn(db, e, locked);
      if (locked) throw new Error('ledger: a locked account belongs to the transaction that locked it');
      return db.transaction((tx) => applyIn(tx, e));
    },

    async applyAsRead(e, seen, note) {
      if (!(db instanceof PgTransaction)) throw new Error('ledger: applyAsRead needs a transaction');
      return applyAsReadIn(db, e, seen, note);
    },

    async applyManyAsRead(items) {
      if (!(db instanceof PgTransaction)) throw new Error('ledger: applyManyAsRead needs a transaction');
      return applyManyAsReadIn(db, items);
    },

    async lockAccount(userId, key) {
      if (!(db instanceof PgTransaction)) throw new Error('ledger: lockAccount needs a transaction');
      return lockAccountIn(db, userId, key);
    },

    async lastTopUp(userId) {
      const [row] = await db
        .select({ delta: ledgerEntries.delta })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.userId, userId), isTopUp(ledgerEntries.reason, ledgerEntries.delta)))
        .orderBy(desc(ledgerEntries.id))
        .limit(1);
      return row?.delta ?? null;
    },

    async totals(userId, afterId = 0) {
      // sum(int) is bigint: node-postgres hands it over as a string, hence the casts and Number().
      const d = ledgerEntries.delta;
      const r = ledgerEntries.reason;
      const sum = (filter: SQL) =>
        sql<string | number>`coalesce(sum(${d}) filter (where ${filter}), 0)::bigint`;
      const [row] = await db
        .select({
          spent: sum(sql`${r} in ('spend', 'unlock') and ${d} < 0`),
          purchased: sum(sql`${r} in ('purchase', 'auto_recharge') and ${d} > 0`),
          gifted: sum(sql`${r} in ('gift', 'bonus')`),
          returned: sum(sql`${r} = 'refund' and ${d} > 0`),
          // Refund clawbacks and dispute holds, net of the holds given back when a dispute was won.
          takenBack: sum(sql`(${r} = 'refund' and ${d} < 0) or ${r} = 'dispute'`),
        })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.userId, userId), gt(ledgerEntries.id, afterId)));
      const n = (v: string | number | undefined) => Number(v ?? 0);
      return {
        // `|| 0`: no -0 for a sum of nothing.
        spent: -n(row?.spent) || 0,
        purchased: n(row?.purchased),
        gifted: n(row?.gifted),
        returned: n(row?.returned),
        takenBack: -n(row?.takenBack) || 0,
      };
    },

    async page(userId, offset, limit, afterId = 0) {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.userId, userId), gt(ledgerEntries.id, afterId)))
        .orderBy(desc(ledgerEntries.id))
        .offset(Math.max(0, offset))
        .limit(Math.max(0, limit));
      return rows.map(toEntry);
    },

    async count(userId, afterId = 0) {
      const [row] = await db
        .select({ n: sql<string | number>`count(*)::bigint` })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.userId, userId), gt(ledgerEntries.id, afterId)));
      return Number(row?.n ?? 0);
    },

    async snapshot() {
      // One statement, so the balances and the entries come from the same MVCC snapshot even under
      // READ COMMITTED on a live database: two separate selects could see a write land in between and
      // report a mismatch that never existed.
      const rows = await db
        .select({
          userId: users.id,
          balance: users.creditBalance,
          entryId: ledgerEntries.id,
          delta: ledgerEntries.delta,
          balanceAfter: ledgerEntries.balanceAfter,
        })
        .from(users)
        .leftJoin(ledgerEntries, eq(ledgerEntries.userId, users.id))
        .orderBy(asc(users.id), asc(ledgerEntries.id));
      const accounts: Awaited<ReturnType<LedgerRepo['snapshot']>> = [];
      let current: (typeof accounts)[number] | undefined;
      for (const r of rows) {
        if (current?.userId !== r.userId) {
          current = { userId: r.userId, balance: r.balance, entries: [] };
          accounts.push(current);
        }
        if (r.entryId !== null && r.delta !== null && r.balanceAfter !== null) {
          current.entries.push({ delta: r.delta, balanceAfter: r.balanceAfter });
        }
      }
      return accounts;
    },
  };
}
