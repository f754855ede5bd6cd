import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerIntegrity } from '../../../src/app/system/ledger.ts';
import type { LedgerApplyResult, LedgerEntry, NewLedgerEntry } from '../../../src/app/ports/index.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const USERS = 3;
const now = new Date('2026-11-01T12:00:00Z');

type Op =
  | { kind: 'grant' | 'debit' | 'clawback'; user: number; amount: number }
  /** Sends an earlier entry again, same key and payload (`pick` chooses which, modulo how many exist). */
  | { kind: 'repeat'; pick: number }
  /** Debits in separate, concurrent transactions; an item may repeat an earlier entry instead. */
  | { kind: 'batch'; items: Array<{ user: number; amount: number; repeat: number | null }> };

const user = fc.integer({ min: 0, max: USERS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('grant' as const),
      user,
      amount: fc.integer({ min: 0, max: 20 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('debit' as const),
      user,
      amount: fc.integer({ min: 0, max: 12 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clawback' as const),
      user,
      amount: fc.integer({ min: 0, max: 15 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      items: fc.array(
        fc.record({ user, amount: fc.integer({ min: 1, max: 5 }), repeat: fc.option(fc.nat(), { freq: 5 }) }),
        { minLength: 2, maxLength: 8 },
      ),
    }),
  },
);

/** What the database should hold: balances, and the entry each applied key produced. */
class Model {
  readonly balances = new Map<number, number>();
  readonly entries = new Map<string, LedgerEntry>();
  /** Everything sent so far, applied or not, for repeats. */
  readonly sent: NewLedgerEntry[] = [];

  balance(userId: number): number {
    return this.balances.get(userId) ?? 0;
  }

  /** Checks one sequential result against the model, then moves the model. */
  expectSequential(input: NewLedgerEntry, res: LedgerApplyResult): void {
    const prior = this.entries.get(input.idempotencyKey);
    if (prior) {
      expect(res).toEqual({ status: 'duplicate', entry: prior });
      return;
    }
    const before = this.balance(input.userId);
    let delta = input.delta;
    if (delta < 0 && input.mode === 'clamp') delta = before === 0 ? 0 : -Math.min(-delta, before);
    if (before + delta < 0) {
      expect(res).toEqual({ status: 'insufficient', balance: before, needed: -input.delta });
      return;
    }
    expect(res).toMatchObject({
      status: 'applied',
      entry: { userId: input.userId, delta, balanceAfter: before + delta },
    });
    this.record(res);
  }

  record(res: LedgerApplyResult): void {
    if (res.status !== 'applied') throw new Error(`expected applied, got ${res.status}`);
    this.entries.set(res.entry.idempotencyKey, res.entry);
    this.balances.set(res.entry.userId, res.entry.balanceAfter);
  }
}

let run = 0;

describe('ledger property', () => {
  it('random grants, debits, clawbacks, repeats and concurrent batches keep the ledger consistent', async () => {
    const uow = createUnitOfWork(t.database);
    const users = createRepos(t.database.db).users;
    const applyInTx = (e: NewLedgerEntry) => uow.run((r) => r.ledger.apply(e));

    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25, size: 'max' }), async (ops) => {
        // Fresh users per run (shrinking included): one database for the whole property stays fast.
        run += 1;
        const ids = Array.from({ length: USERS }, (_, i) => 1_000 * run + i);
        for (const id of ids) await users.upsert({ id, firstName: `p${run}` }, now);
        const m = new Model();
        let seq = 0;
        const fresh = (u: number, delta: number, kind: 'grant' | 'debit' | 'clawback'): NewLedgerEntry => ({
          userId: ids[u]!,
          delta: delta === 0 ? 0 : delta, // never -0: the database returns 0 and toEqual tells them apart
          reason: kind === 'grant' ? 'purchase' : kind === 'debit' ? 'spend' : 'refund',
          idempotencyKey: `p${run}:${seq++}`,
          actor: 'property',
          ...(kind === 'clawback' ? { mode: 'clamp' as const } : {}),
        });

        for (const o of ops) {
          if (o.kind === 'batch') {
            await runBatch(o.items);
            continue;
          }
          let input: NewLedgerEntry;
          if (o.kind === 'repeat') {
            if (m.sent.length === 0) continue;
            input = m.sent[o.pick % m.sent.length]!;
          } else {
            input = fresh(o.user, o.kind === 'grant' ? o.amount : -o.amount, o.kind);
            m.sent.push(input);
          }
          m.expectSequential(input, await applyInTx(input));
        }

        async function runBatch(items: Array<{ user: number; amount: number; repeat: number | null }>) {
          const inputs: NewLedgerEntry[] = [];
          for (const it of items) {
            const input =
              it.repeat !== null && m.sent.length > 0
                ? m.sent[it.repeat % m.sent.length]!
                : fresh(it.user, -it.amount, 'debit');
            // Two copies of one unapplied key in a batch would make the expected outcome order-dependent.
            if (inputs.some((i) => i.idempotencyKey === input.idempotencyKey)) continue;
            if (!m.sent.includes(input)) m.sent.push(input);
            inputs.push(input);
          }
          const before = new Map(ids.map((id) => [id, m.balance(id)]));
          const results = await Promise.all(inputs.map(applyInTx));

          const appliedByUser = new Map<number, LedgerEntry[]>();
          inputs.forEach((input, i) => {
            const res = results[i]!;
            const prior = m.entries.get(input.idempotencyKey);
            if (prior) {
              expect(res).toEqual({ status: 'duplicate', entry: prior });
            } else if (res.status === 'applied') {
              expect(res.entry).toMatchObject({ userId: input.userId, delta: input.delta });
              appliedByUser.set(input.userId, [...(appliedByUser.get(input.userId) ?? []), res.entry]);
            } else {
              // Repeats of grants and clawbacks always hit an existing entry, so only debits get here.
              expect(res).toMatchObject({ status: 'insufficient', needed: -input.delta });
              if (res.status === 'insufficient') expect(res.balance).toBeLessThan(res.needed);
            }
          });

          for (const id of ids) {
            // Debits on one user serialise on the row lock, so in id order each continues the previous.
            const applied = (appliedByUser.get(id) ?? []).sort((a, b) => a.id - b.id);
            let running = before.get(id)!;
            for (const e of applied) {
              running += e.delta;
              expect(e.balanceAfter).toBe(running);
              m.record({ status: 'applied', entry: e });
            }
            expect(m.balance(id)).toBeGreaterThanOrEqual(0);
          }
          // A refused debit was refused at a balance no larger than the final one (debits only shrink it).
          inputs.forEach((input, i) => {
            if (results[i]!.status === 'insufficient')
              expect(m.balance(input.userId)).toBeLessThan(-input.delta);
          });
        }

        for (const id of ids) {
          const stored = (await users.get(id))!.creditBalance;
          expect(stored).toBeGreaterThanOrEqual(0);
          expect(stored).toBe(m.balance(id));
        }
        // Only this run's users: a failed run leaves its damage behind, which would make every
        // shrinking attempt fail too and shrink the counterexample to nothing.
        const report = await checkLedgerIntegrity({ uow });
        expect(report.violations.filter((v) => ids.includes(v.userId))).toEqual([]);
      }),
      { numRuns: 25 },
    );
    expect(await checkLedgerIntegrity({ uow })).toMatchObject({ ok: true, violations: [] });
  }, 120_000);
});
