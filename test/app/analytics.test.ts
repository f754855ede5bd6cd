import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/integrations/charts/renderer.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, testClock, type ServiceStack } from '../support/services.ts';

/**
 * Analytics on a real unit of work: the period's figures (conversion and its median, repeat purchases,
 * ARPU/ARPPU, messages from the message log, credits, first responses), daily series placed in the
 * `timezone` setting's local days, the CSV, a chart through the real renderer, and the refusals.
 */
let s: ServiceStack;
const MANAGER = 51_001;
const AGENT = 51_002;
const [ann, ben, cid, old] = [51_101, 51_102, 51_103, 51_104];
// Noon UTC: 13:00 in Madrid, so "today" is the same date in both zones.
const NOW = new Date('2026-03-10T12:00:00Z');
const h = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

async function pay(userId: number, o: { at: Date; rail?: 'stars' | 'stripe'; amount?: number }) {
  const r = s.uow.repos;
  const pack = (await r.products.listActive()).find((p) => p.kind === 'credits')!;
  const stars = (o.rail ?? 'stars') === 'stars';
  const p = await r.payments.create({
    userId,
    productId: pack.id,
    rail: stars ? 'stars' : 'stripe',
    amount: o.amount ?? 50,
    currency: stars ? 'XTR' : 'eur',
    kind: 'credits',
    quantity: 10,
  });
  await r.payments.markPaid(p.id, `ch-${p.id}`, o.at);
  return p.id;
}

beforeAll(async () => {
  s = await createServiceStack({ clock: testClock(NOW) });
  const r = s.uow.repos;
  await r.team.set({ userId: MANAGER, role: 'manager', addedBy: OWNER_ID }, NOW);
  await r.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, NOW);
  await r.settings.set('timezone', 'Europe/Madrid', OWNER_ID);
  // Ann: new 3 days ago, bought 2 h after her first /start, and again today (a repeat).
  await r.users.upsert({ id: ann, firstName: 'Ann', username: 'ann_fan' }, h(72));
  await pay(ann, { at: h(70) });
  await pay(ann, { at: h(1), rail: 'stripe', amount: 999 });
  // Ben: new 2 days ago, bought 6 h later (a refunded one counts for nothing).
  await r.users.upsert({ id: ben, firstName: 'Ben' }, h(48));
  await pay(ben, { at: h(42) });
  const refunded = await pay(ben, { at: h(41) });
  await r.payments.markRefunded(refunded, h(40));
  // Cid: new yesterday, never bought. Old: a fan from last year (outside every window), buying now.
  await r.users.upsert({ id: cid, firstName: 'Cid' }, h(20));
  await r.users.upsert({ id: old, firstName: 'Old' }, new Date('2025-01-01T00:00:00Z'));
  await pay(old, { at: h(2) });
  // 23:30 UTC on March 8 is 00:30 on March 9 in Madrid: that day's, not the 8th's.
  await r.users.upsert({ id: 51_105, firstName: 'Night' }, new Date('2026-03-08T23:30:00Z'));
  // Messages both ways, through the statements the relay makes.
  await r.topics.reserve(ann, -100_500, 'Ann');
  await r.topics.setThread(ann, 77, 'Ann');
  await r.topics.noteFanMessage(ann, h(3), { type: 'text', messageId: 1, text: 'hello there' });
  await r.topics.noteFanMessage(ann, h(3), { type: 'photo', messageId: 2, text: null });
  await r.topics.noteAdminMessage(ann, h(2), MANAGER, {
    type: 'text',
    messageId: 900,
    text: 'hi Ann',
    groupId: -100_500,
    threadId: 77,
  });
  // Credits bought and spent an hour ago (entries are stamped by the database's clock: written as rows).
  await s.db.database.db.execute(sql`
    insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, created_at)
    values (${ann}, 25, 'purchase', 'a:1', 25, 't', ${h(1).toISOString()}::timestamptz),
           (${ann}, -4, 'spend', 'a:2', 21, 't', ${h(1).toISOString()}::timestamptz)`);
});
afterAll(() => s?.dispose());

describe('analytics', () => {
  it('figures of the period: conversion and its median, repeats, ARPU and ARPPU, messages, responses', async () => {
    const res = await s.services.analytics.overview(MANAGER, 7);
    if (!res.ok) throw new Error(res.code);
    expect(res.timezone).toBe('Europe/Madrid');
    // Ann, Ben, Cid and Night are new; Ann and Ben bought (2 h and 6 h after their first /start).
    expect(res.summary).toMatchObject({ newFans: 4, converted: 2, payingFans: 3, repeatFans: 2 });
    expect(res.summary.medianToPurchaseMs).toBe(4 * 3_600_000);
    expect(res.conversion).toBe(0.5);
    expect(res.repeatRate).toBeCloseTo(2 / 3);
    // Stars: 50 (Ann) + 50 (Ben; his refunded one is 0) + 50 (Old); card: 9.99 € (Ann).
    const stars = res.revenue.find((r) => r.rail === 'stars')!;
    expect(stars).toMatchObject({ net: 150, arppu: 50 });
    expect(stars.arpu).toBe(Math.round(150 / res.summary.activeFans));
    expect(res.revenue.find((r) => r.rail === 'stripe')).toMatchObject({
      currency: 'eur',
      net: 999,
      arppu: 999,
    });
    expect(res.totals).toMatchObject({ messagesIn: 2, messagesOut: 1, creditsSold: 25, creditsSpent: 4 });
    expect(res.summary.responses).toMatchObject({ count: 1, p50Ms: 3_600_000 });
  });

  it('places each row in its local day of the timezone setting', async () => {
    const res = await s.services.analytics.series(MANAGER, 7, 'fans');
    if (!res.ok) throw new Error(res.code);
    expect(res.table.days).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    const byDay = (id: string) =>
      Object.fromEntries(
        res.table.days.map((d, i) => [d, res.table.series.find((x) => x.id === id)!.values[i]]),
      );
    // Ann 03-07 13:00 · Ben 03-08 13:00 · Night 03-09 00:30 · Cid 03-09 17:00 (Madrid).
    expect(byDay('new')).toMatchObject({
      '2026-03-07': 1,
      '2026-03-08': 1,
      '2026-03-09': 2,
      '2026-03-10': 0,
    });
    // Paying fans per day: Ann on the 7th; Ben on the 8th; Ann and Old today.
    expect(byDay('paying')).toMatchObject({ '2026-03-07': 1, '2026-03-08': 1, '2026-03-10': 2 });
  });

  it('messages by direction and type, from the message log', async () => {
    const res = await s.services.analytics.series(MANAGER, 7, 'messages');
    if (!res.ok) throw new Error(res.code);
    const total = (id: string) =>
      res.table.series.find((x) => x.id === id)?.values.reduce((a, b) => a + b, 0);
    expect([total('in'), total('out'), total('in:text'), total('in:photo'), total('out:text')]).toEqual([
      2, 1, 1, 1, 1,
    ]);
  });

  it('a series as CSV: a row per local day, money in major units', async () => {
    const res = await s.services.analytics.csv(OWNER_ID, 7, 'revenue', {
      day: 'date',
      label: (id) => (id === '=bad' ? id : id.toUpperCase()),
    });
    if (!res.ok) throw new Error(res.code);
    const lines = res.csv.trim().split('\r\n');
    expect(lines[0]).toBe('date,STARS,CARD:EUR');
    expect(lines).toHaveLength(8);
    // Today: Old's 50 Stars and Ann's 9.99 € (her Stars payment was on the 7th).
    expect(lines.at(-1)).toBe('2026-03-10,50,9.99');
    expect(res.fileName).toBe('revenue-7d-2026-03-10.csv');
  });

  it('a chart through the renderer port (PNG), or none without one', async () => {
    const words = { title: 'Fans', label: (id: string) => id };
    const none = await s.services.analytics.chart(OWNER_ID, 30, 'fans', words);
    expect(none.ok && none.png).toBeNull();
    const withCharts = await createServiceStack({ deps: { charts: createChartRenderer() } });
    try {
      const res = await withCharts.services.analytics.chart(OWNER_ID, 30, 'fans', words);
      if (!res.ok) throw new Error(res.code);
      expect(Buffer.from(res.png!.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    } finally {
      await withCharts.dispose();
    }
  });

  it('top spenders and products', async () => {
    const top = await s.services.analytics.topSpenders(MANAGER, 30);
    expect(top.ok && top.spenders).toEqual([
      { userId: ann, name: 'Ann', username: 'ann_fan', spent: 4, payments: 2 },
    ]);
    const products = await s.services.analytics.products(MANAGER, 30);
    if (!products.ok) throw new Error(products.code);
    expect(products.products.map((p) => [p.rail, p.sales, p.net])).toEqual([
      ['stripe', 1, 999],
      ['stars', 4, 150],
    ]);
  });

  it('refuses an agent, a period it does not offer and an unknown series', async () => {
    expect(await s.services.analytics.overview(AGENT, 30)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await s.services.analytics.overview(MANAGER, 14)).toEqual({ ok: false, code: 'invalid' });
    expect(await s.services.analytics.series(MANAGER, 30, 'users')).toEqual({ ok: false, code: 'invalid' });
    expect(await s.services.analytics.topSpenders(AGENT, 30)).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('the daily series read the message log by its BRIN index when scans are off', async () => {
    const db = s.db.database.db;
    await db.execute(sql`set enable_seqscan = off`);
    const res = (await db.execute(
      sql`explain select count(*) from message_log where created_at >= now() - interval '7 days'`,
    )) as { rows: Array<Record<string, string>> };
    await db.execute(sql`set enable_seqscan = on`);
    const plan = res.rows.map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('message_log_created_brin');
  });
});
