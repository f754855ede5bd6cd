import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * Search on a real unit of work: relayed texts kept by the ingest statements (both ways), found by full
 * text with the fan and the message's place in its topic; the retention (the daily job, and 0 = none
 * kept), a fan's "delete my data"; payments by every filter; and the refusals.
 */
let s: ServiceStack;
const MANAGER = 52_001;
const AGENT = 52_002;
const STRANGER = 52_003;
const [ann, ben] = [52_101, 52_102];
const THREAD = 310;
let msg = 100;

/** A fan's message through the real relay use case (charged, queued, logged). */
async function fanSays(userId: number, text: string | undefined, type = 'text') {
  const res = await s.services.acceptFanMessage({ userId, chatId: userId, messageId: ++msg, type, text });
  expect(res.ok).toBe(true);
  return msg;
}

const db = () => s.db.database.db;
const kept = async () =>
  (
    (await db().execute(sql`select direction, type, text from message_log order by id`)) as {
      rows: Array<{ direction: string; type: string; text: string | null }>;
    }
  ).rows;

beforeAll(async () => {
  s = await createServiceStack();
  const r = s.uow.repos;
  const now = s.clock.now();
  await r.team.set({ userId: MANAGER, role: 'manager', addedBy: OWNER_ID }, now);
  await r.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, now);
  await s.ensureFan(ann, { firstName: 'Ann' });
  await s.ensureFan(ben, { firstName: 'Ben' });
  await s.grant(ann, 100);
  await s.grant(ben, 100);
});
afterAll(() => s?.dispose());

describe('the message log', () => {
  it('keeps the text or caption of each relayed message, both ways, in the ingest statements', async () => {
    const first = await fanSays(ann, 'Where is my order? Привет из Москвы');
    await fanSays(ann, undefined, 'sticker');
    await fanSays(ben, 'A photo of the ORDER form', 'photo');
    // The copy in the topic, as the sender records it when it is delivered.
    await s.uow.repos.links.add({
      userId: ann,
      direction: 'in',
      fanChatId: ann,
      fanMessageId: first,
      groupChatId: ADMIN_GROUP_ID,
      groupThreadId: THREAD,
      groupMessageId: 5001,
      adminId: null,
    });
    await s.uow.repos.topics.setThread(ann, THREAD, 'Ann');
    const reply = await s.services.acceptAdminMessage({
      groupId: ADMIN_GROUP_ID,
      threadId: THREAD,
      messageId: 5002,
      adminId: MANAGER,
      replyToMessageId: null,
      type: 'text',
      text: 'Your order ships tomorrow',
    });
    expect(reply.ok).toBe(true);
    expect(await kept()).toEqual([
      { direction: 'in', type: 'text', text: 'Where is my order? Привет из Москвы' },
      { direction: 'in', type: 'sticker', text: null },
      { direction: 'in', type: 'photo', text: 'A photo of the ORDER form' },
      { direction: 'out', type: 'text', text: 'Your order ships tomorrow' },
    ]);
  });

  it('finds messages by their words (any case, any language), newest first, with their place in the topic', async () => {
    const res = await s.services.search.messages(AGENT, '  order ');
    if (!res.ok) throw new Error(res.code);
    expect(res.hits.map((h) => [h.userId, h.direction, h.groupId, h.threadId, h.groupMessageId])).toEqual([
      [ann, 'out', ADMIN_GROUP_ID, THREAD, 5002],
      [ben, 'in', null, null, null], // not delivered yet: no place in a topic
      [ann, 'in', ADMIN_GROUP_ID, THREAD, 5001],
    ]);
    expect(res.hits[2]).toMatchObject({ fanName: 'Ann', type: 'text' });
    const ru = await s.services.search.messages(AGENT, 'москвы');
    expect(ru.ok && ru.hits.map((h) => h.userId)).toEqual([ann]);
    const phrase = await s.services.search.messages(AGENT, '"order form" -ships');
    expect(phrase.ok && phrase.hits.map((h) => h.userId)).toEqual([ben]);
    // The member's query is kept: a page of it again.
    const again = await s.services.search.messagesAgain(AGENT, 0);
    expect(again.ok && again.query).toBe('"order form" -ships');
  });

  it('searches through the GIN index when scans are off', async () => {
    await db().execute(sql`set enable_seqscan = off`);
    const res = (await db().execute(
      sql`explain select id from message_log
          where text is not null and to_tsvector('simple', text) @@ websearch_to_tsquery('simple', 'order')`,
    )) as { rows: Array<Record<string, string>> };
    await db().execute(sql`set enable_seqscan = on`);
    expect(res.rows.map((r) => Object.values(r)[0]).join('\n')).toContain('message_log_text_fts');
  });

  it('refuses an empty or overlong query, and anyone off the team', async () => {
    expect(await s.services.search.messages(AGENT, ' !? ')).toEqual({ ok: false, code: 'empty' });
    expect(await s.services.search.messages(AGENT, 'x'.repeat(201))).toEqual({ ok: false, code: 'too_long' });
    expect(await s.services.search.messages(STRANGER, 'order')).toEqual({ ok: false, code: 'not_allowed' });
    expect(await s.services.search.messagesAgain(MANAGER, 0)).toEqual({ ok: false, code: 'none' });
  });

  it('forgets a fan: their texts both ways are cleared, the rows (type, time) stay', async () => {
    expect(await s.services.search.forgetFan(ann)).toBe(2);
    const res = await s.services.search.messages(AGENT, 'order');
    expect(res.ok && res.hits.map((h) => h.userId)).toEqual([ben]);
    expect((await kept()).length).toBe(4);
  });

  it('clears texts past the retention setting, and keeps none at 0', async () => {
    expect(await s.services.search.pruneMessageTexts()).toEqual({ cleared: 0, retentionDays: 90 });
    s.clock.advance(91 * 86_400_000);
    expect(await s.services.search.pruneMessageTexts()).toEqual({ cleared: 1, retentionDays: 90 });
    await s.uow.repos.settings.set('search_retention_days', 0, OWNER_ID);
    await fanSays(ben, 'not kept');
    expect((await kept()).at(-1)).toEqual({ direction: 'in', type: 'text', text: null });
    await s.uow.repos.settings.set('search_retention_days', 90, OWNER_ID);
  });
});

describe('payment search', () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const r = s.uow.repos;
    await s.uow.repos.users.upsert({ id: 52_200, firstName: 'Rita', username: 'rita_fan' }, s.clock.now());
    const pack = (await r.products.listActive()).find((p) => p.kind === 'credits')!;
    const make = async (
      name: string,
      o: { user: number; rail: 'stars' | 'stripe'; amount: number; at: string },
    ) => {
      const p = await r.payments.create({
        userId: o.user,
        productId: pack.id,
        rail: o.rail,
        amount: o.amount,
        currency: o.rail === 'stars' ? 'XTR' : 'eur',
        kind: 'credits',
        quantity: 10,
      });
      await db().execute(sql`update payments set created_at = ${o.at}::timestamptz where id = ${p.id}`);
      await r.payments.markPaid(p.id, `c-${name}`, new Date(o.at));
      ids[name] = p.id;
    };
    await make('starsSmall', { user: 52_200, rail: 'stars', amount: 5, at: '2026-02-01T10:00:00Z' });
    await make('starsBig', { user: 52_200, rail: 'stars', amount: 500, at: '2026-02-02T10:00:00Z' });
    await make('card', { user: ben, rail: 'stripe', amount: 999, at: '2026-02-01T23:30:00Z' });
    await r.payments.markRefunded(ids.starsBig!, new Date('2026-02-03T00:00:00Z'));
  });
  const found = async (query: string, who = MANAGER) => {
    const res = await s.services.search.payments(who, query);
    if (!res.ok) return res;
    return res.result.rows.map((p) => p.id).sort((a, b) => a - b);
  };

  it('by id, fan, amount in the payment’s own currency, rail and status, combined', async () => {
    expect(await found(`#${ids.card}`)).toEqual([ids.card]);
    expect(await found('@rita_fan')).toEqual([ids.starsSmall, ids.starsBig]);
    expect(await found(`fan:${ben}`)).toEqual([ids.card]);
    // 9.99 € is within 5–10; 5 Stars too; 500 Stars is not.
    expect(await found('5-10')).toEqual([ids.starsSmall, ids.card]);
    expect(await found('>=9.99 card')).toEqual([ids.card]);
    expect(await found('stars refunded')).toEqual([ids.starsBig]);
    expect(await found('@rita_fan paid <=100')).toEqual([ids.starsSmall]);
  });

  it('by local days of the timezone setting, both ends included', async () => {
    expect(await found('2026-02-01')).toEqual([ids.starsSmall, ids.card]);
    await s.uow.repos.settings.set('timezone', 'Europe/Madrid', OWNER_ID);
    // 23:30 UTC on Feb 1 is 00:30 on Feb 2 in Madrid.
    expect(await found('2026-02-01')).toEqual([ids.starsSmall]);
    expect(await found('2026-02-02..2026-02-02')).toEqual([ids.starsBig, ids.card]);
    await s.uow.repos.settings.set('timezone', 'UTC', OWNER_ID);
    const again = await s.services.search.paymentsAgain(MANAGER, 0);
    expect(again.ok && again.query).toEqual({ dateFrom: '2026-02-02', dateTo: '2026-02-02' });
  });

  it('refuses what it cannot read, an unknown fan, and a member without stats.view', async () => {
    expect(await found('hello')).toEqual({ ok: false, code: 'unknown', word: 'hello' });
    expect(await found('@nobody_here')).toEqual({ ok: false, code: 'unknown_fan', username: 'nobody_here' });
    expect(await found('paid', AGENT)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await s.services.search.paymentsAgain(AGENT, 0)).toEqual({ ok: false, code: 'not_allowed' });
  });
});
