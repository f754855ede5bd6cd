import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { command, fanUser, groupTopicMessage, privatePhoto, privateText } from '../support/updates.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

const relaysOf = async (userId: number) =>
  (await h.stack.outboxRows()).filter(
    (r) => (r.payload.kind === 'relay.in' || r.payload.kind === 'relay.album') && r.payload.userId === userId,
  );

describe('a fan’s message, in process', () => {
  it('is charged and queued for the topic in one go; the bot itself sends nothing but “typing”', async () => {
    const fan = fanUser(30_001);
    await h.handle(command(fan, '/start'));
    const before = (await h.stack.user(fan.id))!.creditBalance;
    h.reset();
    const update = privateText(fan, 'hello there');
    await h.handle(update);
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before - 1);
    const relays = await relaysOf(fan.id);
    expect(relays).toHaveLength(1);
    expect(relays[0]!.payload).toMatchObject({
      kind: 'relay.in',
      fromChatId: fan.id,
      messageId: update.message!.message_id,
      cost: 1,
    });
    expect(h.calls.map((c) => c.method)).toEqual(['sendChatAction']);
    expect(h.stack.outboxSignals()).toBeGreaterThan(0);
  });

  it("a known fan's message is charged from the row their update read (no lock of its own); a written row is not", async () => {
    const fan = fanUser(30_010);
    const seen: Array<{ version?: string; balance?: number }> = [];
    const accept = h.stack.services.acceptFanMessage;
    h.stack.services.acceptFanMessage = (m) => {
      seen.push({ version: m.seen?.version, balance: m.seen?.user.creditBalance });
      return accept(m);
    };
    try {
      await h.handle(command(fan, '/start'));
      const start = (await h.stack.user(fan.id))!.creditBalance;
      await h.handle(privateText(fan, 'one'));
      await h.handle(privateText(fan, 'two'));
      expect(seen).toHaveLength(2);
      expect(seen.map((x) => x.balance)).toEqual([start, start - 1]);
      // Each charge wrote the row: the next update read a new version.
      expect(seen[0]!.version).toMatch(/^\d+$/);
      expect(seen[1]!.version).not.toBe(seen[0]!.version);
      expect((await h.stack.user(fan.id))!.creditBalance).toBe(start - 2);
      // A new name is written by the update's start: that update's charge locks the row as it is.
      await h.handle(privateText({ ...fan, first_name: 'Renamed' }, 'three'));
      expect(seen[2]).toEqual({ version: undefined, balance: undefined });
      expect((await h.stack.user(fan.id))!.creditBalance).toBe(start - 3);
    } finally {
      h.stack.services.acceptFanMessage = accept;
    }
  });

  it('the same update delivered twice is charged and relayed once', async () => {
    const fan = fanUser(30_002);
    await h.handle(command(fan, '/start'));
    const before = (await h.stack.user(fan.id))!.creditBalance;
    const update = privateText(fan, 'twice?');
    await h.handle(update);
    await h.handle(update);
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before - 1);
    expect(await relaysOf(fan.id)).toHaveLength(1);
  });

  it('without enough credits: refused in reply to the message, with a buy button, nothing charged', async () => {
    const fan = fanUser(30_003);
    await h.handle(command(fan, '/start'));
    const before = (await h.stack.user(fan.id))!.creditBalance;
    expect(before).toBeLessThan(5); // the new-fan bonus does not cover a voice message (5)
    h.reset();
    const update = privateText(fan, 'x');
    // Spend the bonus down to zero first.
    for (let i = 0; i < before; i++) await h.handle(privateText(fan, `m${i}`));
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(0);
    h.reset();
    await h.handle(update);
    const refusal = h.sentTo(fan.id);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.payload.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
    expect(h.keyboard(fan.id).length).toBeGreaterThan(0);
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(0);
    expect(await relaysOf(fan.id)).toHaveLength(before);
  });

  it('with an active pass: free, still relayed', async () => {
    const fan = fanUser(30_004);
    await h.handle(command(fan, '/start'));
    await h.stack.setPass(fan.id, new Date(h.stack.clock.now().getTime() + 3600_000));
    const before = (await h.stack.user(fan.id))!.creditBalance;
    await h.handle(privatePhoto(fan));
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before);
    expect(await relaysOf(fan.id)).toHaveLength(1);
  });

  it('a banned fan is told so in reply; nothing is charged or relayed', async () => {
    const fan = fanUser(30_005);
    await h.handle(command(fan, '/start'));
    await h.stack.grant(fan.id, 50);
    await h.stack.uow.repos.users.setBanned(fan.id, true);
    const before = (await h.stack.user(fan.id))!.creditBalance;
    h.reset();
    const update = privateText(fan, 'let me in');
    await h.handle(update);
    const sent = h.sentTo(fan.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before);
    expect(await relaysOf(fan.id)).toHaveLength(0);
  });

  it('a banned fan can still read /help and /balance', async () => {
    const fan = fanUser(30_006);
    await h.handle(command(fan, '/start'));
    await h.stack.uow.repos.users.setBanned(fan.id, true);
    await h.handle(command(fan, '/help'));
    expect(h.lastText(fan.id)).toBe(en('help-text'));
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).toContain(en('balance-title'));
  });
});

describe('the admin group, in process', () => {
  it('a member who is not on the team writing in a fan’s topic is ignored: no call, no outbox row', async () => {
    const stranger = fanUser(30_101, { first_name: 'Stranger' });
    const rows = (await h.stack.outboxRows()).length;
    await h.handle(groupTopicMessage(ADMIN_GROUP_ID, 77, stranger, 'psst, hello fan'));
    expect(h.calls).toEqual([]);
    expect(await h.stack.outboxRows()).toHaveLength(rows);
  });

  it('a message in the General topic is not a reply to anyone, even from an owner', async () => {
    const owner = fanUser(OWNER_ID, { first_name: 'Owner' });
    const rows = (await h.stack.outboxRows()).length;
    await h.handle({
      update_id: 990_000_101,
      message: {
        message_id: 4242,
        date: Math.floor(Date.now() / 1000),
        chat: { id: ADMIN_GROUP_ID, type: 'supergroup', title: 'Inbox', is_forum: true },
        from: owner,
        text: 'hello team',
      },
    });
    expect(h.calls).toEqual([]);
    expect(await h.stack.outboxRows()).toHaveLength(rows);
  });
});

describe('before the admin group is set up', () => {
  let early: BotHarness;
  beforeAll(async () => {
    early = await createBotHarness({ adminGroupId: null });
  });
  afterAll(() => early.dispose());

  it('a fan’s message is refused politely, nothing is charged, and the owner hears once', async () => {
    const fan = fanUser(30_201);
    await early.handle(command(fan, '/start'));
    const before = (await early.stack.user(fan.id))!.creditBalance;
    early.reset();
    await early.handle(privateText(fan, 'anyone?'));
    await early.handle(privatePhoto(fan));
    expect(early.sentTo(fan.id)).toHaveLength(2);
    expect(early.sentTo(OWNER_ID)).toHaveLength(1);
    expect(String(early.sentTo(OWNER_ID)[0]!.payload.text)).toMatch(/\/setup/);
    expect((await early.stack.user(fan.id))!.creditBalance).toBe(before);
    expect(await early.stack.outboxRows()).toEqual([]);
  });
});
