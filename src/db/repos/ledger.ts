import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type {
  LedgerApplyResult,
  LedgerEntry,
  LedgerReason,
  LedgerRepo,
  NewLedgerEntry,
} from '../../app/ports/index.ts';
import { planClawback, planCredit, planDebit } from '../../domain/ledger/index.ts';
import type { DbOrTx } from '../client.ts';
import { ledgerEntries, users, type LedgerEntryRow } from '../schema/index.ts';

const TOP_UP_REASONS: LedgerReason[] = ['purchase', 'auto_recharge', 'gift', 'bonus'];

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

export function ledgerRepo(db: DbOrTx): LedgerRepo {
  const findByKey = async (key: string): Promise<LedgerEntry | null> => {
    const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, key));
    return row ? toEntry(row) : null;
  };

  return {
    findByKey,

    async apply(e) {
      // A savepoint inside the caller's `uow.run`, a transaction of its own on the bare db: either way
      // the entry and the balance move together, and a failure part-way leaves neither.
      return db.transaction(async (tx): Promise<LedgerApplyResult> => {
        // The row lock serialises every ledger write for this user (concurrent debits queue up here),
        // so the balance read below stays true until commit.
        const [user] = await tx
          .select({ balance: users.creditBalance })
          .from(users)
          .where(eq(users.id, e.userId))
          .for('update');
        if (!user) throw new Error(`ledger: user ${e.userId} does not exist (entry ${e.idempotencyKey})`);

        const existing = await ledgerRepo(tx).findByKey(e.idempotencyKey);
        if (existing) return { status: 'duplicate', entry: existing };

        const planned = plan(user.balance, e);
        if ('status' in planned) return planned;

        const [row] = await tx
          .insert(ledgerEntries)
          .values({
            userId: e.userId,
            delta: planned.delta,
            reason: e.reason,
            idempotencyKey: e.idempotencyKey,
            balanceAfter: planned.balanceAfter,
            actor: e.actor,
            metadata: e.metadata ?? {},
          })
          .onConflictDoNothing({ target: ledgerEntries.idempotencyKey })
          .returning();
        if (!row) {
          // Lost a race for the key, e.g. the same key sent for another user (which holds another lock).
          const raced = await ledgerRepo(tx).findByKey(e.idempotencyKey);
          if (raced) return { status: 'duplicate', entry: raced };
          throw new Error(`ledger: entry ${e.idempotencyKey} conflicted but cannot be found`);
        }

        // The guard cannot fail under the lock; if it does, something wrote the balance around the
        // ledger, and throwing rolls the entry back rather than recording a chain that does not add up.
        const updated = await tx
          .update(users)
          .set({ creditBalance: planned.balanceAfter })
          .where(and(eq(users.id, e.userId), eq(users.creditBalance, user.balance)))
          .returning({ id: users.id });
        if (updated.length !== 1) {
          throw new Error(`ledger: balance of user ${e.userId} changed under the row lock`);
        }
        return { status: 'applied', entry: toEntry(row) };
      });
    },

    async lastTopUp(userId) {
      const [row] = await db
        .select({ delta: ledgerEntries.delta })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.userId, userId),
            inArray(ledgerEntries.reason, TOP_UP_REASONS),
            gt(ledgerEntries.delta, 0),
          ),
        )
        .orderBy(desc(ledgerEntries.id))
        .limit(1);
      return row?.delta ?? null;
    },

    async totals(userId) {
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
        .where(eq(ledgerEntries.userId, userId));
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

    async page(userId, offset, limit) {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.userId, userId))
        .orderBy(desc(ledgerEntries.id))
        .offset(Math.max(0, offset))
        .limit(Math.max(0, limit));
      return rows.map(toEntry);
    },

    async count(userId) {
      const [row] = await db
        .select({ n: sql<string | number>`count(*)::bigint` })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.userId, userId));
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
