import { sql } from 'drizzle-orm';
import { Api } from 'grammy';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { roleCan, type Permission, type Role } from '../../../src/domain/access/index.ts';
import { cardData, disputeBanData, type CARD_ACTIONS } from '../../../src/bot/callback-data/admin.ts';

import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import * as flows from '../../support/flows.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { callbackQuery, fanUser, groupTopicMessage, privateText } from '../../support/updates.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const member = fanUser(900888, { first_name: 'Mallory' });

useApp(
  () =>
    startForumApp({
      renderTimings: { cardIntervalMs: 1500, inboxIntervalMs: 1000, inboxDebounceMs: 200 },
    }),
  (s) => ({ fake, t } = s),
);

const uow = () => createUnitOfWork(t.db.database);
const repliesIn = (threadId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && c.payload.message_thread_id === threadId);
const toFan = (id: number) => fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === id);

const cmd = (threadId: number, text: string, from = owner) => flows.topicCommand(fake, threadId, text, from);
const fanWithTopic = (id: number, name: string) => flows.fanWithTopic(t, fake, id, name);

describe('in-topic commands', () => {
  it('/gift N gives credits once (a gift ledger entry), tells the fan, and confirms', async () => {
    const { fan, threadId } = await fanWithTopic(401, 'Gina');
    const gift = cmd(threadId, '/gift 10');
    await t.post(gift);
    await t.post(gift); // redelivered: still one gift
    expect(await balanceOf(t, fan.id)).toBe(12);
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 10]);
    expect(repliesIn(threadId).at(-1)!.payload.text).toBe(
      en('admin-topic-gifted-credits', { credits: 10, balance: 12 }),
    );
    await eventually(
      () => toFan(fan.id).some((c) => c.payload.text === en('gifts-credits', { credits: 10, balance: 12 })),
      5000,
    );
  });

  it('/gift 2h gives a time pass; bad amounts get a clear answer and change nothing', async () => {
    const { fan, threadId } = await fanWithTopic(402, 'Hugo');
    await t.post(cmd(threadId, '/gift 2h'));
    const user = await uow().repos.users.get(fan.id);
    expect(user!.timePassUntil!.getTime() - Date.now()).toBeGreaterThan(7100_000);
    expect(repliesIn(threadId).at(-1)!.payload.text).toBe(
      en('admin-topic-gifted-pass', { duration: { duration: 7200_000 }, until: user!.timePassUntil! }),
    );
    await t.post(cmd(threadId, '/gift 999999999'));
    expect(repliesIn(threadId).at(-1)!.payload.text).toBe(
      en('admin-topic-failed', { detail: 'between 1 and 100000 credits' }),
    );
    await t.post(cmd(threadId, '/gift lots'));
    expect(repliesIn(threadId).at(-1)!.payload.text).toBe(en('admin-topic-gift-what'));
    expect(await balanceOf(t, fan.id)).toBe(2);
  });

  it("/ban refuses the fan's messages until /unban; /note shows in /info", async () => {
    const { fan, threadId } = await fanWithTopic(403, 'Iris');
    await t.post(cmd(threadId, '/ban'));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(true);
    await t.post(privateText(fan, 'let me in', { fake }));
    expect(toFan(fan.id).at(-1)!.payload.text).toBe(en('relay-banned'));
    await t.post(cmd(threadId, '/unban'));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(false);
    await t.post(cmd(threadId, '/note prefers voice notes'));
    await t.post(cmd(threadId, '/info'));
    const info = repliesIn(threadId).at(-1)!.payload.text as string;
    expect(info).toMatch(
      /Iris[\s\S]*Balance: 2 credits[\s\S]*Messages: 1 from the fan[\s\S]*prefers voice notes/,
    );
  });

  it('/info and the Info button longer than one message arrive in several, each within the limit', async () => {
    const { threadId, cardId } = await fanWithTopic(410, 'Quinn');
    for (let i = 1; i <= 5; i++) {
      const text = `note ${i} <b>&amp;</b> `.padEnd(1000, `${i}`);
      await t.post(cmd(threadId, `/note ${text}`));
    }
    const parts = async (ask: () => Promise<unknown>) => {
      const before = repliesIn(threadId).length;
      await ask();
      return repliesIn(threadId)
        .slice(before)
        .map((c) => fake.message(ADMIN_GROUP_ID, (c.result as { message_id: number }).message_id)!);
    };
    const card = fake.message(ADMIN_GROUP_ID, cardId)!;
    const infoButton = (card.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> })
      .inline_keyboard[0]![0]!.callback_data;
    for (const ask of [
      () => t.post(cmd(threadId, '/info')),
      () => t.post(callbackQuery(owner, infoButton, card)),
    ]) {
      const messages = await parts(ask);
      expect(messages.length).toBeGreaterThanOrEqual(2);
      for (const m of messages) expect([...String(m.text)].length).toBeLessThanOrEqual(4096);
      const text = messages.map((m) => String(m.text)).join('\n');
      expect(text).toMatch(/Quinn[\s\S]*Balance/);
      for (let i = 1; i <= 5; i++) expect(text).toContain(`note ${i} <b>&amp;</b> ${String(i).repeat(10)}`);
      expect(messages.every((m) => m.thread_id === threadId)).toBe(true);
    }
  });

  it("/close closes the topic and the fan's next message reopens it", async () => {
    const { fan, threadId } = await fanWithTopic(404, 'Jon');
    await t.post(cmd(threadId, '/close'));
    await eventually(
      () => fake.topics(ADMIN_GROUP_ID).find((tp) => tp.message_thread_id === threadId)?.closed,
      5000,
      'closed',
    );
    await t.post(privateText(fan, 'are you there?', { fake }));
    await eventually(
      () => fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.from_chat_id === fan.id).length === 2,
      5000,
    );
    expect(fake.topics(ADMIN_GROUP_ID).find((tp) => tp.message_thread_id === threadId)?.closed).toBe(false);
  });

  it("other members' commands do nothing", async () => {
    const { fan, threadId } = await fanWithTopic(405, 'Kai');
    await t.post(cmd(threadId, '/gift 50', member));
    await t.post(cmd(threadId, '/ban', member));
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(false);
  });
});

describe('info card buttons', () => {
  it('Info, Gift and Ban work for admins; anyone else is refused and nothing changes', async () => {
    const { fan, threadId, cardId } = await fanWithTopic(406, 'Lea');
    const card = fake.message(ADMIN_GROUP_ID, cardId)!;
    const buttons = (
      card.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['👤 Info', '🎁 Gift', '🚫 Ban']);
    const [info, gift, ban] = buttons;

    fake.reset();
    await t.post(callbackQuery(member, ban!.callback_data, card));
    expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text).toBe(en('admin-topic-buttons-only'));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(false);

    await t.post(callbackQuery(owner, info!.callback_data, card));
    expect(repliesIn(threadId).at(-1)!.payload.text).toMatch(/Lea[\s\S]*Payments: 0/);

    await t.post(callbackQuery(owner, gift!.callback_data, card));
    const menu = repliesIn(threadId).at(-1)!;
    const giftButtons = (
      menu.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard.flat();
    expect(giftButtons.map((b) => b.text)).toEqual(['+5', '+10', '+25', '+50', '⏳ 1 h', '⏳ 1 d', '⏳ 7 d']);
    const menuMessage = fake.message(ADMIN_GROUP_ID, (menu.result as { message_id: number }).message_id)!;
    const plus25 = callbackQuery(owner, giftButtons[2]!.callback_data, menuMessage);
    await t.post(plus25);
    await t.post(plus25); // a double tap (same callback id) gifts once
    expect(await balanceOf(t, fan.id)).toBe(27);
    await t.post(callbackQuery(member, giftButtons[0]!.callback_data, menuMessage));
    expect(await balanceOf(t, fan.id)).toBe(27);

    await t.post(callbackQuery(owner, ban!.callback_data, card));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(true);
    const flipped = fake.callsTo('editMessageReplyMarkup').at(-1)!;
    expect(JSON.stringify(flipped.payload.reply_markup)).toContain('🔓 Unban');
  });

  it('tampered card data is refused without effect', async () => {
    const { cardId } = await fanWithTopic(407, 'Max');
    const card = fake.message(ADMIN_GROUP_ID, cardId)!;
    for (const data of ['card:ban:abc', 'card:explode:407', 'gift:c:99999999999:407', 'gift:x:5:407']) {
      await t.post(callbackQuery(owner, data, card));
      expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text).toBe(en('admin-topic-expired'));
    }
    expect(await balanceOf(t, 407)).toBe(2);
  });

  it('re-renders the card when the numbers change, throttled', async () => {
    const { fan, cardId } = await fanWithTopic(408, 'Nia');
    const edits = () =>
      fake.callsTo('editMessageText').filter((c) => c.ok && c.payload.message_id === cardId);
    await t.post(privateText(fan, 'two', { fake }));
    await t.post(privateText(fan, 'three', { fake }));
    await eventually(() => edits().length === 1, 5000, 'one card edit');
    expect(edits()[0]!.payload.text).toMatch(/Balance: 0 credits[\s\S]*Total spent: 3 credits/);
    await new Promise((r) => setTimeout(r, 400));
    expect(edits()).toHaveLength(1); // the later change waits for the interval
  });
});

describe('gift menus', () => {
  type Button = { text: string; callback_data: string };
  /** Presses the card's Gift button: the menu message and its buttons by label. */
  async function openGiftMenu(cardId: number, threadId: number) {
    const card = fake.message(ADMIN_GROUP_ID, cardId)!;
    const gift = (card.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard
      .flat()
      .find((b) => b.text === '🎁 Gift')!;
    await t.post(callbackQuery(owner, gift.callback_data, card));
    const sent = repliesIn(threadId).at(-1)!;
    const buttons = (sent.payload.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard.flat();
    const message = fake.message(ADMIN_GROUP_ID, (sent.result as { message_id: number }).message_id)!;
    const data = (label: string) => buttons.find((b) => b.text === label)!.callback_data;
    return { message, data };
  }
  /** Two separate presses (two callback query ids, as a double tap makes). */
  const press = (data: string, message: Parameters<typeof callbackQuery>[2]) =>
    t.post(callbackQuery(owner, data, message));
  const lastAnswer = () => fake.callsTo('answerCallbackQuery').at(-1)!.payload;
  const giftNotice = /^🎁/;
  const giftNotices = (id: number) => toFan(id).filter((c) => giftNotice.test(String(c.payload.text)));

  it('one menu gifts credits once however often it is pressed; a new menu gifts again', async () => {
    const { fan, threadId, cardId } = await fanWithTopic(411, 'Rita');
    const first = await openGiftMenu(cardId, threadId);
    const plus50 = first.data('+50');
    expect(Buffer.byteLength(plus50)).toBeLessThanOrEqual(64);
    await press(plus50, first.message);
    await press(plus50, first.message); // a double tap: a second callback query
    expect(lastAnswer().text).toBe(en('admin-topic-gift-menu-used'));
    await press(first.data('+10'), first.message); // another button of the same menu
    expect(await balanceOf(t, fan.id)).toBe(52);
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 50]);
    await eventually(() => giftNotices(fan.id).length === 1, 5000, 'one gift notice');

    const second = await openGiftMenu(cardId, threadId);
    expect(second.data('+50')).not.toBe(plus50);
    await press(second.data('+50'), second.message);
    expect(await balanceOf(t, fan.id)).toBe(102);
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 50, 50]);
    await eventually(() => giftNotices(fan.id).length === 2, 5000, 'two gift notices');
    await new Promise((r) => setTimeout(r, 300));
    expect(giftNotices(fan.id)).toHaveLength(2);
  });

  it('one menu gifts a time pass once; a new menu extends it again', async () => {
    const { fan, threadId, cardId } = await fanWithTopic(412, 'Sam');
    const passEnd = async () => (await uow().repos.users.get(fan.id))!.timePassUntil!.getTime();
    const first = await openGiftMenu(cardId, threadId);
    await press(first.data('⏳ 1 h'), first.message);
    const end = await passEnd();
    expect(end - Date.now()).toBeGreaterThan(3500_000);
    await press(first.data('⏳ 1 h'), first.message);
    expect(lastAnswer().text).toBe(en('admin-topic-gift-menu-used'));
    await press(first.data('⏳ 1 d'), first.message);
    expect(await passEnd()).toBe(end);

    const second = await openGiftMenu(cardId, threadId);
    await press(second.data('⏳ 1 h'), second.message);
    expect(await passEnd()).toBe(end + 3600_000);
    await eventually(() => giftNotices(fan.id).length === 2, 5000, 'two gift notices');
    expect(giftNotices(fan.id)[0]!.payload.text).toBe(en('gifts-pass', { duration: { duration: 3600_000 } }));
    expect(await balanceOf(t, fan.id)).toBe(2);
  });

  it('a button without a nonce (an old menu) or with a tampered one has expired', async () => {
    const { fan, threadId, cardId } = await fanWithTopic(413, 'Tom');
    const { message, data } = await openGiftMenu(cardId, threadId);
    const valid = data('+50');
    const nonce = valid.split(':').at(-1)!;
    for (const tampered of [
      `gift:c:50:${fan.id}`, // the format before nonces
      `gift:t:3600:${fan.id}`,
      `${valid}x`,
      valid.slice(0, -1),
      `gift:c:50:${fan.id}:${nonce.slice(0, 7)}!`,
      `gift:c:50:${fan.id}:${nonce}:extra`,
    ]) {
      await press(tampered, message);
      expect(lastAnswer().text, tampered).toBe(en('admin-topic-expired'));
    }
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect((await uow().repos.users.get(fan.id))!.timePassUntil).toBeNull();
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1]);
  });
});

describe('live inbox', () => {
  it('keeps one message in the General topic with unread counts and links, edited on a debounce', async () => {
    const { fan, threadId } = await fanWithTopic(409, 'Ola');
    const inboxMessage = async () => {
      const state = await uow().repos.inbox.get(ADMIN_GROUP_ID);
      return state?.messageId
        ? { id: state.messageId, message: fake.message(ADMIN_GROUP_ID, state.messageId) }
        : null;
    };
    const first = await eventually(
      async () => {
        const m = await inboxMessage();
        return m && /Ola · 🔴 1 unread/.test(String(m.message?.text)) ? m : null;
      },
      5000,
      'Ola unread in the inbox',
    );
    expect(first.message!.thread_id).toBeUndefined(); // the General topic
    expect(String(first.message!.text)).toMatch(/Inbox · \d+ waiting for an answer/);
    expect(
      first.message!.entities?.some(
        (e) => e.type === 'text_link' && e.url === `https://t.me/c/1234567890/${threadId}`,
      ),
    ).toBe(true);

    // The admin answers: unread resets, by editing the same message.
    await t.post(groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, 'hi Ola', { fake }));
    await eventually(
      async () => /Ola · ✔️ answered/.test(String((await inboxMessage())?.message?.text)),
      5000,
      'answered',
    );
    expect((await inboxMessage())!.id).toBe(first.id);

    // Deleted by someone (an admin): the next render posts a new one.
    await new Api(fake.token, { apiRoot: fake.apiRoot }).deleteMessage(ADMIN_GROUP_ID, first.id);
    await t.post(privateText(fan, 'me again', { fake }));
    await eventually(
      async () => {
        const m = await inboxMessage();
        return m !== null && m.id !== first.id && m.message !== undefined;
      },
      8000,
      'a new inbox message',
    );
  });

  it('a burst of fan messages renders the inbox at most once per interval, ending on the latest counts', async () => {
    const { fan } = await fanWithTopic(431, 'Pia');
    const inboxText = async () => {
      const s = await uow().repos.inbox.get(ADMIN_GROUP_ID);
      return s?.messageId ? String(fake.message(ADMIN_GROUP_ID, s.messageId)?.message?.text) : '';
    };
    const state = await eventually(
      async () => {
        const s = await uow().repos.inbox.get(ADMIN_GROUP_ID);
        return s?.messageId && /Pia · 🔴 1 unread/.test(await inboxText()) ? s : null;
      },
      5000,
      'Pia in the inbox',
    );
    const renders = () =>
      fake.calls.filter(
        (c) =>
          c.ok &&
          c.method === 'editMessageText' &&
          c.payload.chat_id === ADMIN_GROUP_ID &&
          c.payload.message_id === state.messageId,
      );
    await grantCredits(t, fan.id, 10);
    const before = renders().length;
    for (let i = 0; i < 5; i++) {
      await t.post(privateText(fan, `burst ${i}`, { fake }));
      await new Promise((r) => setTimeout(r, 150));
    }
    await eventually(async () => /Pia · 🔴 6 unread/.test(await inboxText()), 8000, 'six unread');
    // The 1 s interval (renderTimings above) holds between renders, whatever the burst.
    const times = [
      state.renderedAt!.getTime(),
      ...renders()
        .slice(before)
        .map((c) => c.at),
    ];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    expect(times.length - 1).toBeLessThanOrEqual(3);
  });
});

describe('command menus', () => {
  it("shows the topic tools and /admin to the admin group's admins", () => {
    const scoped = fake.commands({ type: 'chat_administrators', chat_id: ADMIN_GROUP_ID });
    expect(scoped.map((c) => c.command)).toEqual([
      'info',
      'gift',
      'ban',
      'unban',
      'refund',
      'note',
      'close',
      'reopen',
      'delete',
      'admin',
    ]);
  });
});

describe('access: each role on each admin action', () => {
  type Outcome = 'done' | 'refused' | 'ignored';
  type Button = { text: string; callback_data: string };
  interface Scene {
    fan: ReturnType<typeof fanUser>;
    threadId: number;
    cardId: number;
    from: ReturnType<typeof fanUser>;
    lastMessageId?: number;
  }
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await t.db.database.db.execute(q)) as { rows: T[] }).rows;
  const audits = async (s: Scene, action: string) =>
    (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log where actor_id = ${s.from.id} and user_id = ${s.fan.id} and action = ${action}`,
      )
    )[0]!.n;
  /** The card's button (whatever its label shows now: a press may have flipped Ban to Unban). */
  const cardButton = (s: Scene, action: (typeof CARD_ACTIONS)[number]) => ({
    card: fake.message(ADMIN_GROUP_ID, s.cardId)!,
    data: cardData.pack({ action, user: s.fan.id }),
  });
  const lastAnswer = () => String(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text ?? '');
  /** A refusal: a reply (or a button's alert) saying the sender may not do that. */
  const refusal = {
    test: (text: string) => text === en('admin-topic-not-allowed') || text === en('admin-topic-buttons-only'),
  };
  const setBanned = (s: Scene, banned: boolean) => uow().repos.users.setBanned(s.fan.id, banned);

  /**
   * One admin action as a member of `role` would take it: `act` runs it, `done` says whether it took
   * effect. A refusal is a reply (or a button's alert) saying so; `ignored` means no answer at all.
   */
  interface Action {
    name: string;
    permission: Permission;
    button?: boolean;
    before?(s: Scene): Promise<unknown>;
    act(s: Scene): Promise<unknown>;
    done(s: Scene, since: { replies: number; audits: number }): Promise<boolean>;
    audit?: string;
    after?(s: Scene): Promise<unknown>;
  }
  const command = (name: string, text: string, permission: Permission, audit: string): Action => ({
    name,
    permission,
    audit,
    act: (s) => t.post(cmd(s.threadId, text, s.from)),
    done: async (s, since) => (await audits(s, audit)) > since.audits,
  });
  const repliedWith = (s: Scene, since: { replies: number }, pattern: { test(text: string): boolean }) =>
    repliesIn(s.threadId)
      .slice(since.replies)
      .some((c) => pattern.test(String(c.payload.text)));
  const ACTIONS: Action[] = [
    {
      name: 'reply in the topic',
      permission: 'relay.reply',
      async act(s) {
        const update = groupTopicMessage(ADMIN_GROUP_ID, s.threadId, s.from, `hi from ${s.from.id}`, {
          fake,
        });
        s.lastMessageId = update.message!.message_id;
        await t.post(update);
      },
      done: async (s) =>
        (
          await rows<{ n: number }>(
            sql`select count(*)::int as n from outbox where idempotency_key = ${`relay.out:${ADMIN_GROUP_ID}:${s.lastMessageId}`}`,
          )
        )[0]!.n > 0,
    },
    command('/note', '/note a private note', 'notes', 'note'),
    {
      name: '/info',
      permission: 'users.view',
      act: (s) => t.post(cmd(s.threadId, '/info', s.from)),
      done: async (s, since) => repliedWith(s, since, new RegExp(`${s.fan.first_name}[\\s\\S]*Balance`)),
    },
    {
      name: 'Info button',
      permission: 'users.view',
      button: true,
      act: (s) => {
        const { card, data } = cardButton(s, 'info');
        return t.post(callbackQuery(s.from, data, card));
      },
      done: async (s, since) => repliedWith(s, since, new RegExp(`${s.fan.first_name}[\\s\\S]*Balance`)),
    },
    { ...command('/ban', '/ban', 'users.ban', 'ban'), after: (s) => setBanned(s, false) },
    {
      ...command('/unban', '/unban', 'users.ban', 'unban'),
      before: (s) => setBanned(s, true),
      after: (s) => setBanned(s, false),
    },
    {
      name: 'Ban button',
      permission: 'users.ban',
      button: true,
      audit: 'ban',
      act: (s) => {
        const { card, data } = cardButton(s, 'ban');
        return t.post(callbackQuery(s.from, data, card));
      },
      done: async (s, since) => (await audits(s, 'ban')) > since.audits,
      after: (s) => setBanned(s, false),
    },
    {
      name: 'Ban button on a dispute alert',
      permission: 'users.ban',
      button: true,
      audit: 'ban',
      act: (s) =>
        t.post(
          callbackQuery(
            s.from,
            disputeBanData.pack({ user: s.fan.id }),
            fake.message(ADMIN_GROUP_ID, s.cardId)!,
          ),
        ),
      done: async (s, since) => (await audits(s, 'ban')) > since.audits,
      after: (s) => setBanned(s, false),
    },
    command('/gift credits', '/gift 5', 'gifts.send', 'gift_credits'),
    command('/gift a pass', '/gift 1h', 'gifts.send', 'gift_pass'),
    {
      name: 'Gift button',
      permission: 'gifts.send',
      button: true,
      act: (s) => {
        const { card, data } = cardButton(s, 'gift');
        return t.post(callbackQuery(s.from, data, card));
      },
      done: async (s, since) =>
        repliesIn(s.threadId)
          .slice(since.replies)
          .some((c) => c.payload.reply_markup !== undefined),
    },
    {
      name: 'a gift menu button',
      permission: 'gifts.send',
      button: true,
      audit: 'gift_credits',
      async act(s) {
        const { card, data } = cardButton(s, 'gift');
        await t.post(callbackQuery(owner, data, card)); // an owner opens the menu
        const sent = repliesIn(s.threadId).at(-1)!;
        const menu = fake.message(ADMIN_GROUP_ID, (sent.result as { message_id: number }).message_id)!;
        const plus5 = (
          sent.payload.reply_markup as { inline_keyboard: Button[][] }
        ).inline_keyboard.flat()[0]!;
        await t.post(callbackQuery(s.from, plus5.callback_data, menu));
      },
      done: async (s, since) => (await audits(s, 'gift_credits')) > since.audits,
    },
    {
      name: '/refund',
      permission: 'payments.refund',
      act: (s) => t.post(cmd(s.threadId, '/refund 999999', s.from)),
      // No such payment: an owner is told about the payment, not refused.
      done: async (s, since) =>
        repliesIn(s.threadId).length > since.replies && !repliedWith(s, since, refusal),
    },
    command('/close', '/close', 'conversations.manage', 'close'),
    command('/reopen', '/reopen', 'conversations.manage', 'reopen'),
  ];

  const agent = fanUser(900701, { first_name: 'Ada' });
  const manager = fanUser(900702, { first_name: 'Max' });
  const storedOwner = fanUser(900703, { first_name: 'Ona' });
  const ROLES: Array<{ name: string; user: ReturnType<typeof fanUser>; role: Role | null; fanId: number }> = [
    { name: 'agent', user: agent, role: 'agent', fanId: 4301 },
    { name: 'manager', user: manager, role: 'manager', fanId: 4302 },
    { name: 'owner (ADMIN_USER_IDS)', user: owner, role: 'owner', fanId: 4303 },
    { name: 'owner (stored)', user: storedOwner, role: 'owner', fanId: 4304 },
    { name: 'not on the team', user: member, role: null, fanId: 4305 },
  ];

  beforeAll(async () => {
    const now = new Date();
    await uow().repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
    await uow().repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
    await uow().repos.team.set({ userId: storedOwner.id, role: 'owner', addedBy: OWNER_ID }, now);
  });

  it.each(ROLES)('$name', async ({ user, role, fanId }) => {
    const { fan, threadId, cardId } = await fanWithTopic(fanId, `Fan${fanId}`);
    const s: Scene = { fan, threadId, cardId, from: user };
    const expected: Record<string, Outcome> = {};
    const actual: Record<string, string> = {};
    for (const action of ACTIONS) {
      expected[action.name] =
        role === null
          ? action.button
            ? 'refused'
            : 'ignored'
          : roleCan(role, action.permission)
            ? 'done'
            : 'refused';
      await action.before?.(s);
      const since = {
        replies: repliesIn(threadId).length,
        audits: action.audit ? await audits(s, action.audit) : 0,
        answers: fake.callsTo('answerCallbackQuery').length,
      };
      await action.act(s);
      const refused = action.button
        ? fake.callsTo('answerCallbackQuery').length > since.answers && refusal.test(lastAnswer())
        : repliedWith(s, since, refusal);
      const answered = repliesIn(threadId).length > since.replies;
      actual[action.name] = (await action.done(s, since))
        ? 'done'
        : refused
          ? 'refused'
          : answered
            ? 'done?'
            : 'ignored';
      await action.after?.(s);
    }
    expect(actual).toEqual(expected);
  });

  it("an agent's /info shows no revenue figures; a manager's does", async () => {
    const { threadId } = await fanWithTopic(4306, 'Vera');
    const infoBy = async (from: ReturnType<typeof fanUser>) => {
      await t.post(cmd(threadId, '/info', from));
      return String(repliesIn(threadId).at(-1)!.payload.text);
    };
    const money = en('admin-info-money', { payments: 0, purchased: 0, spent: 1 });
    expect(await infoBy(agent)).toContain('Vera');
    expect(await infoBy(agent)).not.toContain(money);
    expect(await infoBy(manager)).toContain(money);
  });
});
