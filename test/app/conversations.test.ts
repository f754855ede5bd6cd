import { readdirSync, readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseTimesQuery } from '../../src/db/repos/conversations.ts';
import { auditLog, fanTopics, firstResponses, messageLinks } from '../../src/db/schema/index.ts';
import { seedConversation } from '../support/conversations.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { createServiceStack, testClock, type ServiceStack } from '../support/services.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const MANAGER = 41_001;
const AGENT = 41_002;
const STRANGER = 41_003;

let s: ServiceStack;
const c = () => s.services.conversations;

beforeAll(async () => {
  s = await createServiceStack({ clock: testClock(NOW) });
  await s.uow.repos.team.set({ userId: MANAGER, role: 'manager', addedBy: OWNER_ID }, NOW);
  await s.uow.repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, NOW);
  await s.ensureFan(AGENT, { firstName: 'Ana' });
  // 501 waits (2 messages, the first 30 min ago); 502 was answered; 503 is closed; 504 is priority and
  // pinned and waits; 505 is assigned to the agent; 506 has no topic yet (not a conversation).
  await seedConversation(s, { id: 501, name: 'Wendy', thread: 11, fanAt: [ago(30 * MIN), ago(20 * MIN)] });
  await seedConversation(s, {
    id: 502,
    name: 'Arno',
    thread: 12,
    fanAt: [ago(90 * MIN)],
    answeredAt: ago(80 * MIN),
  });
  await seedConversation(s, {
    id: 503,
    name: 'Cleo',
    thread: 13,
    fanAt: [ago(3 * DAY)],
    answeredAt: ago(2 * DAY),
    closed: true,
  });
  await seedConversation(s, {
    id: 504,
    name: 'Pia',
    thread: 14,
    fanAt: [ago(5 * MIN)],
    priority: true,
    pinned: true,
  });
  await seedConversation(s, {
    id: 505,
    name: 'Mina',
    thread: 15,
    fanAt: [ago(10 * MIN)],
    answeredAt: ago(9 * MIN),
    assignee: AGENT,
  });
  await s.ensureFan(506, { firstName: 'Nobody' });
});
afterAll(() => s.dispose());

const ids = (res: Awaited<ReturnType<ReturnType<typeof c>['list']>>) =>
  res.ok ? res.rows.map((r) => r.userId) : res;

describe('lists', () => {
  it('open: not closed; pinned first, then priority, then the latest fan message', async () => {
    expect(ids(await c().list(OWNER_ID, 'open', 0))).toEqual([504, 505, 501, 502]);
  });

  it('unread: fans whose messages are newer than the last answer (the inbox count), longest wait first', async () => {
    const res = await c().list(AGENT, 'unread', 0);
    expect(ids(res)).toEqual([501, 504]);
    expect(res.ok && res.rows[0]!.unread).toBe(2);
    expect(res.ok && res.rows[0]!.waitingSince).toEqual(ago(30 * MIN));
  });

  it('priority, pinned, and mine (what is assigned to whoever asks)', async () => {
    expect(ids(await c().list(OWNER_ID, 'priority', 0))).toEqual([504]);
    expect(ids(await c().list(OWNER_ID, 'pinned', 0))).toEqual([504]);
    expect(ids(await c().list(AGENT, 'mine', 0))).toEqual([505]);
    expect(ids(await c().list(OWNER_ID, 'mine', 0))).toEqual([]);
    const mine = await c().list(AGENT, 'mine', 0);
    expect(mine.ok && mine.names).toEqual({ [AGENT]: 'Ana' });
  });

  it('links point at the topic (t.me/c/<internal id>/<thread>)', async () => {
    const res = await c().list(OWNER_ID, 'priority', 0);
    expect(res.ok && res.rows[0]!.link).toBe('https://t.me/c/1234567890/14');
  });

  it('counts each list in one go', async () => {
    const res = await c().overview(AGENT);
    expect(res.ok && res.counts).toEqual({ open: 4, unread: 2, priority: 1, pinned: 1, mine: 1 });
    expect(res.ok && res.canManage).toBe(false);
  });

  it('pages 8 at a time; a page past the end shows the last', async () => {
    const t = await createServiceStack({ clock: testClock(NOW) });
    try {
      for (let i = 0; i < 19; i++)
        await seedConversation(t, {
          id: 600 + i,
          name: `F${i}`,
          thread: 100 + i,
          fanAt: [ago((i + 1) * MIN)],
        });
      const p0 = await t.services.conversations.list(OWNER_ID, 'open', 0);
      expect(p0.ok && [p0.total, p0.pages, p0.rows.length]).toEqual([19, 3, 8]);
      expect(ids(p0)).toEqual([600, 601, 602, 603, 604, 605, 606, 607]);
      const last = await t.services.conversations.list(OWNER_ID, 'open', 99);
      expect(last.ok && [last.page, ...last.rows.map((r) => r.userId)]).toEqual([2, 616, 617, 618]);
    } finally {
      await t.dispose();
    }
  });
});

describe('managing', () => {
  const audits = (userId: number) =>
    s.db.database.db
      .select({ actorId: auditLog.actorId, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.userId, userId))
      .orderBy(auditLog.id);

  it('priority and pin are set and cleared, audited once per change', async () => {
    expect(await c().setFlag(MANAGER, 502, 'priority', true)).toEqual({ ok: true, changed: true });
    expect(await c().setFlag(MANAGER, 502, 'priority', true)).toEqual({ ok: true, changed: false });
    expect(await c().setFlag(MANAGER, 502, 'pinned', true)).toEqual({ ok: true, changed: true });
    expect(ids(await c().list(OWNER_ID, 'pinned', 0))).toEqual([504, 502]);
    expect(await c().setFlag(MANAGER, 502, 'pinned', false)).toEqual({ ok: true, changed: true });
    expect(await c().setFlag(MANAGER, 502, 'priority', false)).toEqual({ ok: true, changed: true });
    expect(ids(await c().list(OWNER_ID, 'priority', 0))).toEqual([504]);
    expect((await audits(502)).map((a) => [a.action, a.details])).toEqual([
      ['conversation_priority', { value: true }],
      ['conversation_pin', { value: true }],
      ['conversation_pin', { value: false }],
      ['conversation_priority', { value: false }],
    ]);
  });

  it('close and reopen go through the existing use case (status, audit, the topic call)', async () => {
    expect(await c().setOpen(MANAGER, 501, false, 'q1')).toEqual({ ok: true, changed: true });
    expect(ids(await c().list(OWNER_ID, 'open', 0))).not.toContain(501);
    expect(await c().setOpen(MANAGER, 501, false, 'q2')).toEqual({ ok: true, changed: false });
    expect(await c().setOpen(MANAGER, 501, true, 'q3')).toEqual({ ok: true, changed: true });
    expect(ids(await c().list(OWNER_ID, 'open', 0))).toContain(501);
    const calls = (await s.outboxRows()).filter((r) => r.idempotencyKey.startsWith('topic-'));
    expect(calls.map((r) => r.idempotencyKey)).toEqual(['topic-close:hub:q1', 'topic-reopen:hub:q3']);
    expect((await audits(501)).map((a) => a.action)).toEqual(['close', 'reopen']);
  });

  it('assigning tells the assignee privately once and is audited; unassigning clears it', async () => {
    expect(await c().assign(MANAGER, 501, AGENT)).toEqual({ ok: true, changed: true });
    expect(await c().assign(MANAGER, 501, AGENT)).toEqual({ ok: true, changed: false });
    const notices = (await s.outboxRows()).filter((r) => r.chatId === AGENT);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.lane).toBe(`alert:${AGENT}`);
    expect(notices[0]!.payload).toMatchObject({
      kind: 'notice',
      text: { key: 'admin-conversations-assigned-notice', args: { fan: 'Wendy' } },
      keyboard: [[{ url: 'https://t.me/c/1234567890/11' }]],
    });
    expect(ids(await c().list(AGENT, 'mine', 0))).toEqual([505, 501]);
    const view = await c().view(AGENT, 501);
    expect(view.ok && view.view.assignee).toEqual({ id: AGENT, name: 'Ana' });
    expect(await s.uow.repos.conversations.assignee(501)).toEqual({ id: AGENT, name: 'Ana' });

    expect(await c().assign(MANAGER, 501, null)).toEqual({ ok: true, changed: true });
    expect(ids(await c().list(AGENT, 'mine', 0))).toEqual([505]);
    expect(await s.uow.repos.conversations.assignee(501)).toBeNull();
    expect(
      (await audits(501)).filter((a) => a.action.includes('assign')).map((a) => [a.action, a.details]),
    ).toEqual([
      ['conversation_assign', { assigneeId: AGENT, previous: null }],
      ['conversation_unassign', { assigneeId: null, previous: AGENT }],
    ]);
    // Self-assignment needs no notice.
    await c().assign(MANAGER, 502, MANAGER);
    expect((await s.outboxRows()).filter((r) => r.chatId === MANAGER)).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('an agent sees the lists and a conversation but cannot manage', async () => {
    expect((await c().view(AGENT, 504)).ok).toBe(true);
    expect(await c().setFlag(AGENT, 504, 'priority', false)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await c().setOpen(AGENT, 504, false, 'x')).toEqual({ ok: false, code: 'not_allowed' });
    expect(await c().assign(AGENT, 504, AGENT)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await c().assignable(AGENT)).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('someone not on the team gets nothing at all', async () => {
    for (const res of [
      await c().overview(STRANGER),
      await c().list(STRANGER, 'open', 0),
      await c().view(STRANGER, 501),
      await c().setFlag(STRANGER, 501, 'pinned', true),
      await c().assign(STRANGER, 501, null),
    ])
      expect(res).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('a fan without a topic, or no fan at all, is unknown; a non-member cannot be assigned', async () => {
    expect(await c().view(OWNER_ID, 506)).toEqual({ ok: false, code: 'unknown' });
    expect(await c().view(OWNER_ID, 999_999)).toEqual({ ok: false, code: 'unknown' });
    expect(await c().setFlag(OWNER_ID, 999_999, 'pinned', true)).toEqual({ ok: false, code: 'unknown' });
    expect(await c().assign(OWNER_ID, 506, AGENT)).toEqual({ ok: false, code: 'unknown' });
    expect(await c().assign(OWNER_ID, 501, STRANGER)).toEqual({ ok: false, code: 'not_assignable' });
    expect(await c().assign(AGENT, 501, STRANGER)).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('the assignment picker lists the team members who can reply', async () => {
    const res = await c().assignable(OWNER_ID);
    expect(res.ok && res.members.map((m) => m.id).sort()).toEqual([OWNER_ID, MANAGER, AGENT].sort());
  });
});

describe('a member leaving the team', () => {
  it('gives their conversations back to the team (unassigned; the cards are rendered again)', async () => {
    const LEAVER = 31_777;
    await s.ensureFan(LEAVER, { firstName: 'Lea' });
    await s.uow.repos.team.set({ userId: LEAVER, role: 'agent', addedBy: OWNER_ID }, NOW);
    await c().assign(OWNER_ID, 502, LEAVER);
    expect(ids(await c().list(LEAVER, 'mine', 0))).toEqual([502]);
    expect((await s.services.team.remove(OWNER_ID, LEAVER)).ok).toBe(true);
    expect(await s.uow.repos.conversations.assignee(502)).toBeNull();
    const [audit] = await s.db.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'team_remove'));
    expect(audit?.details).toMatchObject({ role: 'agent', unassigned: 1 });
  });
});

describe('first-response time', () => {
  it('is measured from the first unanswered fan message to the next admin message, once', async () => {
    const t = await createServiceStack({ clock: testClock(NOW) });
    try {
      await seedConversation(t, { id: 701, name: 'A', thread: 1, fanAt: [ago(50 * MIN), ago(45 * MIN)] });
      const r = t.uow.repos.topics;
      await r.noteAdminMessage(701, ago(40 * MIN), MANAGER);
      await r.noteAdminMessage(701, ago(39 * MIN), MANAGER); // a second answer: no new wait
      const rows = await t.db.database.db.select().from(firstResponses);
      expect(rows.map((x) => [x.userId, x.askedAt, x.answeredAt, x.responseMs, x.adminId])).toEqual([
        [701, ago(50 * MIN), ago(40 * MIN), 10 * MIN, MANAGER],
      ]);
      const topic = await t.uow.repos.conversations.get(701);
      expect([topic!.unread, topic!.waitingSince]).toEqual([0, null]);
    } finally {
      await t.dispose();
    }
  });

  it('p50/p90 over 7 and 30 days (linear interpolation) on seeded answers', async () => {
    const t = await createServiceStack({ clock: testClock(NOW) });
    try {
      // Within 7 days: 1, 2, 3, 4 and 10 minutes; within 30: also 30 s and 60 min; 40 days ago: excluded.
      const answers: Array<[number, number]> = [
        [1 * DAY, 1 * MIN],
        [2 * DAY, 2 * MIN],
        [3 * DAY, 3 * MIN],
        [4 * DAY, 4 * MIN],
        [6 * DAY, 10 * MIN],
        [10 * DAY, 30_000],
        [20 * DAY, 60 * MIN],
        [40 * DAY, 5_000],
      ];
      for (const [i, [when, took]] of answers.entries())
        await seedConversation(t, {
          id: 800 + i,
          name: `R${i}`,
          thread: 200 + i,
          fanAt: [ago(when + took)],
          answeredAt: ago(when),
          adminId: MANAGER,
        });
      const res = await t.services.conversations.overview(OWNER_ID);
      expect(res.ok && res.responseTimes).toEqual({
        // 5 values: p50 = the 3rd; p90 at rank 3.6 = 4 min + 0.6 × 6 min
        days7: { count: 5, p50Ms: 3 * MIN, p90Ms: 456_000 },
        // 7 values: p50 = the 4th (3 min); p90 at rank 5.4 = 10 min + 0.4 × 50 min
        days30: { count: 7, p50Ms: 3 * MIN, p90Ms: 30 * MIN },
      });
    } finally {
      await t.dispose();
    }
  });

  it("the migration's backfill: today's waits, and past answers from the relayed messages", async () => {
    const t = await createServiceStack({ clock: testClock(NOW) });
    try {
      const db = t.db.database.db;
      await seedConversation(t, { id: 901, name: 'B', thread: 9 });
      const t0 = ago(60 * MIN).getTime();
      const at = (min: number) => new Date(t0 + min * MIN);
      let message = 0;
      const link = (direction: 'in' | 'out', min: number) => ({
        userId: 901,
        direction,
        fanChatId: 901,
        fanMessageId: ++message,
        groupChatId: ADMIN_GROUP_ID,
        groupThreadId: 9,
        groupMessageId: 5000 + message,
        adminId: direction === 'out' ? MANAGER : null,
        createdAt: at(min),
      });
      // in, in, out (5 min), out, in, out (20 min), in (waiting since minute 40).
      await db
        .insert(messageLinks)
        .values([
          link('in', 0),
          link('in', 1),
          link('out', 5),
          link('out', 6),
          link('in', 10),
          link('out', 30),
          link('in', 40),
        ]);
      await db
        .update(fanTopics)
        .set({ unread: 1, lastAdminMessageAt: at(30), lastFanMessageAt: at(40), waitingSince: null })
        .where(eq(fanTopics.userId, 901));
      const file = readdirSync('migrations').find((f) => f.endsWith('_conversations.sql'))!;
      const statements = readFileSync(`migrations/${file}`, 'utf8')
        .split('--> statement-breakpoint')
        .filter((x) => x.includes('Hand-written'));
      expect(statements).toHaveLength(2);
      for (const statement of statements) await db.execute(sql.raw(statement));
      const rows = await db.select().from(firstResponses).orderBy(firstResponses.askedAt);
      expect(rows.map((x) => [x.askedAt, x.answeredAt, x.responseMs, x.adminId])).toEqual([
        [at(0), at(5), 5 * MIN, MANAGER],
        [at(10), at(30), 20 * MIN, MANAGER],
      ]);
      expect((await t.uow.repos.conversations.get(901))!.waitingSince).toEqual(at(40));
    } finally {
      await t.dispose();
    }
  });

  it('with nothing answered the percentiles are null', async () => {
    const t = await createServiceStack({ clock: testClock(NOW) });
    try {
      expect(await t.services.conversations.responseTimes()).toEqual({
        days7: { count: 0, p50Ms: null, p90Ms: null },
        days30: { count: 0, p50Ms: null, p90Ms: null },
      });
    } finally {
      await t.dispose();
    }
  });

  it('the query reads the (answered_at, response_ms) index, not the table', async () => {
    const db = s.db.database.db;
    const query = responseTimesQuery([
      { from: ago(7 * DAY), to: NOW },
      { from: ago(30 * DAY), to: NOW },
    ]);
    const plan = await db.transaction(async (tx) => {
      // The tables are tiny here: make a sequential scan unattractive, as it is with a year of answers.
      await tx.execute(sql`set local enable_seqscan = off`);
      const res = (await tx.execute(sql`explain ${query}`)) as { rows: Array<Record<string, string>> };
      return res.rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('first_responses_answered_idx');
    expect(plan).not.toContain('Seq Scan');
  });
});
