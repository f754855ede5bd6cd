import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  BULK_HEADROOM,
  CARD_SETUP_COST,
  classOf,
  OUTBOX_CLASS,
  relaxedClass,
  relaxedWake,
  sendLog,
  spendsBudget,
  TOPIC_SETUP_COST,
  UNPAID_SHARE,
} from '../../app/outbox/policy.ts';
import type {
  Budget,
  ClaimResult,
  ChatLease,
  ClaimedItem,
  NewOutboxItem,
  OutboxDispatch,
  OutboxPayload,
  OutboxRepo,
  ReceiptFacts,
} from '../../app/ports/index.ts';
import type { Db, DbOrTx } from '../client.ts';
import { isUniqueViolation } from '../errors.ts';
import { columns } from '../columns.ts';
import { ph, prepared, preparedSql } from '../prepared.ts';
import { outbox, outboxBudgets } from '../schema/index.ts';

// The statements each fan message costs the outbox, built once (db/prepared.ts).
// (`set` takes no placeholder: wrapped, the value reaches the driver as it is, so the payload goes as JSON.)
const mergeInto = prepared('fb_outbox_coalesce', (db) =>
  db
    .update(outbox)
    .set({
      payload: sql`${ph('payload')}::jsonb`,
      kind: sql`${ph('kind')}`,
      notBefore: sql`coalesce(${ph('notBefore')}::timestamptz, ${outbox.notBefore})`,
    })
    .where(and(eq(outbox.coalesceKey, ph('coalesceKey')), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id }),
);
/**
 * Enqueues of up to four items (a fan's message with its card and inbox renders is three) as statements
 * built once per size; `notBefore` null means now, as the column's default.
 */
const PREPARED_ENQUEUE_SIZES = 4;
const enqueueRow = (k: number) => ({
  lane: ph(`lane${k}`),
  chatId: ph(`chatId${k}`),
  kind: ph(`kind${k}`),
  payload: ph(`payload${k}`),
  sortKey: ph(`sortKey${k}`),
  priority: ph(`priority${k}`),
  idempotencyKey: ph(`idempotencyKey${k}`),
  notBefore: sql`coalesce(${ph(`notBefore${k}`)}::timestamptz, now())`,
  coalesceKey: ph(`coalesceKey${k}`),
});
/** An item's columns, as every enqueue writes them (`notBefore` null: now). */
const columnsOf = (i: NewOutboxItem) => ({
  lane: i.lane,
  chatId: i.chatId,
  kind: i.payload.kind,
  payload: i.payload,
  sortKey: i.sortKey,
  priority: i.priority ?? classOf(i.payload),
  idempotencyKey: i.idempotencyKey,
  notBefore: i.notBefore ?? null,
  coalesceKey: i.coalesceKey ?? null,
});
const enqueueOf = Array.from({ length: PREPARED_ENQUEUE_SIZES }, (_, n) =>
  prepared(`fb_outbox_enqueue_${n + 1}`, (db) =>
    db
      .insert(outbox)
      .values(Array.from({ length: n + 1 }, (_, k) => enqueueRow(k)))
      // A repeated idempotency key, or a second pending item of one coalesce key: the first stays.
      .onConflictDoNothing()
      .returning({ key: outbox.idempotencyKey }),
  ),
);

type ReceiptItem = NewOutboxItem & {
  coalesceKey: string;
  payload: Extract<OutboxPayload, { kind: 'notice' }> & { receipt: ReceiptFacts };
};
const isReceipt = (i: NewOutboxItem): i is ReceiptItem =>
  i.coalesceKey !== undefined && i.payload.kind === 'notice' && i.payload.receipt !== undefined;

/**
 * A receipt merged into the one of its coalesce key still pending (OutboxRepo.enqueue): the newer's
 * payload, with both's messages, their total cost, and free only when both were. Not when that one
 * covers one of the newer's messages already, nor when the newer's key exists (a redelivery).
 */
const receiptMerge = (db: DbOrTx) =>
  db.$with('merged').as(
    db
      .update(outbox)
      .set({
        payload: sql`jsonb_set(jsonb_set(jsonb_set(${ph('receiptPayload')}::jsonb,
          '{receipt,messageIds}', (${outbox.payload} #> '{receipt,messageIds}') || ${ph('receiptIds')}::jsonb),
          '{receipt,cost}', to_jsonb((${outbox.payload} #>> '{receipt,cost}')::numeric + ${ph('receiptCost')}::numeric)),
          '{receipt,free}', to_jsonb((${outbox.payload} #>> '{receipt,free}')::boolean and ${ph('receiptFree')}::boolean))`,
      })
      .where(
        and(
          eq(outbox.coalesceKey, ph('receiptKey')),
          eq(outbox.status, 'pending'),
          sql`${outbox.payload} ? 'receipt'`,
          sql`not exists (select 1 from ${outbox} seen where seen.idempotency_key = ${ph('receiptIdem')})`,
          sql`not exists (select 1 from jsonb_array_elements(${ph('receiptIds')}::jsonb) as n(id)
            where ${outbox.payload} #> '{receipt,messageIds}' @> jsonb_build_array(n.id))`,
        ),
      )
      .returning({ id: outbox.id }),
  );
/**
 * Enqueues with a receipt among the items: the receipt's row is skipped by the insert when one of its key
 * is pending (the partial unique index), and merged into that one by the same statement. PostgreSQL runs
 * the update to completion after the insert, on the statement's snapshot: it cannot see a receipt the
 * insert added, and a pending receipt the sender took meanwhile is neither merged into nor in the way.
 */
const enqueueMergingOf = Array.from({ length: PREPARED_ENQUEUE_SIZES }, (_, n) =>
  prepared(`fb_outbox_enqueue_receipt_${n + 1}`, (db) => {
    const merged = receiptMerge(db);
    return (
      db
        .with(merged)
        .insert(outbox)
        .values(Array.from({ length: n + 1 }, (_, k) => enqueueRow(k)))
        .onConflictDoNothing()
        // Whether the receipt merged, on every row the insert returns (none: the caller cannot tell).
        .returning({ key: outbox.idempotencyKey, merged: sql<boolean>`exists (select 1 from ${merged})` })
    );
  }),
);
/** The merge alone, on a snapshot of its own: the receipt the enqueue could neither add nor merge. */
const mergeReceipt = prepared('fb_outbox_merge_receipt', (db) => {
  const merged = receiptMerge(db);
  return db.with(merged).select({ id: merged.id }).from(merged);
});
const receiptValues = (i: ReceiptItem) => ({
  receiptPayload: JSON.stringify(i.payload),
  receiptIds: JSON.stringify(i.payload.receipt.messageIds),
  receiptCost: i.payload.receipt.cost,
  receiptFree: i.payload.receipt.free,
  receiptKey: i.coalesceKey,
  receiptIdem: i.idempotencyKey,
});

/**
 * Several fans' items in one statement (the relay's batches, app/relay/batch.ts): the items over arrays,
 * in order, and each receipt merged into the pending one of its coalesce key as `receiptMerge` does (the
 * receipts' keys are distinct). Answers what was added and which coalesce keys merged.
 */
type ManySlots = {
  lanes: string[];
  chatIds: number[];
  kinds: string[];
  payloads: string[];
  sortKeys: number[];
  priorities: number[];
  idempotencyKeys: string[];
  notBefores: (string | null)[];
  coalesceKeys: (string | null)[];
  receiptKeys: string[];
  receiptIdems: string[];
  receiptPayloads: string[];
  receiptIds: string[];
  receiptCosts: number[];
  receiptFrees: boolean[];
};
const enqueueMany = preparedSql<ManySlots, { added: boolean; key: string }>(
  'fb_outbox_enqueue_many',
  sql`with r as (
        select * from unnest(${ph('receiptKeys')}::text[], ${ph('receiptIdems')}::text[], ${ph('receiptPayloads')}::text[],
          ${ph('receiptIds')}::text[], ${ph('receiptCosts')}::numeric[], ${ph('receiptFrees')}::boolean[])
          as r(r_key, r_idem, r_payload, r_ids, r_cost, r_free)),
      merged as (
        update outbox set payload = jsonb_set(jsonb_set(jsonb_set(r.r_payload::jsonb,
            '{receipt,messageIds}', (outbox.payload #> '{receipt,messageIds}') || r.r_ids::jsonb),
            '{receipt,cost}', to_jsonb((outbox.payload #>> '{receipt,cost}')::numeric + r.r_cost)),
            '{receipt,free}', to_jsonb((outbox.payload #>> '{receipt,free}')::boolean and r.r_free))
          from r
         where outbox.coalesce_key = r.r_key and outbox.status = 'pending' and outbox.payload ? 'receipt'
           and not exists (select 1 from outbox seen where seen.idempotency_key = r.r_idem)
           and not exists (select 1 from jsonb_array_elements(r.r_ids::jsonb) as n(id)
             where outbox.payload #> '{receipt,messageIds}' @> jsonb_build_array(n.id))
        returning r.r_key),
      added as (
        insert into outbox (lane, chat_id, kind, payload, sort_key, priority, idempotency_key, not_before, coalesce_key)
        select i_lane, i_chat, i_kind, i_payload::jsonb, i_sort, i_priority, i_key, coalesce(i_not_before, now()), i_coalesce
          from unnest(${ph('lanes')}::text[], ${ph('chatIds')}::bigint[], ${ph('kinds')}::text[], ${ph('payloads')}::text[],
            ${ph('sortKeys')}::bigint[], ${ph('priorities')}::smallint[], ${ph('idempotencyKeys')}::text[],
            ${ph('notBefores')}::timestamptz[], ${ph('coalesceKeys')}::text[]) with ordinality
            as i(i_lane, i_chat, i_kind, i_payload, i_sort, i_priority, i_key, i_not_before, i_coalesce, ord)
         order by ord
        on conflict do nothing
        returning idempotency_key)
      select true as added, idempotency_key as key from added
      union all select false, r_key from merged`,
);

/** The slots of a prepared enqueue: each item's columns numbered by position, and the receipt's merge. */
function enqueueValues(items: NewOutboxItem[], receipt?: ReceiptItem): Record<string, unknown> {
  const values: Record<string, unknown> = receipt ? receiptValues(receipt) : {};
  items.forEach((item, k) => {
    for (const [column, value] of Object.entries(columnsOf(item))) values[`${column}${k}`] = value;
  });
  return values;
}

const completeItem = prepared('fb_outbox_complete', (db) =>
  db
    .update(outbox)
    .set({ status: 'done', doneAt: sql`${ph('now')}::timestamptz`, leaseUntil: null })
    .where(eq(outbox.id, ph('id'))),
);
// One statement on the usual path: the row is free (no 429 running, no lease) and becomes ours.
const takeChatLease = prepared('fb_outbox_take_chat', (db) =>
  db
    .insert(outboxBudgets)
    .values({ key: ph('key'), sendingUntil: ph('until') })
    .onConflictDoUpdate({
      target: outboxBudgets.key,
      set: { sendingUntil: sql`${ph('until')}::timestamptz` },
      setWhere: sql`coalesce(${outboxBudgets.sendingUntil}, '-infinity') <= ${ph('now')}::timestamptz
        and coalesce(${outboxBudgets.blockedUntil}, '-infinity') <= ${ph('now')}::timestamptz`,
    })
    .returning({ key: outboxBudgets.key }),
);
// Lease ends only grow (a lease is taken after the previous one ended), so an equal end is ours.
const releaseChatLease = prepared('fb_outbox_release_chat', (db) =>
  db
    .update(outboxBudgets)
    .set({ sendingUntil: null })
    .where(and(eq(outboxBudgets.key, ph('key')), eq(outboxBudgets.sendingUntil, ph('until')))),
);

export function outboxRepo(db: DbOrTx): OutboxRepo {
  /**
   * A receipt the enqueue neither added nor merged, as far as its statement could say (it returns rows
   * only for what it added). Either it is there already (its key, or its messages in a receipt of its
   * key: a repeat, or merged by that statement), or the statement looked while the pending receipt of its
   * key was being sent and wrote when that one was waiting again (a 429 on the fan's chat): the write was
   * skipped for it, and the merge had not seen it. Then the merge looks again, on a snapshot of its own;
   * should that one be taken again meanwhile, the receipt is added.
   */
  async function settleReceipt(receipt: ReceiptItem): Promise<void> {
    const values = enqueueValues([receipt], receipt);
    const ids = JSON.stringify(receipt.payload.receipt.messageIds);
    for (let attempt = 0; attempt < 3; attempt++) {
      const [there] = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          sql`${outbox.idempotencyKey} = ${receipt.idempotencyKey} or (${outbox.coalesceKey} = ${receipt.coalesceKey}
            and exists (select 1 from jsonb_array_elements(${ids}::jsonb) as n(id)
              where ${outbox.payload} #> '{receipt,messageIds}' @> jsonb_build_array(n.id)))`,
        )
        .limit(1);
      if (there) return;
      if ((await mergeReceipt(db, values)).length > 0) return;
      if ((await enqueueMergingOf[0]!(db, values)).length > 0) return;
    }
  }

  /** Items with several receipts (of distinct keys): one statement, then any receipt it could not settle. */
  async function enqueueWithReceipts(items: NewOutboxItem[], receipts: ReceiptItem[]): Promise<string[]> {
    const slots: ManySlots = {
      ...columns(
        items.map((item) => {
          const c = columnsOf(item);
          return {
            lanes: c.lane,
            chatIds: c.chatId,
            kinds: c.kind,
            payloads: JSON.stringify(c.payload),
            sortKeys: c.sortKey,
            priorities: c.priority,
            idempotencyKeys: c.idempotencyKey,
            notBefores: c.notBefore ? c.notBefore.toISOString() : null,
            coalesceKeys: c.coalesceKey,
          };
        }),
      ),
      ...columns(
        receipts.map((r) => {
          const v = receiptValues(r);
          return {
            receiptKeys: v.receiptKey,
            receiptIdems: v.receiptIdem,
            receiptPayloads: v.receiptPayload,
            receiptIds: v.receiptIds,
            receiptCosts: v.receiptCost,
            receiptFrees: v.receiptFree,
          };
        }),
      ),
    };
    const { rows } = await enqueueMany(db, slots);
    const keys = rows.filter((r) => r.added).map((r) => r.key);
    const merged = new Set(rows.filter((r) => !r.added).map((r) => r.key));
    for (const r of receipts)
      if (!keys.includes(r.idempotencyKey) && !merged.has(r.coalesceKey)) await settleReceipt(r);
    return keys;
  }

  async function enqueue(items: NewOutboxItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const receipts = items.filter(isReceipt);
    const receipt = receipts[0];
    if (receipts.length > 1 || (receipt && items.length > PREPARED_ENQUEUE_SIZES)) {
      if (new Set(receipts.map((r) => r.coalesceKey)).size < receipts.length) {
        // Two receipts of one key (no path queues these): the rest in one statement, then each receipt.
        const keys = await enqueue(items.filter((i) => !isReceipt(i)));
        for (const r of receipts) keys.push(...(await enqueue([r])));
        return keys;
      }
      return enqueueWithReceipts(items, receipts);
    }
    const values = enqueueValues(items, receipt);
    const merging = enqueueMergingOf[items.length - 1];
    if (receipt && merging) {
      const rows = await merging(db, values);
      const keys = rows.map((r) => r.key);
      if (!keys.includes(receipt.idempotencyKey) && !rows[0]?.merged) await settleReceipt(receipt);
      return keys;
    }
    const statement = enqueueOf[items.length - 1];
    if (statement) return (await statement(db, values)).map((r) => r.key);
    const rows = await db
      .insert(outbox)
      .values(
        items.map((item) => {
          const c = columnsOf(item);
          return { ...c, notBefore: c.notBefore ?? sql`now()` };
        }),
      )
      // A repeated idempotency key, or a second pending item of one coalesce key: the first stays.
      .onConflictDoNothing()
      .returning({ key: outbox.idempotencyKey });
    return rows.map((r) => r.key);
  }

  return {
    enqueue,
    async coalesce(coalesceKey, payload, opts = {}) {
      const rows = await mergeInto(db, {
        coalesceKey,
        payload: JSON.stringify(payload),
        kind: payload.kind,
        notBefore: opts.notBefore ?? null,
      });
      return rows.length > 0;
    },
    async countCoalesced(coalesceKey) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(eq(outbox.coalesceKey, coalesceKey));
      return row?.n ?? 0;
    },
    async complete(id, now) {
      await completeItem(db, { id, now });
    },
    async reschedule(id, notBefore, opts) {
      // While this item was being sent, a newer one of its coalesce key may have been queued (only one may
      // be pending). Coalesced items supersede each other (a render reads current data; an edit or a
      // progress message carries the latest content): this one is done. A receipt is the exception (the
      // next one merges into it, and covers other messages): it waits again without the key, so the newer
      // one takes the merges that follow.
      // The updated row is named `outbox` explicitly: inside the subquery an unqualified column is `o`'s.
      const newer = sql`exists (select 1 from outbox o where o.coalesce_key = outbox.coalesce_key
        and o.status = 'pending' and o.id <> outbox.id)`;
      const supersedes = sql`outbox.payload -> 'receipt' is null`;
      const update = (q: DbOrTx) =>
        q
          .update(outbox)
          .set({
            status: sql`case when ${newer} and ${supersedes} then 'done' else 'pending' end`,
            doneAt: sql`case when ${newer} and ${supersedes} then now() else outbox.done_at end`,
            coalesceKey: sql`case when ${newer} and not ${supersedes} then null else outbox.coalesce_key end`,
            notBefore,
            leaseUntil: null,
            ...(opts.countAttempt ? { attempts: sql`${outbox.attempts} + 1` } : {}),
            ...(opts.error ? { lastError: opts.error.slice(0, 500) } : {}),
          })
          .where(eq(outbox.id, id));
      // The newer item may be queued by a transaction still open when this statement looks: `newer` does
      // not see it, and the write waits for it, then breaks the one-pending rule. Looked at again (in a
      // savepoint, so a caller's transaction survives), it is seen. Without this, the failed write left
      // the item "sending" until its lease ran out (30 s), its lane waiting behind it (seen on PostgreSQL:
      // a 429 on a fan's edit, 2 in 96 runs of the edits test under load).
      for (let attempt = 1; ; attempt++) {
        try {
          await db.transaction(async (tx) => {
            await update(tx);
          });
          return;
        } catch (err) {
          if (attempt >= 3 || !isUniqueViolation(err, 'outbox_coalesce_pending_uq')) throw err;
        }
      }
    },
    async kill(id, error, now) {
      await db
        .update(outbox)
        .set({ status: 'dead', lastError: error.slice(0, 500), doneAt: now, leaseUntil: null })
        .where(eq(outbox.id, id));
    },
    async pruneFinished(before) {
      const rows = await db
        .delete(outbox)
        .where(and(inArray(outbox.status, ['done', 'dead']), sql`${outbox.doneAt} < ${before}`))
        .returning({ id: outbox.id });
      return rows.length;
    },
  };
}

interface HeadRow extends Record<string, unknown> {
  id: number;
  lane: string;
  chat_id: number;
  payload: OutboxPayload;
  attempts: number;
  priority: number;
  needs_topic: boolean;
  /** A card render whose card message is not there yet: it sends the card and pins it. */
  needs_card: boolean;
  /** Fans' content from a fan who never completed a purchase (capped in a contested window). */
  unpaid: boolean;
  /** The fan whose content this is (relays), else null. */
  fan_id: number | string | null;
  /** Being sent now (its lease running): not claimable, but its lane is busy. */
  in_flight: boolean;
  /** The fan's topic row as the claim read it (relays and card renders; null: no row). */
  topic_group_id: number | string | null;
  topic_thread_id: number | null;
  topic_card_owed: boolean | null;
  /** Fans' content that has more due behind it in its lane (the lane gives one head per claim). */
  more: boolean;
}

/** A row of the heads statement: a head, or (none due) only the next due time. */
type HeadsRow = (HeadRow | { [K in keyof HeadRow]: null }) & {
  /** When the next waiting item falls due, or a lease runs out (the same on every row). */
  next_due: Date | string | null;
};

interface BudgetState {
  key: string;
  /** The limit and window this key stands for. */
  budget: Budget;
  recent: number[];
  blockedUntil: number;
  dirty: boolean;
}

/** Heads considered per chat: one claim admits at most 30 (the global budget), plus up to 8 lanes in flight. */
const HEADS_PER_CHAT = 38;
/** Heads one claim reads at most (by class, then turn). */
const HEADS_LIMIT = 500;

function costOf(head: HeadRow): number {
  if (!spendsBudget(head.payload)) return 0;
  if (head.payload.kind === 'call') {
    // copyMessages posts one message per id, sendMediaGroup one per item.
    const ids = head.payload.params.message_ids;
    if (Array.isArray(ids)) return Math.max(1, ids.length);
    const media = head.payload.params.media;
    return head.payload.method === 'sendMediaGroup' && Array.isArray(media) ? Math.max(1, media.length) : 1;
  }
  if (head.payload.kind === 'render') return head.needs_card ? CARD_SETUP_COST : 1;
  if (head.payload.kind === 'campaign')
    return head.payload.op === 'send' ? Math.max(1, head.payload.units) : 1;
  const setup = head.needs_topic ? TOPIC_SETUP_COST : 0;
  // An album posts one message per item.
  if (head.payload.kind === 'relay.album') return Math.max(1, head.payload.messageIds.length) + setup;
  return head.payload.kind === 'relay.in' ? 1 + setup : 1;
}

const isRelay = (h: HeadRow) => h.payload.kind === 'relay.in' || h.payload.kind === 'relay.album';

function toMs(v: unknown): number {
  return v instanceof Date ? v.getTime() : new Date(String(v)).getTime();
}

// The claim's statements, built once (db/prepared.ts): a claim runs every few sends.
const ensureGlobalBudget = prepared('fb_claim_global_row', (db) =>
  db.insert(outboxBudgets).values({ key: 'global' }).onConflictDoNothing(),
);
// The global budget row is the claim mutex across replicas: claims are short, so serialising them is cheap.
const lockGlobalBudget = prepared('fb_claim_global_lock', (db) =>
  db
    .select({ key: outboxBudgets.key })
    .from(outboxBudgets)
    .where(eq(outboxBudgets.key, 'global'))
    .for('update'),
);
// Every budget the claim changed, in one statement (a claim books the chat and the bot, often more).
// (`blocked_until` is only written with a new row: a 429 recorded meanwhile is not undone.)
const saveBudgets = preparedSql<{ keys: string[]; recents: string[]; blocked: (string | null)[] }, never>(
  'fb_claim_budgets_save',
  // Each key's send times as an array literal (ISO times need no quoting), parsed as the column's type.
  sql`insert into outbox_budgets (key, recent, blocked_until)
      select u.key, u.recent::timestamptz[], u.blocked_until
      from unnest(${ph('keys')}::text[], ${ph('recents')}::text[], ${ph('blocked')}::timestamptz[])
        as u(key, recent, blocked_until)
      on conflict (key) do update set recent = excluded.recent`,
);
// The claimed items leave the pending state (with their payload as it is now) and their lanes take
// their turn, in one statement; the shape does not follow the batch (arrays), so it is built once.
const takeClaimed = preparedSql<
  { ids: number[]; lanes: string[]; leaseUntil: string; now: string },
  {
    id: number | string;
    payload: OutboxPayload;
    recipient_id: number | string | null;
    blocked_bot: boolean | null;
    locale: string | null;
    language_code: string | null;
  }
>(
  'fb_claim_take',
  sql`with taken as (
        update outbox set status = 'sending', lease_until = ${ph('leaseUntil')}::timestamptz
        where id = any(${ph('ids')}::bigint[])
        returning id, payload, chat_id
      ), turns as (
        insert into outbox_lanes (lane, last_sent_at)
        select distinct l, ${ph('now')}::timestamptz from unnest(${ph('lanes')}::text[]) as l
        on conflict (lane) do update set last_sent_at = excluded.last_sent_at
      )
      -- A private chat's person (the chat id is theirs): the sender checks and words the send with it.
      select t.id, t.payload, u.id as recipient_id, u.blocked_bot, u.locale, u.language_code
        from taken t left join users u on t.chat_id > 0 and u.id = t.chat_id`,
);
/**
 * An item of alias `t` is due for the claim: its time has come, or it was queued due at once (its time is
 * its queueing, which may fall after the claim's clock was read: such an item waits for its budget, not
 * for a claim a few milliseconds later).
 */
const dueNow = (t: string) =>
  sql`(${sql.raw(t)}.not_before <= ${ph('now')}::timestamptz or ${sql.raw(t)}.not_before = ${sql.raw(t)}.created_at)`;

// Raw SQL (a recursive skip scan, windows): both drivers answer { rows }.
// At most HEADS_PER_CHAT heads per chat are considered: no claim can admit more to one chat, and a
// crowd of lanes waiting on a spent group budget must not push a fan's private chat out of the list.
// The lane heads by a skip scan of the open-items index, in its order: one probe per lane finds the
// next lane and its head at once (was three: the lane, its send in flight, its head); the sends in flight
// come from their own small index. The cost follows the number of lanes, not the backlog (a DISTINCT ON
// read every open item: ~0.7 s at 100,000 on PGlite).
const claimHeads = preparedSql<{ now: Date }, HeadsRow>(
  'fb_claim_heads',
  sql`
          with recursive firsts as (
            (select id, lane, chat_id, kind, payload, attempts, status, lease_until, not_before, created_at, priority
               from outbox where status in ('pending', 'sending')
               order by lane, (priority > 1), sort_key, id limit 1)
            union all
            select x.* from firsts p cross join lateral (
              select o.id, o.lane, o.chat_id, o.kind, o.payload, o.attempts, o.status, o.lease_until, o.not_before,
                     o.created_at, o.priority
                from outbox o where o.status in ('pending', 'sending') and o.lane > p.lane
                order by o.lane, (o.priority > 1), o.sort_key, o.id limit 1
            ) x
          ),
          -- An item in flight is its lane's head (nothing overtakes a send under way).
          sending as (
            select distinct on (lane) id, lane, chat_id, kind, payload, attempts, status, lease_until, not_before,
                   created_at, priority
              from outbox where status = 'sending' order by lane, id
          ),
          lane_heads as (
            select * from sending
            union all
            select f.* from firsts f where not exists (select 1 from sending s where s.lane = f.lane)
          ),
          heads as (
            select * from (
              select h.id, h.lane, h.chat_id, h.payload, h.attempts, e.priority,
                     (h.status = 'sending' and h.lease_until >= ${ph('now')}::timestamptz) as in_flight,
                     coalesce(l.last_sent_at, h.created_at) as turn,
                     case when h.kind in ('relay.in', 'relay.album') then (h.payload->>'userId')::bigint end as fan_id,
                     (h.kind in ('relay.in', 'relay.album') and t.thread_id is null) as needs_topic,
                     t.group_id as topic_group_id, t.thread_id as topic_thread_id,
                     (t.card_message_id is null or not t.card_pinned) as topic_card_owed,
                     (h.kind = 'render' and t.thread_id is not null and t.card_message_id is null) as needs_card,
                     row_number() over (partition by h.chat_id order by e.priority, coalesce(l.last_sent_at, h.created_at), h.id) as chat_rank
              from lane_heads h
              -- A note or a call queued in a fan's topic lane ahead of their content (a reopen, a note)
              -- goes with the content's class: it must not hold the fan's content back behind others'.
              cross join lateral (
                select case when h.chat_id < 0 and h.priority in (${OUTBOX_CLASS.notice}, ${OUTBOX_CLASS.render}) and exists (
                  select 1 from outbox o where o.lane = h.lane and o.status = 'pending' and o.priority = 2
                    and o.id <> h.id) then ${OUTBOX_CLASS.content} else h.priority end as priority
              ) e
              left join outbox_lanes l on l.lane = h.lane
              left join fan_topics t on t.user_id = (h.payload->>'userId')::bigint
                and (h.kind in ('relay.in', 'relay.album') or (h.kind = 'render' and h.payload->>'target' = 'card'))
              -- Heads that may go now (due: dueNow), and heads in flight (they tell whose content is still
              -- under way).
              where ((h.status = 'pending' or h.lease_until < ${ph('now')}::timestamptz) and ${dueNow('h')})
                 or (h.status = 'sending' and h.lease_until >= ${ph('now')}::timestamptz)
            ) c
            where c.chat_rank <= ${HEADS_PER_CHAT}
            order by c.priority, c.turn, c.id
            limit ${HEADS_LIMIT}
          ),
          -- The next moment something waiting becomes sendable: an item's time, or a lease that runs out
          -- (a crashed replica's item is taken over then, without waiting for a poll). One row even when
          -- no head is due (the join below keeps it): two index probes.
          due as (
            select least(
              -- Not due (dueNow negated, written as a range on not_before for outbox_pending_due_idx).
              (select min(not_before) from outbox where status = 'pending' and not_before > ${ph('now')}::timestamptz
                 and not_before <> created_at),
              (select min(lease_until) from outbox where status = 'sending' and lease_until > ${ph('now')}::timestamptz)
            ) as next_due
          )
          -- For fans' content, after the limit (an index probe each): whether the fan ever paid, and
          -- whether more content waits behind the head in its lane. (Class 2 is written as a literal in
          -- these probes: the partial index outbox_content_idx matches only a constant.)
          select hd.*, due.next_due,
                 (hd.fan_id is not null and hd.priority = ${OUTBOX_CLASS.content} and not exists (
                   select 1 from payments p where p.user_id = hd.fan_id and p.status = 'paid')) as unpaid,
                 (hd.priority = ${OUTBOX_CLASS.content} and exists (
                   select 1 from outbox o where o.lane = hd.lane and o.status = 'pending' and o.priority = 2
                     and o.id <> hd.id and ${dueNow('o')})) as more
          from due left join heads hd on true
          order by hd.priority, hd.turn, hd.id`,
);

/**
 * The dispatcher's side of the outbox. `claim` picks what may be sent now: each lane's head in order,
 * lanes served longest ago first (round-robin), within every chat's and the bot's flood budget.
 */
export function outboxDispatch(db: Db): OutboxDispatch {
  return {
    async claim(opts): Promise<ClaimResult> {
      const now = opts.now.getTime();
      const exclude = [...opts.excludeLanes];
      return db.transaction(async (tx) => {
        // The row exists after the first claim ever: then the lock is one statement.
        if ((await lockGlobalBudget(tx, {})).length === 0) {
          await ensureGlobalBudget(tx, {});
          await lockGlobalBudget(tx, {});
        }

        const result = await claimHeads(tx, { now: opts.now });
        const rows = result.rows.filter((h): h is HeadRow & HeadsRow => h.id !== null);
        const nextDue = result.rows[0]?.next_due;
        const heads = rows.filter((h) => !h.in_flight && !exclude.includes(h.lane));
        const groupBudgetOf = (chatId: number) => chatId < 0;
        // Chats where a paying fan's content waits or is being sent: there, never-paid fans' content is
        // held to its share of the window.
        const contested = new Set(
          rows
            .filter((h) => h.fan_id !== null && Number(h.priority) === OUTBOX_CLASS.content && !h.unpaid)
            .map((h) => Number(h.chat_id)),
        );

        const budgetFor = (chatId: number): Budget =>
          groupBudgetOf(chatId) ? opts.budgets.group : opts.budgets.private;
        /** The never-paid share of a group's window (see UNPAID_SHARE). */
        const shareOf = (chatId: number): Budget => {
          const group = budgetFor(chatId);
          return { limit: Math.max(1, Math.floor(group.limit * UNPAID_SHARE)), windowMs: group.windowMs };
        };
        // Every budget key the heads may spend, with the budget it stands for.
        const keys = new Map<string, Budget>([['global', opts.budgets.global]]);
        // The chats of heads in flight too: the claim tells the sender whether they are held (their
        // send's finish then needs no claim before they free).
        for (const h of rows) keys.set(`chat:${Number(h.chat_id)}`, budgetFor(Number(h.chat_id)));
        for (const h of heads) {
          const chatId = Number(h.chat_id);
          keys.set(`chat:${chatId}`, budgetFor(chatId));
          if (h.needs_topic && opts.budgets.topics) keys.set(`topics:${chatId}`, opts.budgets.topics);
          if (h.unpaid && groupBudgetOf(chatId)) keys.set(`unpaid:${chatId}`, shareOf(chatId));
        }
        const states = new Map<string, BudgetState>();
        const saved = await tx
          .select()
          .from(outboxBudgets)
          .where(inArray(outboxBudgets.key, [...keys.keys()]))
          .for('update');
        for (const [key, budget] of keys) {
          const row = saved.find((r) => r.key === key);
          states.set(key, {
            key,
            budget,
            recent: (row?.recent ?? []).map(toMs),
            blockedUntil: row?.blockedUntil ? row.blockedUntil.getTime() : 0,
            dirty: !row,
          });
        }

        let wakeAt = Infinity;
        /**
         * When `cost` more sends fit in the window (0 = now). One call bigger than the whole budget (an
         * album to a private chat) cannot be split: it waits for a window with room for `limit`.
         */
        const freeAt = (s: BudgetState, cost: number): number => {
          const b = s.budget;
          s.recent = sendLog(s.recent, b, now);
          if (s.blockedUntil > now) return s.blockedUntil;
          const need = Math.min(cost, b.limit);
          if (s.recent.length + need <= b.limit) return 0;
          return (s.recent[s.recent.length + need - b.limit - 1] ?? now) + b.windowMs;
        };

        const claimed: ClaimedItem[] = [];
        const global = states.get('global')!;
        /**
         * Per chat, the first class a head of which waited for the chat's budget (or has more content
         * behind it): no later class takes the room that waits for it (a card, a notice or the inbox never
         * goes before fans' waiting content).
         */
        const waitingClass = new Map<number, number>();
        /**
         * Admits one head if the budgets allow. A never-paid fan's content, where paying fans' content
         * waits, is held to its share of the window; held back, it still holds back later classes.
         */
        const admit = (h: HeadRow): void => {
          const chatId = Number(h.chat_id);
          const priority = Number(h.priority);
          const cost = costOf(h);
          const chat = states.get(`chat:${chatId}`)!;
          const waiting = waitingClass.get(chatId);
          if (cost > 0 && waiting !== undefined && priority > waiting) return;
          const chatFree =
            cost === 0 ? (chat.blockedUntil > now ? chat.blockedUntil : 0) : freeAt(chat, cost);
          // Bulk sends take what live traffic (claimed before them, by class) leaves, minus a headroom.
          const reserve = priority >= OUTBOX_CLASS.bulk ? (opts.budgets.bulkHeadroom ?? BULK_HEADROOM) : 0;
          const globalFree = cost === 0 ? 0 : freeAt(global, cost + reserve);
          const topics = h.needs_topic && opts.budgets.topics ? states.get(`topics:${chatId}`)! : null;
          const topicFree = topics ? freeAt(topics, 1) : 0;
          const share = h.unpaid ? (states.get(`unpaid:${chatId}`) ?? null) : null;
          const shareFree = share && contested.has(chatId) ? freeAt(share, cost) : 0;
          if (chatFree > 0 || globalFree > 0 || topicFree > 0 || shareFree > 0) {
            // What can wait a moment wakes the sender on the grid's next step (relaxedWake).
            const frees = Math.max(chatFree, globalFree, topicFree, shareFree);
            wakeAt = Math.min(wakeAt, relaxedClass(priority) ? relaxedWake(frees) : frees);
            if ((chatFree > 0 || shareFree > 0) && cost > 0 && (waiting === undefined || priority < waiting))
              waitingClass.set(chatId, priority);
            return;
          }
          if (h.more && (waiting === undefined || priority < waiting)) waitingClass.set(chatId, priority);
          for (let i = 0; i < cost; i++) {
            chat.recent.push(now);
            global.recent.push(now);
            share?.recent.push(now);
          }
          for (const s of [topics, share]) if (s) s.dirty = true;
          if (topics) topics.recent.push(now);
          if (cost > 0) {
            chat.dirty = true;
            global.dirty = true;
          }
          // Raw rows: int8 arrives as a string (node-postgres) or a bigint-ish value (PGlite).
          claimed.push({
            id: Number(h.id),
            lane: h.lane,
            chatId,
            payload: h.payload,
            attempts: Number(h.attempts),
            cost,
            bookedAt: now,
            topicSlot: topics !== null,
            shareSlot: share !== null,
            ...(relaxedClass(priority) ? { relaxed: true } : {}),
            ...(isRelay(h) && h.topic_group_id !== null && h.topic_thread_id !== null
              ? {
                  topic: {
                    groupId: Number(h.topic_group_id),
                    threadId: Number(h.topic_thread_id),
                    cardOwed: h.topic_card_owed === true,
                  },
                }
              : {}),
          });
        };

        // Heads come by class, then by turn.
        let looked = 0;
        for (const h of heads) {
          if (claimed.length >= opts.limit) break;
          admit(h);
          looked++;
        }
        // Where no budgeted send can go before a time, as this claim leaves the budgets (the sender's
        // wakes, app/outbox/wake.ts): every chat it looked at, and the bot.
        const heldChats = new Map<number, number>();
        for (const h of rows) {
          const chatId = Number(h.chat_id);
          if (heldChats.has(chatId)) continue;
          const at = freeAt(states.get(`chat:${chatId}`)!, 1);
          if (at > 0) heldChats.set(chatId, at);
        }
        const held = {
          chats: heldChats,
          all: freeAt(global, 1),
          complete: looked === heads.length && result.rows.length < HEADS_LIMIT,
        };

        const dirty = [...states.values()].filter((s) => s.dirty);
        // Saved as small as the budget lets it be: a log that is only written (a never-paid share no
        // claim needed to check) must not grow with every send.
        for (const s of dirty) s.recent = sendLog(s.recent, s.budget, now);
        if (dirty.length)
          await saveBudgets(tx, {
            keys: dirty.map((s) => s.key),
            recents: dirty.map((s) => `{${s.recent.map((t) => new Date(t).toISOString()).join(',')}}`),
            blocked: dirty.map((s) => (s.blockedUntil ? new Date(s.blockedUntil).toISOString() : null)),
          });
        if (claimed.length) {
          // The payload as it is now: a pending item coalesced (a receipt merged, an edit replaced)
          // after the heads were read is sent as it stands when it leaves the pending state.
          const taken = await takeClaimed(tx, {
            ids: claimed.map((c) => c.id),
            lanes: claimed.map((c) => c.lane),
            leaseUntil: new Date(now + opts.leaseMs).toISOString(),
            now: opts.now.toISOString(),
          });
          const rows = new Map(taken.rows.map((r) => [Number(r.id), r]));
          for (const c of claimed) {
            const row = rows.get(c.id);
            if (!row) continue;
            c.payload = row.payload;
            if (row.recipient_id !== null)
              c.recipient = {
                id: Number(row.recipient_id),
                blockedBot: row.blocked_bot === true,
                locale: row.locale,
                languageCode: row.language_code,
              };
          }
        }
        if (nextDue) wakeAt = Math.min(wakeAt, toMs(nextDue));
        return { items: claimed, wakeAt: Number.isFinite(wakeAt) ? new Date(wakeAt) : null, held };
      });
    },

    /**
     * A send that Telegram refused posted nothing: the `count` units booked for it at `bookedAt` go back
     * to the chat's and the bot's budget (and to the never-paid share, when it counted there; and the
     * topic slot, when it booked one and no topic was made).
     */
    async release(chatId, bookedAt, count, topicSlot, shareSlot = false) {
      if (count <= 0 && !topicSlot) return;
      await db.transaction(async (tx) => {
        const keys = [
          ...(count > 0 ? [`chat:${chatId}`, 'global'] : []),
          ...(count > 0 && shareSlot ? [`unpaid:${chatId}`] : []),
          ...(topicSlot ? [`topics:${chatId}`] : []),
        ];
        const rows = await tx
          .select()
          .from(outboxBudgets)
          .where(inArray(outboxBudgets.key, keys))
          .for('update');
        for (const row of rows) {
          let left = row.key.startsWith('topics:') ? 1 : count;
          const recent = row.recent.filter((t) => !(t.getTime() === bookedAt && left-- > 0));
          await tx.update(outboxBudgets).set({ recent }).where(eq(outboxBudgets.key, row.key));
        }
      });
    },

    /** A 429 for this chat: nothing is sent to it before `until` (retry_after, exactly). */
    async blockChat(chatId, until) {
      const key = `chat:${chatId}`;
      await db
        .insert(outboxBudgets)
        .values({ key, blockedUntil: until })
        .onConflictDoUpdate({
          target: outboxBudgets.key,
          set: { blockedUntil: sql`greatest(${outboxBudgets.blockedUntil}, ${until})` },
        });
    },

    /** A send made outside the outbox (a direct answer) still spends the chat's and the bot's budget. */
    async recordSend(chatId, at) {
      for (const key of [`chat:${chatId}`, 'global']) {
        await db
          .insert(outboxBudgets)
          .values({ key, recent: [at] })
          .onConflictDoUpdate({
            target: outboxBudgets.key,
            // Keep the log short: only the last 30 sends can matter for any window we enforce.
            set: {
              recent: sql`(${outboxBudgets.recent} || array[${at}::timestamptz])[greatest(1, cardinality(${outboxBudgets.recent}) - 28):]`,
            },
          });
      }
    },

    async takeChat(chatId, now, until): Promise<ChatLease> {
      const key = `chat:${chatId}`;
      const taken = await takeChatLease(db, { key, now, until });
      if (taken.length) return { taken: true };
      const [row] = await db
        .select({ blockedUntil: outboxBudgets.blockedUntil, sendingUntil: outboxBudgets.sendingUntil })
        .from(outboxBudgets)
        .where(eq(outboxBudgets.key, key));
      const after = (d: Date | null | undefined) => (d && d > now ? d.getTime() : 0);
      return { taken: false, blockedUntil: after(row?.blockedUntil), sendingUntil: after(row?.sendingUntil) };
    },

    async releaseChat(chatId, until) {
      await releaseChatLease(db, { key: `chat:${chatId}`, until });
    },

    async pendingCount(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(inArray(outbox.status, ['pending', 'sending']));
      return row?.n ?? 0;
    },
  };
}
