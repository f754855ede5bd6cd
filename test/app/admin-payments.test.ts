import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../src/db/client.ts';
import { adminPaymentsRepo } from '../../src/db/repos/payments-admin.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, testClock, type ServiceStack } from '../support/services.ts';

/**
 * The Payments use cases on a real unit of work: revenue per local day across a DST change, the refund
 * refused without `payments.refund` before anything is asked, the fan lookup, and page clamping.
 */
let s: ServiceStack;
const manager = 43_001;
const fan = 43_101;

beforeAll(async () => {
  // Noon in Madrid on 10 April 2030: the 30 days reach back across the 31 March change (UTC+1 → UTC+2).
  s = await createServiceStack({ clock: testClock('2030-04-10T10:00:00Z') });
  await s.uow.repos.team.set({ userId: manager, role: 'manager', addedBy: OWNER_ID }, s.clock.now());
  await s.uow.repos.users.upsert({ id: fan, firstName: 'Fay', username: 'Fay_Fan' }, s.clock.now());
  await s.uow.repos.settings.set('timezone', 'Europe/Madrid', OWNER_ID);
});
afterAll(() => s.dispose());

async function paidStars(amount: number, at: string, charge: string) {
  const [product] = await s.uow.repos.products.listActive();
  const p = await s.uow.repos.payments.create({
    userId: fan,
    productId: product!.id,
    rail: 'stars',
    amount,
    currency: 'XTR',
    kind: 'credits',
    quantity: 10,
  });
  await s.uow.repos.payments.markPaid(p.id, charge, new Date(at));
  return p.id;
}

describe('revenue per local day', () => {
  it('puts each payment on its local day on both sides of a DST change', async () => {
    // 23:30 on 30 March in Madrid (UTC+1): 22:30 UTC.
    await paidStars(1, '2030-03-30T22:30:00Z', 'd1');
    // 00:30 on 31 March in Madrid (still UTC+1 at that hour): 23:30 UTC on the 30th.
    await paidStars(2, '2030-03-30T23:30:00Z', 'd2');
    // 23:30 on 31 March in Madrid (UTC+2 by then): 21:30 UTC.
    await paidStars(4, '2030-03-31T21:30:00Z', 'd3');
    // 00:30 on 1 April in Madrid: 22:30 UTC on the 31st.
    await paidStars(8, '2030-03-31T22:30:00Z', 'd4');
    // Earlier today.
    await paidStars(16, '2030-04-10T09:00:00Z', 'd5');
    const res = await s.services.adminPayments.revenue(OWNER_ID);
    if (!res.ok) throw new Error('refused');
    const t = res.table;
    expect(t.timezone).toBe('Europe/Madrid');
    expect(t.rows).toHaveLength(30);
    const byDay = Object.fromEntries(
      t.rows.map((r) => [
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(r.day),
        r.stars,
      ]),
    );
    expect(byDay['2030-03-30']).toBe(1);
    expect(byDay['2030-03-31']).toBe(2 + 4);
    expect(byDay['2030-04-01']).toBe(8);
    expect(byDay['2030-04-10']).toBe(16);
    expect(t.totals.stars).toBe(31);
    expect(t.currencies).toEqual([]);
    // Each day starts at its local midnight.
    expect(t.rows.at(-1)!.day.toISOString()).toBe('2030-04-09T22:00:00.000Z');
  });

  it('is refused without stats.view', async () => {
    expect(await s.services.adminPayments.revenue(fan)).toEqual({ ok: false, code: 'not_allowed' });
  });
});

describe('refund and lookups', () => {
  it('a manager (stats.view, not payments.refund) is refused before anything is asked', async () => {
    const id = await paidStars(50, '2030-04-10T08:00:00Z', 'r1');
    expect(await s.services.adminPayments.refund(manager, id)).toEqual({ ok: false, code: 'not_allowed' });
    const card = await s.services.adminPayments.card(manager, id);
    expect(card).toMatchObject({ ok: true, card: { canRefund: false, notRefundable: null } });
    expect((await s.uow.repos.payments.get(id))!.status).toBe('paid');
  });

  it('without Telegram wired, a Stars refund says why and changes nothing', async () => {
    const id = await paidStars(50, '2030-04-10T08:30:00Z', 'r2');
    const res = await s.services.adminPayments.refund(OWNER_ID, id);
    expect(res).toMatchObject({ ok: true, result: { rail: 'stars', ok: false, code: 'unavailable' } });
    expect((await s.uow.repos.payments.get(id))!.status).toBe('paid');
  });

  it('finds a fan by id or @username (any case), not by a bad or unknown one', async () => {
    const find = (q: string) => s.services.adminPayments.findFan(OWNER_ID, q);
    expect(await find(String(fan))).toEqual({ id: fan });
    expect(await find('@fay_fan')).toEqual({ id: fan });
    expect(await find('FAY_FAN')).toEqual({ id: fan });
    for (const q of ['@nobody_at_all', '999999999', "@x'; drop table users", ''])
      expect(await find(q)).toBeNull();
    expect(await s.services.adminPayments.findFan(fan, '@fay_fan')).toBeNull(); // not on the team
  });

  it('a page past the end lands on the last one', async () => {
    const res = await s.services.adminPayments.list(OWNER_ID, { list: 'filtered', page: 50 });
    if (!res.ok) throw new Error('refused');
    expect(res.index).toBe(res.pages - 1);
    expect(res.page.rows.length).toBeGreaterThan(0);
  });
});

describe('the read models use their indexes', () => {
  /**
   * Runs a repository method on a handle that records its statements instead, then asks PostgreSQL for
   * each one's plan (sequential scans off, so the plan shows whether an index can serve the query at all,
   * whatever the table's size in a test).
   */
  async function plans(call: (repo: ReturnType<typeof adminPaymentsRepo>) => Promise<unknown>) {
    const seen: SQL[] = [];
    const recorder = { execute: async (q: SQL) => (seen.push(q), { rows: [] }) } as unknown as DbOrTx;
    await call(adminPaymentsRepo(recorder)).catch(() => undefined);
    return s.db.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const out: string[] = [];
      for (const q of seen) {
        const res = (await tx.execute(sql`explain ${q}`)) as { rows: Array<Record<string, string>> };
        out.push(res.rows.map((r) => Object.values(r)[0]).join('\n'));
      }
      return out;
    });
  }

  it.each<[string, string, (r: Repo) => Promise<unknown>]>([
    ['a status', 'payments_status_idx', (r) => r.list({ rail: null, status: 'failed', userId: null }, 0, 8)],
    ['one fan', 'payments_user_idx', (r) => r.list({ rail: null, status: null, userId: fan }, 0, 8)],
    ['refunds', 'payments_refunds_idx', (r) => r.refunds(0, 8)],
    [
      'revenue',
      'payments_paid_at_idx',
      (r) => r.revenueByDay([new Date('2030-03-12T00:00:00Z')], new Date('2030-04-11T00:00:00Z')),
    ],
  ])('%s uses %s', async (_name, index, call) => {
    const [page] = await plans(call);
    expect(page).toContain(index);
  });
});

type Repo = ReturnType<typeof adminPaymentsRepo>;
