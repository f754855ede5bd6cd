import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_UNTIL } from '../../src/app/campaigns/index.ts';
import { OUTBOX_CLASS } from '../../src/app/outbox/policy.ts';
import { CAMPAIGN_SHARDS } from '../../src/app/outbox/lanes.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';
import { OWNER_ID } from '../support/config.ts';

/**
 * Broadcasts and mass gifts on a real unit of work: the audience and its exact count, the confirmation
 * that refuses a changed count, batches keyed per campaign and fan (a batch run again queues nobody
 * twice), one ledger entry per fan for a gift, pause / resume / cancel, and every refusal.
 */
let s: ServiceStack;
const MANAGER = 62_001;
const AGENT = 62_002;
const FANS = Array.from({ length: 30 }, (_, i) => 63_000 + i);
const BLOCKED = FANS[0]!;
const BANNED = FANS[1]!;

beforeAll(async () => {
  s = await createServiceStack();
  const now = s.clock.now();
  await s.uow.repos.team.set({ userId: MANAGER, role: 'manager', addedBy: OWNER_ID }, now);
  await s.uow.repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, now);
  for (const id of FANS) await s.ensureFan(id);
  await s.uow.repos.users.setBlockedBot(BLOCKED, true);
  await s.uow.repos.users.setBanned(BANNED, true);
  // Five VIPs, seen long ago.
  await s.db.database.db.execute(
    sql.raw(
      `update users set tier = 'vip', last_seen_at = now() - interval '60 days' where id in (${FANS.slice(2, 7).join(',')})`,
    ),
  );
});
afterAll(() => s.dispose());

const svc = () => s.services.campaigns;
const text = (t: string) => ({ type: 'text' as const, text: t });

async function queueAll(id: number): Promise<number> {
  let batches = 1;
  while (!(await svc().queueBatch(id))) batches++;
  return batches;
}

async function confirmed(
  actor: number,
  kind: 'broadcast' | 'gift',
  gift?: { credits: number } | { seconds: number },
) {
  const start = await svc().start(actor, kind, gift);
  if (!start.ok) throw new Error(start.code);
  await svc().compose(actor, start.id, text('Hello <everyone>'));
  const review = await svc().review(actor, start.id);
  if (!review.ok) throw new Error(review.code);
  const res = await svc().confirm(actor, start.id, review.count, actor);
  if (!res.ok) throw new Error(res.code);
  return res.campaign;
}

describe('the audience', () => {
  it('counts fans exactly, never banned or blocked ones, with each filter', async () => {
    const d = await svc().start(MANAGER, 'broadcast');
    if (!d.ok) throw new Error(d.code);
    const all = await svc().review(MANAGER, d.id);
    expect(all.ok && all.count).toBe(FANS.length - 2);
    const vip = await svc().setFilters(MANAGER, d.id, { tier: 'vip' });
    expect(vip.ok && vip.count).toBe(5);
    const active = await svc().setFilters(MANAGER, d.id, { tier: null, activeDays: 30 });
    expect(active.ok && active.count).toBe(FANS.length - 2 - 5);
    const never = await svc().setFilters(MANAGER, d.id, { activeDays: null, neverPaid: true });
    expect(never.ok && never.count).toBe(FANS.length - 2);
    const spent = await svc().setFilters(MANAGER, d.id, { neverPaid: null, spentMin: 1 });
    expect(spent.ok && spent.count).toBe(0);
    expect((await svc().setFilters(MANAGER, d.id, { activeDays: 0 })).ok).toBe(false);
    expect((await svc().setFilters(MANAGER, d.id, { tier: 'emperor' })).ok).toBe(false);
  });

  it('saves a segment by name (a taken name is refused) and uses it', async () => {
    const d = await svc().start(MANAGER, 'broadcast');
    if (!d.ok) throw new Error(d.code);
    await svc().setFilters(MANAGER, d.id, { tier: 'vip' });
    expect(await svc().saveSegment(MANAGER, d.id, 'VIPs')).toEqual({ ok: true });
    expect(await svc().saveSegment(MANAGER, d.id, 'VIPs')).toEqual({ ok: false, code: 'name_taken' });
    const other = await svc().start(MANAGER, 'broadcast');
    if (!other.ok) throw new Error(other.code);
    const seg = (await svc().segments(MANAGER))!.find((x) => x.name === 'VIPs')!;
    const used = await svc().useSegment(MANAGER, other.id, seg.id);
    expect(used.ok && used.count).toBe(5);
    expect(used.ok && used.draft.audience.segment).toBe('VIPs');
    expect(await svc().segments(AGENT)).toBeNull();
  });
});

describe('composing', () => {
  it('collects an album in message order, refuses buttons on it and an 11th item', async () => {
    const d = await svc().start(MANAGER, 'broadcast');
    if (!d.ok) throw new Error(d.code);
    const item = (n: number) => ({
      type: 'media' as const,
      media: { type: 'photo' as const, fileId: `f${n}`, messageId: n },
      mediaGroupId: 'g1',
    });
    const first = await svc().compose(MANAGER, d.id, item(5));
    expect(first.ok && first.joined).toBe(false);
    const second = await svc().compose(MANAGER, d.id, item(3));
    expect(second.ok && second.joined).toBe(true);
    const c = second.ok ? second.draft.content : null;
    expect(c?.type === 'album' && c.media.map((m) => m.fileId)).toEqual(['f3', 'f5']);
    expect(await svc().setButtons(MANAGER, d.id, [{ text: 'Go', url: 'https://x.y' }])).toEqual({
      ok: false,
      code: 'no_buttons_on_album',
    });
    for (let n = 10; n < 18; n++) await svc().compose(MANAGER, d.id, item(n));
    expect(await svc().compose(MANAGER, d.id, item(30))).toMatchObject({ ok: false, code: 'album_full' });
    // A text replaces it; buttons go on a text.
    await svc().compose(MANAGER, d.id, text('Plain'));
    const b = await svc().setButtons(MANAGER, d.id, [{ text: 'Go', url: 'https://x.y' }]);
    expect(b.ok && b.draft.content).toEqual({
      type: 'text',
      text: 'Plain',
      buttons: [{ text: 'Go', url: 'https://x.y' }],
    });
    expect(await svc().compose(MANAGER, d.id, text('x'.repeat(4097)))).toMatchObject({
      ok: false,
      code: 'too_long',
    });
  });

  it('keeps a draft to its author, and templates to those who broadcast', async () => {
    const d = await svc().start(MANAGER, 'broadcast');
    if (!d.ok) throw new Error(d.code);
    await svc().compose(MANAGER, d.id, text('Saved one'));
    expect(await svc().compose(OWNER_ID, d.id, text('hijack'))).toMatchObject({ ok: false, code: 'gone' });
    expect(await svc().saveTemplate(MANAGER, d.id, 'Weekly')).toEqual({ ok: true });
    expect(await svc().saveTemplate(MANAGER, d.id, 'Weekly')).toEqual({ ok: false, code: 'name_taken' });
    const t = (await svc().templates(MANAGER))!.find((x) => x.name === 'Weekly')!;
    expect(t.content).toEqual({ type: 'text', text: 'Saved one' });
    expect(await svc().templates(AGENT)).toBeNull();
    expect(await svc().deleteTemplate(AGENT, t.id)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await svc().deleteTemplate(MANAGER, t.id)).toEqual({ ok: true });
  });
});

describe('refusals', () => {
  it('refuses agents, and gifts to managers', async () => {
    expect(await svc().start(AGENT, 'broadcast')).toEqual({ ok: false, code: 'not_allowed' });
    expect(await svc().start(MANAGER, 'gift', { credits: 5 })).toEqual({ ok: false, code: 'not_allowed' });
    expect(await svc().start(OWNER_ID, 'gift', { credits: 0 })).toEqual({ ok: false, code: 'invalid' });
    expect(await svc().start(OWNER_ID, 'gift', { seconds: 10 })).toEqual({ ok: false, code: 'invalid' });
  });

  it('confirms only the count that was shown, and not an empty draft or an empty audience', async () => {
    const d = await svc().start(MANAGER, 'broadcast');
    if (!d.ok) throw new Error(d.code);
    expect(await svc().confirm(MANAGER, d.id, 28, MANAGER)).toMatchObject({ ok: false, code: 'empty' });
    await svc().compose(MANAGER, d.id, text('Hi'));
    expect(await svc().confirm(MANAGER, d.id, 27, MANAGER)).toEqual({
      ok: false,
      code: 'count_changed',
      count: 28,
    });
    await svc().setFilters(MANAGER, d.id, { spentMin: 1000 });
    expect(await svc().confirm(MANAGER, d.id, 0, MANAGER)).toMatchObject({ ok: false, code: 'nobody' });
  });
});

describe('a broadcast', () => {
  it('queues every fan once, keyed per campaign and fan, in class 5 over its lanes; a batch run again adds nobody', async () => {
    const jobsBefore = s.jobs.length;
    const c = await confirmed(MANAGER, 'broadcast');
    expect(s.jobs.slice(jobsBefore).map((j) => j.method)).toEqual(['queueCampaign']);
    expect(await queueAll(c.id)).toBe(1);
    // The job runs again (a restart): nothing more is queued.
    expect(await svc().queueBatch(c.id)).toBe(true);
    const rows = (await s.outboxRows()).filter(
      (r) => r.payload.kind === 'campaign' && r.payload.campaignId === c.id,
    );
    const sends = rows.filter((r) => r.payload.kind === 'campaign' && r.payload.op === 'send');
    expect(sends).toHaveLength(FANS.length - 2);
    expect(new Set(sends.map((r) => r.idempotencyKey)).size).toBe(sends.length);
    expect(sends.every((r) => r.priority === OUTBOX_CLASS.bulk)).toBe(true);
    expect(sends.map((r) => r.chatId)).not.toContain(BLOCKED);
    expect(sends.map((r) => r.chatId)).not.toContain(BANNED);
    expect(new Set(sends.map((r) => r.lane)).size).toBeLessThanOrEqual(CAMPAIGN_SHARDS);
    expect(rows.some((r) => r.payload.kind === 'campaign' && r.payload.op === 'progress')).toBe(true);
    const after = await s.uow.repos.campaigns.get(c.id);
    expect(after).toMatchObject({
      status: 'sending',
      queued: FANS.length - 2,
      queuedAll: true,
      confirmedCount: FANS.length - 2,
    });
  });

  it('pauses (queued sends held), resumes (due again) and cancels (dropped, counted, reported)', async () => {
    const c = await confirmed(MANAGER, 'broadcast');
    await queueAll(c.id);
    expect(await svc().pause(AGENT, c.id)).toEqual({ ok: false, code: 'not_allowed' });
    expect((await svc().pause(MANAGER, c.id)).ok).toBe(true);
    expect(await svc().pause(MANAGER, c.id)).toEqual({ ok: false, code: 'not_running' });
    const held = async () => {
      const res = (await s.db.database.db.execute(
        sql.raw(
          `select count(*) filter (where not_before >= '${HELD_UNTIL.toISOString()}')::int as held, count(*)::int as n from outbox where lane like 'campaign:${c.id}:%' and kind = 'campaign' and status = 'pending' and lane <> 'campaign:${c.id}:progress'`,
        ),
      )) as { rows: Array<{ held: number; n: number }> };
      return res.rows[0]!;
    };
    expect(await held()).toEqual({ held: FANS.length - 2, n: FANS.length - 2 });
    expect((await svc().resume(MANAGER, c.id)).ok).toBe(true);
    expect((await held()).held).toBe(0);
    const cancelled = await svc().cancel(MANAGER, c.id);
    expect(cancelled.ok && cancelled.campaign).toMatchObject({
      status: 'cancelled',
      skipped: FANS.length - 2,
    });
    expect(await svc().resume(MANAGER, c.id)).toEqual({ ok: false, code: 'not_running' });
    const rows = await s.outboxRows();
    expect(rows.filter((r) => r.idempotencyKey === `campaign:${c.id}:report`)).toHaveLength(1);
    expect((await held()).n).toBe(1 - 1);
  });
});

describe('a mass gift', () => {
  it('writes one gift entry per fan keyed per campaign; a batch run again gifts nobody twice', async () => {
    const before = await s.user(FANS[5]!);
    const c = await confirmed(OWNER_ID, 'gift', { credits: 7 });
    await queueAll(c.id);
    expect(await svc().queueBatch(c.id)).toBe(true);
    const after = await s.user(FANS[5]!);
    expect(after!.creditBalance - before!.creditBalance).toBe(7);
    const res = (await s.db.database.db.execute(
      sql.raw(
        `select count(*)::int as n from ledger_entries where idempotency_key like 'gift:campaign:${c.id}:%'`,
      ),
    )) as { rows: Array<{ n: number }> };
    expect(res.rows[0]!.n).toBe(FANS.length - 2);
    expect(await s.uow.repos.campaigns.get(c.id)).toMatchObject({
      gifted: FANS.length - 2,
      queued: FANS.length - 2,
    });
    const history = await svc().history(OWNER_ID, 'gift', 0, 8);
    expect(history.ok && history.items.map((x) => x.id)).toContain(c.id);
    expect(await svc().history(MANAGER, 'gift', 0, 8)).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('gives a time pass with a zero-credit entry per fan', async () => {
    const c = await confirmed(OWNER_ID, 'gift', { seconds: 3600 });
    await queueAll(c.id);
    const fan = await s.user(FANS[9]!);
    expect(fan!.timePassUntil!.getTime()).toBeGreaterThan(s.clock.now().getTime() + 3500_000);
    const res = (await s.db.database.db.execute(
      sql.raw(
        `select count(*)::int as n, sum(delta)::int as d from ledger_entries where idempotency_key like 'gift:campaign:${c.id}:%'`,
      ),
    )) as { rows: Array<{ n: number; d: number }> };
    expect(res.rows[0]).toEqual({ n: FANS.length - 2, d: 0 });
  });
});
