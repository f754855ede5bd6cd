import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_PER_DAY } from '../../src/app/relay/support.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

let nextMessage = 100;
const message = (userId: number, type = 'text', extra: { mediaGroupId?: string } = {}) => ({
  userId,
  chatId: userId,
  messageId: ++nextMessage,
  type,
  ...extra,
});
const rowsFor = async (userId: number) =>
  (await s.outboxRows()).filter((r) => 'userId' in r.payload && r.payload.userId === userId);

describe('relay: what a fan’s message costs', () => {
  it('charges the price of its type and queues the relay into the fan’s topic', async () => {
    await s.ensureFan(2001);
    await s.grant(2001, 10);
    const before = (await s.user(2001))!.creditBalance;
    const m = message(2001, 'photo');
    const res = await s.services.acceptFanMessage(m);
    expect(res).toMatchObject({ ok: true, duplicate: false, cost: 3, free: false, balance: before - 3 });
    expect((await s.user(2001))!.creditBalance).toBe(before - 3);
    const relay = (await rowsFor(2001)).find((r) => r.payload.kind === 'relay.in')!;
    expect(relay.payload).toMatchObject({ fromChatId: 2001, messageId: m.messageId, cost: 3 });
    expect(relay.lane).toContain('2001');
  });

  it('the same message accepted twice is charged once', async () => {
    await s.ensureFan(2002);
    const m = message(2002);
    const first = await s.services.acceptFanMessage(m);
    const again = await s.services.acceptFanMessage(m);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toEqual({ ok: true, duplicate: true });
    expect((await rowsFor(2002)).filter((r) => r.payload.kind === 'relay.in')).toHaveLength(1);
  });

  it('refuses without enough credits, saying the cost and the balance; nothing is charged or queued', async () => {
    await s.ensureFan(2003);
    const balance = (await s.user(2003))!.creditBalance;
    const res = await s.services.acceptFanMessage(message(2003, 'voice'));
    expect(res).toEqual({ ok: false, code: 'insufficient_credits', cost: 5, balance });
    expect((await s.user(2003))!.creditBalance).toBe(balance);
    expect(await rowsFor(2003)).toEqual([]);
  });

  it('an active pass makes messages free; an expired one does not', async () => {
    await s.ensureFan(2004);
    await s.setPass(2004, new Date(s.clock.now().getTime() + 60_000));
    const before = (await s.user(2004))!.creditBalance;
    expect(await s.services.acceptFanMessage(message(2004, 'voice'))).toMatchObject({
      ok: true,
      free: true,
      cost: 0,
      balance: before,
    });
    s.clock.advance(60_001);
    expect(await s.services.acceptFanMessage(message(2004, 'voice'))).toMatchObject({
      ok: false,
      code: 'insufficient_credits',
    });
  });

  describe("charged from the fan's row as the update read it", () => {
    const read = async (userId: number) => {
      const row = (await s.uow.repos.users.lookup(userId, 0))!;
      return { user: row.user, version: row.version };
    };

    it('while the row is unchanged: the same charge, result and relay as through the lock', async () => {
      await s.ensureFan(2011);
      await s.grant(2011, 10);
      const before = (await s.user(2011))!.creditBalance;
      const m = { ...message(2011, 'photo'), seen: await read(2011) };
      expect(await s.services.acceptFanMessage(m)).toEqual({
        ok: true,
        duplicate: false,
        cost: 3,
        free: false,
        balance: before - 3,
      });
      expect((await s.user(2011))!.creditBalance).toBe(before - 3);
      expect((await s.user(2011))!.lifetimeSpent).toBe(3);
      expect((await rowsFor(2011)).filter((r) => r.payload.kind === 'relay.in')).toHaveLength(1);
      // Redelivered, with a read from before or after the charge: charged once.
      expect(await s.services.acceptFanMessage(m)).toEqual({ ok: true, duplicate: true });
      expect(await s.services.acceptFanMessage({ ...m, seen: await read(2011) })).toEqual({
        ok: true,
        duplicate: true,
      });
      expect((await s.user(2011))!.creditBalance).toBe(before - 3);
    });

    it('a read gone stale is not charged from: fewer credits now refuse, more credits now pay', async () => {
      await s.ensureFan(2012);
      await s.grant(2012, 10);
      const rich = await read(2012);
      // Spent elsewhere since the read, down to 2 credits.
      const spent = (await s.user(2012))!.creditBalance - 2;
      await s.uow.run((r) =>
        r.ledger.apply({
          userId: 2012,
          delta: -spent,
          reason: 'spend',
          idempotencyKey: 'elsewhere:2012',
          actor: 'test',
        }),
      );
      expect(await s.services.acceptFanMessage({ ...message(2012, 'voice'), seen: rich })).toEqual({
        ok: false,
        code: 'insufficient_credits',
        cost: 5,
        balance: 2,
      });
      expect((await s.user(2012))!.creditBalance).toBe(2);
      // Too poor as read, topped up since: charged from the balance as it is.
      const poor = await read(2012);
      await s.grant(2012, 10);
      expect(await s.services.acceptFanMessage({ ...message(2012, 'voice'), seen: poor })).toMatchObject({
        ok: true,
        cost: 5,
        balance: 7,
      });
      // A read of another fan's row is not used for this one.
      await s.ensureFan(2013);
      expect(
        await s.services.acceptFanMessage({ ...message(2012, 'text'), seen: await read(2013) }),
      ).toMatchObject({
        ok: true,
        balance: 6,
      });
      expect((await s.user(2012))!.creditBalance).toBe(6);
    });

    it("the message is noted on the fan's topic once, whichever way it was charged; a redelivery notes nothing", async () => {
      await s.ensureFan(2014);
      await s.grant(2014, 20);
      const noted = async () => {
        const { rows } = (await s.db.database.db.execute(
          sql`select t.unread, (select array_agg(m.message_id order by m.id) from message_log m where m.user_id = t.user_id) as logged
                from fan_topics t where t.user_id = 2014`,
        )) as { rows: { unread: number; logged: number[] | null }[] };
        return { unread: Number(rows[0]?.unread ?? 0), logged: (rows[0]?.logged ?? []).map(Number) };
      };
      // The first message reserves the topic (through the lock), the second goes as read, the third with a
      // read gone stale (through the lock again).
      const first = message(2014);
      await s.services.acceptFanMessage(first);
      const second = { ...message(2014), seen: await read(2014) };
      expect(await s.services.acceptFanMessage(second)).toMatchObject({ ok: true, duplicate: false });
      const stale = await read(2014);
      await s.grant(2014, 1);
      const third = { ...message(2014), seen: stale };
      expect(await s.services.acceptFanMessage(third)).toMatchObject({ ok: true, duplicate: false });
      const ids = [first, second, third].map((m) => m.messageId);
      expect(await noted()).toEqual({ unread: 3, logged: ids });
      // Redelivered, as read or not: charged and noted once.
      expect(await s.services.acceptFanMessage({ ...second, seen: await read(2014) })).toEqual({
        ok: true,
        duplicate: true,
      });
      expect(await s.services.acceptFanMessage(third)).toEqual({ ok: true, duplicate: true });
      expect(await noted()).toEqual({ unread: 3, logged: ids });
    });
  });

  it('a banned fan is refused, even with a pass', async () => {
    await s.ensureFan(2005);
    await s.grant(2005, 20);
    await s.setPass(2005, new Date(s.clock.now().getTime() + 3600_000));
    await s.uow.repos.users.setBanned(2005, true);
    expect(await s.services.acceptFanMessage(message(2005))).toEqual({ ok: false, code: 'banned' });
  });

  it('a type the creator does not take is refused with the list of those it takes', async () => {
    await s.ensureFan(2006);
    const res = await s.services.acceptFanMessage(message(2006, 'poll'));
    expect(res).toMatchObject({ ok: false, code: 'unsupported_type' });
    if (!res.ok && res.code === 'unsupported_type')
      expect(res.allowed).toContainEqual({ type: 'text', cost: 1 });
  });

  it('an album item is charged and buffered; the album is flushed by a job later', async () => {
    await s.ensureFan(2007);
    await s.grant(2007, 10);
    const jobs = s.jobs.length;
    const res = await s.services.acceptFanMessage(message(2007, 'photo', { mediaGroupId: 'album-1' }));
    expect(res).toMatchObject({ ok: true, cost: 3 });
    expect(s.jobs.slice(jobs).map((j) => j.method)).toContain('flushAlbumLater');
  });
});

describe('relay: before the admin group is set up', () => {
  let early: ServiceStack;
  beforeAll(async () => {
    early = await createServiceStack({ adminGroupId: null });
  });
  afterAll(() => early.dispose());

  it('nothing is accepted, nothing is charged', async () => {
    await early.ensureFan(2101);
    const before = (await early.user(2101))!.creditBalance;
    expect(await early.services.acceptFanMessage(message(2101))).toEqual({ ok: false, code: 'not_open' });
    expect((await early.user(2101))!.creditBalance).toBe(before);
  });

  it('a payment-support message goes to the owners privately', async () => {
    await early.ensureFan(2102);
    const res = await early.services.support.send({ userId: 2102, chatId: 2102, messageId: 1, text: 'help' });
    expect(res).toEqual({ ok: true, status: 'sent' });
    const chats = (await early.outboxRows()).map((r) => r.chatId);
    expect(chats).toContain(OWNER_ID);
  });
});

describe('support: payment help, free, a few a day', () => {
  it(`relays up to ${SUPPORT_PER_DAY} a day free of charge, then refuses until a day has passed`, async () => {
    await s.ensureFan(2201);
    const before = (await s.user(2201))!.creditBalance;
    for (let i = 0; i < SUPPORT_PER_DAY; i++)
      expect(
        await s.services.support.send({ userId: 2201, chatId: 2201, messageId: 500 + i, text: `#${i}` }),
      ).toEqual({ ok: true, status: 'sent' });
    expect(
      await s.services.support.send({ userId: 2201, chatId: 2201, messageId: 600, text: 'more' }),
    ).toEqual({
      ok: false,
      code: 'limit',
      perDay: SUPPORT_PER_DAY,
    });
    expect(await s.services.support.await(2201)).toMatchObject({ ok: false, code: 'limit' });
    expect((await s.user(2201))!.creditBalance).toBe(before);
    const relays = (await rowsFor(2201)).filter((r) => r.payload.kind === 'relay.in');
    expect(relays).toHaveLength(SUPPORT_PER_DAY);
    expect(
      relays.every((r) => r.payload.kind === 'relay.in' && r.payload.cost === 0 && r.payload.support),
    ).toBe(true);
    expect(relays[0]!.payload).toMatchObject({ support: { text: '#0' } });
    s.clock.advance(86_400_001);
    expect(
      await s.services.support.send({ userId: 2201, chatId: 2201, messageId: 700, text: 'again' }),
    ).toMatchObject({ ok: true });
  });

  it('a bare /paysupport waits for the next message, which is then taken as support (once)', async () => {
    await s.ensureFan(2202);
    expect(await s.services.support.await(2202)).toEqual({ ok: true, status: 'waiting' });
    const user = (await s.user(2202))!;
    expect(user.supportRequestedAt).not.toBeNull();
    const m = { userId: 2202, chatId: 2202, messageId: 900, caption: 'receipt' };
    expect(await s.services.support.takeAwaited(m, user)).toEqual({ ok: true, status: 'sent' });
    expect((await s.user(2202))!.supportRequestedAt).toBeNull();
    expect(await s.services.support.takeAwaited({ ...m, messageId: 901 }, await s.user(2202))).toBeNull();
    const relay = (await rowsFor(2202)).find((r) => r.payload.kind === 'relay.in')!;
    expect(relay.payload).toMatchObject({ support: { caption: 'receipt' }, cost: 0 });
  });

  it('the wait ends after a while: a late message is an ordinary one', async () => {
    await s.ensureFan(2203);
    await s.services.support.await(2203);
    s.clock.advance(16 * 60_000);
    const user = await s.user(2203);
    expect(
      await s.services.support.takeAwaited({ userId: 2203, chatId: 2203, messageId: 1 }, user),
    ).toBeNull();
  });

  it('a support message for an unknown fan is refused', async () => {
    expect(await s.services.support.send({ userId: 2999, chatId: 2999, messageId: 1, text: '?' })).toEqual({
      ok: false,
      code: 'unknown_fan',
    });
  });

  it('the support relay goes to the admin group', async () => {
    await s.ensureFan(2204);
    await s.services.support.send({ userId: 2204, chatId: 2204, messageId: 1, text: 'x' });
    const relay = (await rowsFor(2204)).find((r) => r.payload.kind === 'relay.in')!;
    expect(relay.chatId).toBe(ADMIN_GROUP_ID);
  });
});
