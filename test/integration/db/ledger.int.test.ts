import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerIntegrity, formatLedgerReport } from '../../../src/app/system/ledger.ts';
import type { LedgerApplyResult, NewLedgerEntry, Repos } from '../../../src/app/ports/index.ts';
import { migrateDatabase, openDatabase } from '../../../src/db/client.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { lastTopUpOf } from '../../../src/db/repos/ledger.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';
import { statementsDuring } from '../../support/statements.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const now = new Date('2026-11-01T12:00:00Z');
const uow = () => createUnitOfWork(t.database);
const addUser = (id: number) => createRepos(t.database.db).users.upsert({ id, firstName: `user ${id}` }, now);
const balanceOf = async (id: number) => (await uow().repos.users.get(id))?.creditBalance;
const apply = (e: Omit<NewLedgerEntry, 'actor'>) => uow().run((r) => r.ledger.apply({ actor: 'test', ...e }));
const entriesOf = async (id: number) =>
  (await uow().repos.ledger.snapshot()).find((a) => a.userId === id)?.entries ?? [];

const spend = (userId: number, key: string, delta = -1) => ({
  userId,
  delta,
  reason: 'spend' as const,
  idempotencyKey: key,
  actor: 'test',
});

/**
 * 10 concurrent debits of 1 on a balance of 5, each through the charge `chargeWith` makes once the 5 are
 * there: exactly 5 succeed, and the ledger adds up.
 */
async function raceTenOnFive(
  userId: number,
  chargeWith: () => Promise<(r: Repos, key: string) => Promise<LedgerApplyResult>>,
): Promise<void> {
  await addUser(userId);
  await apply({ userId, delta: 5, reason: 'purchase', idempotencyKey: `grant:${userId}` });
  const charge = await chargeWith();
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => uow().run((r) => charge(r, `race:${userId}:${i}`))),
  );
  expect(results.filter((x) => x.status === 'applied')).toHaveLength(5);
  expect(results.filter((x) => x.status === 'insufficient')).toHaveLength(5);
  expect(await balanceOf(userId)).toBe(0);
  expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
}

describe('ledgerRepo.apply', () => {
  it('grants credits and records the entry with balance_after', async () => {
    await addUser(1);
    const res = await apply({
      userId: 1,
      delta: 10,
      reason: 'purchase',
      idempotencyKey: 'grant:1',
      metadata: { pack: 'p10' },
    });
    expect(res).toEqual({
      status: 'applied',
      entry: {
        id: expect.any(Number) as unknown,
        userId: 1,
        delta: 10,
        reason: 'purchase',
        idempotencyKey: 'grant:1',
        balanceAfter: 10,
        actor: 'test',
        metadata: { pack: 'p10' },
        createdAt: expect.any(Date) as unknown,
      },
    });
    expect(await balanceOf(1)).toBe(10);
    expect(await uow().repos.ledger.findByKey('grant:1')).toEqual((res as { entry: unknown }).entry);
  });

  it('debits strictly within the balance', async () => {
    const res = await apply({ userId: 1, delta: -3, reason: 'spend', idempotencyKey: 'spend:1:a' });
    expect(res).toMatchObject({ status: 'applied', entry: { delta: -3, balanceAfter: 7, metadata: {} } });
    expect(await balanceOf(1)).toBe(7);
  });

  it('refuses a debit larger than the balance and changes nothing', async () => {
    const res = await apply({ userId: 1, delta: -8, reason: 'spend', idempotencyKey: 'spend:1:b' });
    expect(res).toEqual({ status: 'insufficient', balance: 7, needed: 8 });
    expect(await balanceOf(1)).toBe(7);
    expect(await uow().repos.ledger.findByKey('spend:1:b')).toBeNull();
    expect(await entriesOf(1)).toHaveLength(2);
  });

  it('returns the original entry for a repeated key and changes nothing', async () => {
    const original = await uow().repos.ledger.findByKey('grant:1');
    // A different amount under the same key is still the same side effect: the first one wins.
    const res = await apply({ userId: 1, delta: 50, reason: 'purchase', idempotencyKey: 'grant:1' });
    expect(res).toEqual({ status: 'duplicate', entry: original });
    expect(await balanceOf(1)).toBe(7);
    expect(await entriesOf(1)).toHaveLength(2);
  });

  it('claws back at most the balance in clamp mode and records what was taken', async () => {
    await addUser(2);
    await apply({ userId: 2, delta: 5, reason: 'purchase', idempotencyKey: 'grant:2' });
    const res = await apply({
      userId: 2,
      delta: -8,
      reason: 'refund',
      idempotencyKey: 'refund:2',
      mode: 'clamp',
    });
    expect(res).toMatchObject({ status: 'applied', entry: { delta: -5, balanceAfter: 0, reason: 'refund' } });
    const again = await apply({
      userId: 2,
      delta: -3,
      reason: 'dispute',
      idempotencyKey: 'dispute:2',
      mode: 'clamp',
    });
    expect(again).toMatchObject({ status: 'applied', entry: { delta: 0, balanceAfter: 0 } });
    expect(await balanceOf(2)).toBe(0);
  });

  it('records a zero-delta entry (a message under a time pass)', async () => {
    await addUser(3);
    const res = await apply({ userId: 3, delta: 0, reason: 'spend', idempotencyKey: 'msg:3:1' });
    expect(res).toMatchObject({ status: 'applied', entry: { delta: 0, balanceAfter: 0 } });
    expect(await entriesOf(3)).toEqual([{ delta: 0, balanceAfter: 0 }]);
  });

  it('throws for an unknown user', async () => {
    await expect(
      apply({ userId: 999_999, delta: 1, reason: 'gift', idempotencyKey: 'gift:nobody' }),
    ).rejects.toThrow(/user 999999 does not exist/);
    expect(await uow().repos.ledger.findByKey('gift:nobody')).toBeNull();
  });

  it('works on the bare database and rolls back with the caller’s transaction', async () => {
    await addUser(4);
    const bare = await uow().repos.ledger.apply({
      userId: 4,
      delta: 4,
      reason: 'gift',
      idempotencyKey: 'gift:4',
      actor: 'test',
    });
    expect(bare).toMatchObject({ status: 'applied', entry: { balanceAfter: 4 } });
    const failed = uow().run(async (r) => {
      await r.ledger.apply({
        userId: 4,
        delta: -4,
        reason: 'spend',
        idempotencyKey: 'spend:4',
        actor: 'test',
      });
      throw new Error('the relay failed after charging');
    });
    await expect(failed).rejects.toThrow('the relay failed');
    expect(await balanceOf(4)).toBe(4);
    expect(await uow().repos.ledger.findByKey('spend:4')).toBeNull();
  });
});

describe('ledgerRepo reads', () => {
  it('reports the last top-up and lifetime totals', async () => {
    await addUser(5);
    const ledger = uow().repos.ledger;
    expect(await ledger.lastTopUp(5)).toBeNull();
    expect(await ledger.totals(5)).toEqual({ spent: 0, purchased: 0, gifted: 0, returned: 0, takenBack: 0 });
    const steps: Array<Omit<NewLedgerEntry, 'actor' | 'userId' | 'idempotencyKey'>> = [
      { delta: 5, reason: 'bonus' },
      { delta: 20, reason: 'purchase' },
      { delta: -3, reason: 'spend' },
      { delta: -2, reason: 'unlock' },
      { delta: 0, reason: 'gift' }, // not a top-up: nothing arrived
      { delta: 7, reason: 'adjustment' }, // not a top-up
    ];
    for (const [i, s] of steps.entries()) await apply({ userId: 5, idempotencyKey: `t5:${i}`, ...s });
    expect(await ledger.lastTopUp(5)).toBe(20);
    await apply({ userId: 5, delta: 15, reason: 'auto_recharge', idempotencyKey: 't5:ar' });
    await apply({ userId: 5, delta: -4, reason: 'refund', idempotencyKey: 't5:refund', mode: 'clamp' });
    await apply({ userId: 5, delta: 0, reason: 'spend', idempotencyKey: 't5:pass' });
    expect(await ledger.lastTopUp(5)).toBe(15);
    await apply({ userId: 5, delta: 2, reason: 'refund', idempotencyKey: 't5:returned' });
    await apply({ userId: 5, delta: -6, reason: 'dispute', idempotencyKey: 't5:dispute' });
    await apply({ userId: 5, delta: 6, reason: 'dispute', idempotencyKey: 't5:dispute-won' });
    // A refund's clawback is neither spending nor negative purchasing; a won dispute nets to nothing.
    expect(await ledger.totals(5)).toEqual({ spent: 5, purchased: 35, gifted: 5, returned: 2, takenBack: 4 });
    expect(await balanceOf(5)).toBe(40);
  });

  it('finds the last top-up by one probe of its own index, however many messages came after it', async () => {
    // As a prepared statement's generic plan has it (the charge's statement is prepared): the reasons are
    // literals, so the partial index applies whatever the user.
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(
        sql`prepare fb_test_last_top_up(bigint) as select ${lastTopUpOf(sql.raw('$1'))} as last`,
      );
      const res = await tx.execute(sql`explain execute fb_test_last_top_up(5)`);
      await tx.execute(sql`deallocate fb_test_last_top_up`);
      return (res as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('ledger_entries_top_up_idx');
  });

  it('snapshots every user, with or without entries, in creation order', async () => {
    await addUser(6);
    const snapshot = await uow().repos.ledger.snapshot();
    expect(snapshot.map((a) => a.userId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snapshot.find((a) => a.userId === 6)).toEqual({ userId: 6, balance: 0, entries: [] });
    expect(snapshot.find((a) => a.userId === 1)).toEqual({
      userId: 1,
      balance: 7,
      entries: [
        { delta: 10, balanceAfter: 10 },
        { delta: -3, balanceAfter: 7 },
      ],
    });
    const report = await checkLedgerIntegrity({ uow: uow() });
    const entries = snapshot.reduce((n, a) => n + a.entries.length, 0);
    expect(report).toEqual({ ok: true, violations: [], users: 6, entries });
    expect(formatLedgerReport(report)).toBe(`ledger OK: 6 users, ${entries} entries`);
  });
});

describe('ledgerRepo.lockAccount, then apply with what it locked', () => {
  it('locks the row with the entry of the key and the last top-up; apply then reads nothing more', async () => {
    await addUser(30);
    await apply({ userId: 30, delta: 5, reason: 'purchase', idempotencyKey: 'grant:30' });
    const res = await uow().run(async (r) => {
      const account = (await r.ledger.lockAccount(30, 'msg:30:1'))!;
      expect(account).toMatchObject({ idempotencyKey: 'msg:30:1', existing: null, lastTopUp: 5 });
      expect(account.user).toEqual(await r.users.get(30));
      return r.ledger.apply({ ...spend(30, 'msg:30:1'), withLastTopUp: true }, account);
    });
    expect(res).toMatchObject({ status: 'applied', entry: { balanceAfter: 4 }, lastTopUp: 5 });
    // A repeat of the key: the lock finds the entry, apply answers it as the duplicate.
    const again = await uow().run(async (r) => {
      const account = (await r.ledger.lockAccount(30, 'msg:30:1'))!;
      expect(account.existing).toMatchObject({ idempotencyKey: 'msg:30:1', delta: -1 });
      return r.ledger.apply(spend(30, 'msg:30:1'), account);
    });
    expect(again).toMatchObject({ status: 'duplicate', entry: { balanceAfter: 4 } });
    expect(await balanceOf(30)).toBe(4);
    expect(await uow().run((r) => r.ledger.lockAccount(999_998, 'msg:x'))).toBeNull();
  });

  it("refuses another entry's lock, a lock outside a transaction, and a lock used outside its own", async () => {
    await addUser(31);
    await expect(
      uow().run(async (r) => {
        const account = (await r.ledger.lockAccount(31, 'msg:31:1'))!;
        return r.ledger.apply(spend(31, 'msg:31:2'), account);
      }),
    ).rejects.toThrow(/not this entry's/);
    await expect(uow().repos.ledger.lockAccount(31, 'msg:31:1')).rejects.toThrow(/needs a transaction/);
    const account = await uow().run(async (r) => (await r.ledger.lockAccount(31, 'msg:31:3'))!);
    await expect(uow().repos.ledger.apply(spend(31, 'msg:31:3', 1), account)).rejects.toThrow(
      /belongs to the transaction/,
    );
    expect(await entriesOf(31)).toEqual([]);
  });

  it('holds the lock: 10 concurrent lock-then-debit on a balance of 5, exactly 5 succeed', async () => {
    await raceTenOnFive(
      32,
      async () => async (r, key) => r.ledger.apply(spend(32, key), (await r.ledger.lockAccount(32, key))!),
    );
  });
});

describe('ledgerRepo.applyAsRead: charged from the row as read, in one statement, while it is unchanged', () => {
  const read = async (id: number) => {
    const row = (await uow().repos.users.lookup(id, 0))!;
    return { user: row.user, version: row.version };
  };

  it('locks, checks, enters and moves the balance from the row as read; the lifetime spend and tier with it', async () => {
    await addUser(40);
    await apply({ userId: 40, delta: 6, reason: 'purchase', idempotencyKey: 'grant:40' });
    const seen = await read(40);
    const res = await uow().run((r) =>
      r.ledger.applyAsRead(
        { ...spend(40, 'msg:40:1', -4), withLastTopUp: true, tiers: { regular: 3, vip: 100 } },
        seen,
      ),
    );
    expect(res).toEqual({
      status: 'applied',
      entry: {
        id: expect.any(Number) as unknown,
        userId: 40,
        delta: -4,
        reason: 'spend',
        idempotencyKey: 'msg:40:1',
        balanceAfter: 2,
        actor: 'test',
        metadata: {},
        createdAt: expect.any(Date) as unknown,
      },
      promoted: 'regular',
      lastTopUp: 6,
    });
    expect(await uow().repos.ledger.findByKey('msg:40:1')).toEqual(res!.entry);
    expect(await uow().repos.users.get(40)).toMatchObject({
      creditBalance: 2,
      lifetimeSpent: 4,
      tier: 'regular',
    });
    expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
  });

  it('writes nothing when the row changed since it was read, when the key has an entry, or when the row as read refuses it', async () => {
    await addUser(41);
    await apply({ userId: 41, delta: 5, reason: 'purchase', idempotencyKey: 'grant:41' });
    const stale = await read(41);
    // Any write of the row since (here its language, not its balance) makes the read stale.
    await uow().repos.users.setLocale(41, 'de');
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:41:1'), stale))).toBeNull();
    // A charge since: the balance differs too.
    const before = await read(41);
    await apply(spend(41, 'msg:41:0'));
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:41:2'), before))).toBeNull();
    // The key has an entry: a repeat, answered by the lock's path (nothing written here).
    const fresh = await read(41);
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:41:0'), fresh))).toBeNull();
    // More than the row as read holds: decided again under the lock.
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:41:3', -50), fresh))).toBeNull();
    expect((await entriesOf(41)).map((e) => e.delta)).toEqual([5, -1]);
    for (const key of ['msg:41:1', 'msg:41:2', 'msg:41:3'])
      expect(await uow().repos.ledger.findByKey(key)).toBeNull();
    expect(await balanceOf(41)).toBe(4);
    // Still as read: charged.
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:41:4'), fresh))).toMatchObject({
      status: 'applied',
      entry: { balanceAfter: 3 },
    });
  });

  it('counted by the metrics observer like apply, which passes the lock it is given on', async () => {
    await addUser(44);
    await apply({ userId: 44, delta: 5, reason: 'purchase', idempotencyKey: 'grant:44' });
    const counted: string[] = [];
    const observed = createUnitOfWork(t.database, undefined, {
      ledgerEntry: (reason) => counted.push(reason),
      payment: () => {},
    });
    const seen = await read(44);
    expect(await observed.run((r) => r.ledger.applyAsRead(spend(44, 'msg:44:1'), seen))).toMatchObject({
      status: 'applied',
    });
    expect(counted).toEqual(['spend']);
    // The lock is passed on: one locked for another key is refused, not silently locked again.
    await expect(
      observed.run(async (r) => {
        const account = (await r.ledger.lockAccount(44, 'msg:44:2'))!;
        return r.ledger.apply(spend(44, 'msg:44:3'), account);
      }),
    ).rejects.toThrow(/not this entry's/);
    expect(
      await observed.run(async (r) =>
        r.ledger.apply(spend(44, 'msg:44:2'), (await r.ledger.lockAccount(44, 'msg:44:2'))!),
      ),
    ).toMatchObject({ status: 'applied', entry: { balanceAfter: 3 } });
    expect(counted).toEqual(['spend', 'spend']);
  });

  it("refuses another user's row and a call outside a transaction", async () => {
    await addUser(42);
    const seen = await read(42);
    await expect(uow().run((r) => r.ledger.applyAsRead(spend(41, 'msg:42:1', 1), seen))).rejects.toThrow(
      /not this entry's/,
    );
    await expect(uow().repos.ledger.applyAsRead(spend(42, 'msg:42:1', 1), seen)).rejects.toThrow(
      /needs a transaction/,
    );
    expect(await entriesOf(42)).toEqual([]);
  });

  it('10 concurrent charges from one read of a balance of 5 (as read, else locked): exactly 5 succeed', async () => {
    let asRead = 0;
    await raceTenOnFive(43, async () => {
      const seen = await read(43);
      return async (r, key) => {
        const charged = await r.ledger.applyAsRead(spend(43, key), seen);
        if (charged) asRead++;
        return charged ?? r.ledger.apply(spend(43, key), (await r.ledger.lockAccount(43, key))!);
      };
    });
    // The first to take the row goes as read; it changed the row, so the others lock.
    expect(asRead).toBe(1);
  });
});

describe("ledgerRepo.applyAsRead with a note: the charge as read, and the fan's message noted on their topic with it", () => {
  const read = async (id: number) => {
    const row = (await uow().repos.users.lookup(id, 0))!;
    return { user: row.user, version: row.version };
  };
  const group = -100_777;
  const at = new Date('2026-11-01T12:30:00Z');
  const note = (messageId: number) => ({
    at,
    logged: { type: 'text', messageId, text: `hello ${messageId}` },
  });
  const topicRow = async (id: number) =>
    (
      (await t.database.db.execute(
        sql`select unread, last_fan_message_at from fan_topics where user_id = ${id}`,
      )) as { rows: { unread: number; last_fan_message_at: Date | string | null }[] }
    ).rows[0];
  const logged = async (id: number) =>
    (
      (await t.database.db.execute(
        sql`select message_id, type, text from message_log where user_id = ${id} order by id`,
      )) as { rows: { message_id: number; type: string; text: string | null }[] }
    ).rows.map((r) => [Number(r.message_id), r.type, r.text]);
  const withTopic = async (id: number, thread: number | null) => {
    await addUser(id);
    await apply({ userId: id, delta: 5, reason: 'purchase', idempotencyKey: `grant:${id}` });
    const repos = createRepos(t.database.db);
    await repos.topics.reserve(id, group, `fan ${id}`);
    if (thread !== null) await repos.topics.setThread(id, thread, `fan ${id}`);
  };

  it('charges as read and notes the message (unread, last message, its log row), answering the topic row', async () => {
    await withTopic(50, 5_001);
    const seen = await read(50);
    const res = await uow().run((r) =>
      r.ledger.applyAsRead({ ...spend(50, 'msg:50:1'), withLastTopUp: true }, seen, note(1)),
    );
    expect(res).toMatchObject({
      status: 'applied',
      entry: { idempotencyKey: 'msg:50:1', balanceAfter: 4 },
      lastTopUp: 5,
      noted: { userId: 50, groupId: group, threadId: 5_001, waitingForTopic: null },
    });
    expect(await topicRow(50)).toMatchObject({ unread: 1 });
    expect(new Date((await topicRow(50))!.last_fan_message_at!).toISOString()).toBe(at.toISOString());
    expect(await logged(50)).toEqual([[1, 'text', 'hello 1']]);
    expect(await balanceOf(50)).toBe(4);
  });

  it('notes nothing when nothing is charged: the row changed, or the key has an entry', async () => {
    await withTopic(51, 5_002);
    const stale = await read(51);
    await uow().repos.users.setLocale(51, 'de');
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(51, 'msg:51:1'), stale, note(1)))).toBeNull();
    await apply(spend(51, 'msg:51:2'));
    const fresh = await read(51);
    expect(await uow().run((r) => r.ledger.applyAsRead(spend(51, 'msg:51:2'), fresh, note(2)))).toBeNull();
    expect(await topicRow(51)).toMatchObject({ unread: 0, last_fan_message_at: null });
    expect(await logged(51)).toEqual([]);
    expect((await entriesOf(51)).map((e) => e.delta)).toEqual([5, -1]);
  });

  it('charges a fan who has no topic row yet and notes nothing (the caller notes once it reserved one)', async () => {
    await addUser(52);
    await apply({ userId: 52, delta: 5, reason: 'purchase', idempotencyKey: 'grant:52' });
    const seen = await read(52);
    const res = await uow().run((r) => r.ledger.applyAsRead(spend(52, 'msg:52:1'), seen, note(1)));
    expect(res).toMatchObject({ status: 'applied', entry: { balanceAfter: 4 }, noted: null });
    expect(await logged(52)).toEqual([]);
  });

  it('answers how many fans of the group wait for their topic while this one does; counted by the metrics observer', async () => {
    await withTopic(53, null);
    const counted: string[] = [];
    const observed = createUnitOfWork(t.database, undefined, {
      ledgerEntry: (reason) => counted.push(reason),
      payment: () => {},
    });
    const seen = await read(53);
    const res = await observed.run((r) => r.ledger.applyAsRead(spend(53, 'msg:53:1'), seen, note(1)));
    expect(res?.noted).toMatchObject({ userId: 53, threadId: null, waitingForTopic: 1 });
    expect(counted).toEqual(['spend']);
    await expect(
      uow().repos.ledger.applyAsRead(spend(53, 'msg:53:2'), await read(53), note(2)),
    ).rejects.toThrow(/needs a transaction/);
  });
});

describe("ledgerRepo.applyManyAsRead: several fans' messages claimed, charged and noted in one statement", () => {
  const read = async (id: number) => {
    const row = (await uow().repos.users.lookup(id, 0))!;
    return { user: row.user, version: row.version };
  };
  const group = -100_778;
  const at = new Date('2026-11-01T12:40:00Z');
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(q)) as { rows: unknown[] }).rows as T[];
  const fan = async (id: number, credits: number, thread: number | null | 'none') => {
    await addUser(id);
    await apply({ userId: id, delta: credits, reason: 'purchase', idempotencyKey: `grant:${id}` });
    if (thread === 'none') return;
    const repos = createRepos(t.database.db);
    await repos.topics.reserve(id, group, `fan ${id}`);
    if (thread !== null) await repos.topics.setThread(id, thread, `fan ${id}`);
  };
  const item = async (id: number, messageId: number, updateId: number | null, delta = -1) => ({
    entry: { ...spend(id, `msg:${id}:${messageId}`, delta), withLastTopUp: true as const },
    seen: await read(id),
    note: { at, logged: { type: 'text', messageId, text: `hi ${messageId}` } },
    updateId,
  });

  it('charges each as read, notes each topic with its log row, claims each update, all in one statement', async () => {
    await fan(60, 5, 6_001);
    await fan(61, 3, null);
    await fan(62, 4, 'none');
    const items = [await item(60, 1, 9_060_001), await item(61, 1, 9_061_001, -2), await item(62, 1, null)];
    const counted: string[] = [];
    const observed = createUnitOfWork(t.database, undefined, {
      ledgerEntry: (reason) => counted.push(reason),
      payment: () => {},
    });
    let texts: string[] = [];
    const res = await observed.run(async (r) => {
      const during = await statementsDuring(() => r.ledger.applyManyAsRead(items));
      texts = during.texts;
      return during.result;
    });
    expect(texts).toHaveLength(1);
    expect(res).toMatchObject([
      {
        claimed: true,
        applied: {
          status: 'applied',
          entry: { userId: 60, idempotencyKey: 'msg:60:1', delta: -1, balanceAfter: 4 },
          lastTopUp: 5,
          noted: { userId: 60, groupId: group, threadId: 6_001, waitingForTopic: null },
        },
      },
      {
        claimed: true,
        applied: {
          entry: { userId: 61, delta: -2, balanceAfter: 1 },
          noted: { userId: 61, threadId: null, waitingForTopic: 1 },
        },
      },
      { claimed: true, applied: { entry: { userId: 62, balanceAfter: 3 }, noted: null } },
    ]);
    expect(counted).toEqual(['spend', 'spend', 'spend']);
    expect([await balanceOf(60), await balanceOf(61), await balanceOf(62)]).toEqual([4, 1, 3]);
    for (const [k, r] of res.entries())
      expect(await uow().repos.ledger.findByKey(items[k]!.entry.idempotencyKey)).toEqual(r.applied!.entry);
    expect(
      await rows<{ user_id: string | number; unread: number }>(
        sql`select user_id, unread from fan_topics where user_id in (60, 61, 62) order by user_id`,
      ),
    ).toMatchObject([{ unread: 1 }, { unread: 1 }]);
    // Logged where noted (62 has no topic yet: the caller notes it once it reserved one).
    expect(
      (
        await rows<{ user_id: string | number; text: string }>(
          sql`select user_id, text from message_log where user_id in (60, 61, 62) order by id`,
        )
      ).map((r) => [Number(r.user_id), r.text]),
    ).toEqual([
      [60, 'hi 1'],
      [61, 'hi 1'],
    ]);
    expect(await uow().repos.updates.isProcessed(9_060_001)).toBe(true);
    expect(await uow().repos.updates.isProcessed(9_061_001)).toBe(true);
    expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
  });

  it('writes nothing for an item whose update is claimed already, and only the claim for one whose row changed', async () => {
    await fan(63, 5, 6_003);
    await fan(64, 5, 6_004);
    await fan(65, 5, 6_005);
    await uow().repos.updates.claim(9_063_001);
    const stale = await item(64, 1, 9_064_001);
    await uow().repos.users.setLocale(64, 'de');
    // Read before the transaction (PGlite has one connection, which the transaction holds).
    const batch = [await item(63, 1, 9_063_001), stale, await item(65, 1, 9_065_001)];
    const res = await uow().run((r) => r.ledger.applyManyAsRead(batch));
    expect(res.map((r) => [r.claimed, r.applied?.entry.balanceAfter ?? null])).toEqual([
      [false, null],
      [true, null],
      [true, 4],
    ]);
    expect([await balanceOf(63), await balanceOf(64), await balanceOf(65)]).toEqual([5, 5, 4]);
    expect(await entriesOf(63)).toHaveLength(1);
    expect(await entriesOf(64)).toHaveLength(1);
    expect(
      await rows<{ unread: number }>(
        sql`select unread from fan_topics where user_id in (63, 64) order by user_id`,
      ),
    ).toMatchObject([{ unread: 0 }, { unread: 0 }]);
    // The stale one's claim was made by the statement: given back, it leaves nothing behind.
    const next = [await item(64, 2, 9_064_002), await item(65, 2, 9_065_002)];
    await uow().run(async (r) => {
      await r.ledger.applyManyAsRead(next);
      await r.updates.unclaim([9_064_002]);
    });
    expect(await uow().repos.updates.isProcessed(9_064_002)).toBe(false);
    expect(await uow().repos.updates.isProcessed(9_065_002)).toBe(true);
    expect([await balanceOf(64), await balanceOf(65)]).toEqual([4, 3]);
  });

  it('refuses two entries of one user, a row as read that refuses the entry, and a call outside a transaction', async () => {
    await fan(66, 2, 6_006);
    const twice = [await item(66, 1, null), await item(66, 2, null)];
    await expect(uow().run((r) => r.ledger.applyManyAsRead(twice))).rejects.toThrow(/one entry per user/);
    const tooMuch = [await item(66, 3, null, -5)];
    await expect(uow().run((r) => r.ledger.applyManyAsRead(tooMuch))).rejects.toThrow(/refuses entry/);
    await expect(uow().repos.ledger.applyManyAsRead([await item(66, 4, null)])).rejects.toThrow(
      /needs a transaction/,
    );
    expect(await balanceOf(66)).toBe(2);
    expect(await uow().run((r) => r.ledger.applyManyAsRead([]))).toEqual([]);
  });
});

describe('concurrency', () => {
  const settle = (results: LedgerApplyResult[]) => ({
    applied: results.filter((r) => r.status === 'applied').length,
    duplicate: results.filter((r) => r.status === 'duplicate').length,
    insufficient: results.filter((r) => r.status === 'insufficient').length,
  });

  it('20 concurrent debits of 1 on a balance of 10: exactly 10 succeed', async () => {
    await addUser(20);
    await apply({ userId: 20, delta: 10, reason: 'purchase', idempotencyKey: 'grant:20' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createUnitOfWork(t.database).run((r) =>
          r.ledger.apply({
            userId: 20,
            delta: -1,
            reason: 'spend',
            idempotencyKey: `race:20:${i}`,
            actor: 'test',
          }),
        ),
      ),
    );
    expect(settle(results)).toEqual({ applied: 10, duplicate: 0, insufficient: 10 });
    expect(await balanceOf(20)).toBe(0);
    const chain = (await entriesOf(20)).map((e) => e.balanceAfter);
    expect(chain).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
  });

  it('one key sent 10 times at once is applied once', async () => {
    await addUser(21);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        apply({ userId: 21, delta: 3, reason: 'purchase', idempotencyKey: 'pi_same' }),
      ),
    );
    expect(settle(results)).toEqual({ applied: 1, duplicate: 9, insufficient: 0 });
    expect(new Set(results.map((r) => (r.status === 'insufficient' ? null : r.entry.id))).size).toBe(1);
    expect(await balanceOf(21)).toBe(3);
  });

  it('one key raced for two users (different row locks) yields one entry', async () => {
    await addUser(22);
    await addUser(23);
    const results = await Promise.all(
      [22, 23, 22, 23].map((userId) =>
        apply({ userId, delta: 2, reason: 'gift', idempotencyKey: 'gift:shared' }),
      ),
    );
    expect(settle(results)).toEqual({ applied: 1, duplicate: 3, insufficient: 0 });
    const winner = (results.find((r) => r.status === 'applied') as { entry: { userId: number } }).entry
      .userId;
    expect(await balanceOf(winner)).toBe(2);
    expect(await balanceOf(winner === 22 ? 23 : 22)).toBe(0);
    expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
  });
});

describe('append-only in the database', () => {
  /** The database's own message (drizzle wraps it in "Failed query: …" with the cause). */
  async function refusal(query: Promise<unknown>): Promise<string> {
    const err = await query.then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err, 'the statement should have been refused').not.toBeNull();
    return `${err!.message} ${err!.cause?.message ?? ''}`;
  }

  it('refuses UPDATE, DELETE and TRUNCATE of ledger entries, whatever the statement', async () => {
    await addUser(31);
    await apply({ userId: 31, delta: 5, reason: 'purchase', idempotencyKey: 'append:31' });
    const before = await uow().repos.ledger.findByKey('append:31');
    const db = t.database.db;
    for (const statement of [
      sql`update ledger_entries set delta = 500 where idempotency_key = 'append:31'`,
      sql`update ledger_entries set metadata = '{"x":1}' where user_id = 31`,
      sql`delete from ledger_entries where idempotency_key = 'append:31'`,
      sql`delete from ledger_entries`,
      sql`truncate ledger_entries`,
      sql`truncate users cascade`,
    ]) {
      expect(await refusal(db.execute(statement))).toMatch(
        /ledger_entries is append-only: (UPDATE|DELETE|TRUNCATE)/,
      );
    }
    expect(await uow().repos.ledger.findByKey('append:31')).toEqual(before);
    expect(await balanceOf(31)).toBe(5);
    // Inside a transaction the refusal rolls back everything the transaction did.
    await expect(
      db.transaction(async (tx) => {
        await createRepos(tx).ledger.apply({
          userId: 31,
          delta: 1,
          reason: 'gift',
          idempotencyKey: 'append:31:b',
          actor: 'test',
        });
        await tx.execute(sql`delete from ledger_entries where idempotency_key = 'append:31'`);
      }),
    ).rejects.toThrow();
    expect(await uow().repos.ledger.findByKey('append:31:b')).toBeNull();
    expect(await balanceOf(31)).toBe(5);
    expect((await checkLedgerIntegrity({ uow: uow() })).ok).toBe(true);
  });
});

// tsx's CLI entry, run by the current node: no npm or shell in between, and the same runtime as the tests.
const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
// Asynchronous: while it runs this process may hold DATA_DIR, and its lock's heartbeat must keep beating.
async function runCli(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, 'src/cli/ledger-check.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { status, stdout, stderr };
}

describe('tampering', () => {
  it('a balance changed around the ledger is reported as a balance_mismatch', async () => {
    await t.database.db.execute(sql`update users set credit_balance = credit_balance + 5 where id = 1`);
    const report = await checkLedgerIntegrity({ uow: uow() });
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual([
      { userId: 1, kind: 'balance_mismatch', expected: 7, actual: 12, detail: expect.any(String) as unknown },
    ]);
    const text = formatLedgerReport(report);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toMatch(
      /^ledger FAILED: 1 violation in 1 user \(checked \d+ users, \d+ entries\)\n {2}user 1: balance_mismatch: /,
    );
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'the CLI reports it against PostgreSQL (exit 1, then 0 once fixed)',
    async () => {
      const dirty = await runCli({ DATABASE_URL: t.url! });
      expect(dirty.stderr).toBe('');
      expect(dirty.stdout).toMatch(/ledger FAILED: 1 violation[\s\S]*user 1: balance_mismatch/);
      expect(dirty.status).toBe(1);

      await t.database.db.execute(sql`update users set credit_balance = credit_balance - 5 where id = 1`);
      const clean = await runCli({ DATABASE_URL: t.url! });
      expect(clean.stdout).toMatch(/^ledger OK: \d+ users, \d+ entries\n$/);
      expect(clean.status).toBe(0);
    },
  );
});

describe('npm run ledger:check on an embedded DATA_DIR', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fanbridge-ledger-'));
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await migrateDatabase(database);
      await createRepos(database.db).users.upsert({ id: 7, firstName: 'Tampered' }, now);
      await createRepos(database.db).users.upsert({ id: 8, firstName: 'Clean' }, now);
      const u = createUnitOfWork(database);
      await u.run((r) =>
        r.ledger.apply({ userId: 7, delta: 10, reason: 'purchase', idempotencyKey: 'g7', actor: 'test' }),
      );
      await u.run((r) =>
        r.ledger.apply({ userId: 7, delta: -4, reason: 'spend', idempotencyKey: 's7', actor: 'test' }),
      );
      await u.run((r) =>
        r.ledger.apply({ userId: 8, delta: 3, reason: 'gift', idempotencyKey: 'g8', actor: 'test' }),
      );
      await database.db.execute(sql`update users set credit_balance = credit_balance + 5 where id = 7`);
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and prints the violations', async () => {
    const res = await runCli({ DATA_DIR: dir });
    expect(res.stdout).toBe(
      'ledger FAILED: 1 violation in 1 user (checked 2 users, 3 entries)\n' +
        '  user 7: balance_mismatch: stored balance 11, sum of 2 entries is 6\n',
    );
    expect(res.status).toBe(1);
  });

  it('exits 2 with a one-line message while another process holds DATA_DIR', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      const res = await runCli({ DATA_DIR: dir });
      expect(res.status).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(
        /^fanbridge ledger:check: DATA_DIR .* is in use by another fanbridge process; stop it first[^\n]*\n$/,
      );
    } finally {
      await database.close();
    }
  });

  it('exits 0 once the balance is corrected', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await database.db.execute(sql`update users set credit_balance = credit_balance - 5 where id = 7`);
    } finally {
      await database.close();
    }
    const res = await runCli({ DATA_DIR: dir });
    expect(res.stdout).toBe('ledger OK: 2 users, 3 entries\n');
    expect(res.status).toBe(0);
  });
});
