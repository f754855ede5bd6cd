import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { seedConversation } from '../support/conversations.ts';
import { OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { testClock } from '../support/services.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const MIN = 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(42_001, { first_name: 'Max' });
const agent = fanUser(42_002, { first_name: 'Ana' });
const fan = fanUser(42_003);

beforeAll(async () => {
  h = await createBotHarness({ clock: testClock(NOW) });
  const s = h.stack;
  await s.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, NOW);
  await s.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, NOW);
  await s.ensureFan(agent.id, { firstName: 'Ana' });
  await s.ensureFan(manager.id, { firstName: 'Max' });
  await seedConversation(s, { id: 501, name: 'Wendy', thread: 11, fanAt: [ago(30 * MIN), ago(20 * MIN)] });
  await seedConversation(s, {
    id: 502,
    name: 'Arno',
    thread: 12,
    fanAt: [ago(90 * MIN)],
    answeredAt: ago(88 * MIN),
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
    answeredAt: ago(6 * MIN),
    assignee: agent.id,
  });
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const lastMenuCall = (chatId: number) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (chatId: number) => lastMenuCall(chatId).payload.text as string;
const button = (chatId: number, label: string) => {
  const b = buttonsOf(lastMenuCall(chatId)).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label}`);
  return b.callback_data;
};
const labels = (chatId: number) => buttonsOf(lastMenuCall(chatId)).map((b) => b.text);

async function open(who = owner): Promise<Message> {
  await h.handle(command(who, '/conversations'));
  return h.lastMessage(who.id);
}

/** Presses `data` and checks the rule of every press: the answer is the first call, and the only one. */
async function press(who: typeof owner, data: string, message: Message) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message));
  const calls = h.calls.slice(before);
  expect(calls[0]?.method, 'the first call of a press').toBe('answerCallbackQuery');
  expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  return calls;
}

/** The same menu's nonce with another target (what a tampered or forged button would carry). */
const forged = (chatId: number, act: string, arg: string) => {
  const nonce = hubData.unpack(
    buttonsOf(lastMenuCall(chatId)).find((b) => b.callback_data)!.callback_data,
  )!.nonce;
  return hubData.pack({ nonce, cat: 'conversations', act, arg });
};

const flags = (id: number) => h.stack.uow.repos.conversations.get(id);

describe('/conversations: the main screen', () => {
  it('counts each list and shows first-response p50/p90 over 7 and 30 days', async () => {
    await open();
    const text = screenText(owner.id);
    expect(text).toContain(en('admin-conversations-title'));
    expect(text).toContain(
      en('admin-conversations-counts', { open: 4, unread: 2, priority: 1, pinned: 1, mine: 0 }),
    );
    // Arno answered after 2 minutes, Mina after 4: p50 3 min, p90 3.8 min.
    expect(text).toContain(
      en('admin-conversations-response-7', {
        p50: { duration: 3 * MIN },
        p90: { duration: 228_000 },
        count: 2,
      }),
    );
    expect(labels(owner.id)).toEqual([
      en('admin-conversations-list-open-button', { count: 4 }),
      en('admin-conversations-list-unread-button', { count: 2 }),
      en('admin-conversations-list-priority-button', { count: 1 }),
      en('admin-conversations-list-pinned-button', { count: 1 }),
      en('admin-conversations-list-mine-button', { count: 0 }),
      en('admin-hub-refresh'),
      en('admin-hub-back'),
      en('admin-hub-close'),
    ]);
    for (const b of buttonsOf(lastMenuCall(owner.id)))
      expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
  });
});

describe('lists', () => {
  it('unread: one line per waiting fan, a button to its screen and a link to its topic', async () => {
    const menu = await open();
    await press(owner, button(owner.id, en('admin-conversations-list-unread-button', { count: 2 })), menu);
    const call = lastMenuCall(owner.id);
    expect(call.method).toBe('editMessageText');
    expect(call.payload.message_id).toBe(menu.message_id);
    const text = call.payload.text as string;
    expect(text).toContain(en('admin-conversations-list-unread-title', { count: 2 }));
    expect(text).toContain(
      `Wendy · ${en('admin-conversations-line-waiting', { count: 2, since: { duration: 30 * MIN } })}`,
    );
    expect(buttonsOf(call).map((b) => [b.text, b.url ?? null])).toEqual([
      ['Wendy', null],
      [en('admin-conversations-topic-button'), 'https://t.me/c/1234567890/11'],
      ['📌⭐ Pia', null],
      [en('admin-conversations-topic-button'), 'https://t.me/c/1234567890/14'],
      [en('admin-hub-back'), null],
      [en('admin-hub-close'), null],
    ]);
  });

  it.each([
    ['open', 4, ['📌⭐ Pia', 'Mina', 'Wendy', 'Arno']],
    ['priority', 1, ['📌⭐ Pia']],
    ['pinned', 1, ['📌⭐ Pia']],
  ] as const)('%s lists its conversations', async (list, count, names) => {
    const menu = await open();
    await press(owner, button(owner.id, en(`admin-conversations-list-${list}-button`, { count })), menu);
    expect(screenText(owner.id)).toContain(en(`admin-conversations-list-${list}-title`, { count }));
    expect(
      labels(owner.id)
        .filter((l) => l !== en('admin-conversations-topic-button'))
        .slice(0, -2),
    ).toEqual(names);
  });

  it('mine: what is assigned to the member who asks (an agent sees theirs)', async () => {
    const menu = await open(agent);
    await press(agent, button(agent.id, en('admin-conversations-list-mine-button', { count: 1 })), menu);
    expect(screenText(agent.id)).toContain(
      `Mina · ${en('admin-conversations-line-answered')} · ${en('admin-conversations-line-assignee', { name: 'Ana' })}`,
    );
    await open(owner);
    expect(labels(owner.id)).toContain(en('admin-conversations-list-mine-button', { count: 0 }));
  });
});

describe('a conversation', () => {
  it('shows the fan, tier, balance, the wait, the assignee and the flags, with the actions', async () => {
    const menu = await open();
    await press(owner, button(owner.id, en('admin-conversations-list-unread-button', { count: 2 })), menu);
    await press(owner, button(owner.id, 'Wendy'), menu);
    const text = screenText(owner.id);
    expect(text).toContain(en('admin-conversations-view-title', { name: 'Wendy', id: '501' }));
    const user = (await h.stack.uow.repos.users.get(501))!;
    expect(text).toContain(
      en('admin-conversations-view-tier', { tier: user.tier, balance: user.creditBalance }),
    );
    expect(text).toContain(
      en('admin-conversations-view-waiting', {
        since: ago(30 * MIN),
        wait: { duration: 30 * MIN },
        count: 2,
      }),
    );
    expect(text).toContain(en('admin-conversations-view-unassigned'));
    expect(text).toContain(
      en('admin-conversations-view-flags', { flags: en('admin-conversations-flag-open') }),
    );
    expect(labels(owner.id)).toEqual([
      en('admin-conversations-topic-button'),
      en('admin-conversations-priority'),
      en('admin-conversations-pin'),
      en('admin-conversations-close'),
      en('admin-conversations-assign'),
      en('admin-hub-back'),
      en('admin-hub-close'),
    ]);
    // Back returns to the list it came from.
    await press(owner, button(owner.id, en('admin-hub-back')), menu);
    expect(screenText(owner.id)).toContain(en('admin-conversations-list-unread-title', { count: 2 }));
  });

  it('priority, pin, close and reopen: each press acts, then shows the conversation again', async () => {
    const menu = await open(manager);
    await press(manager, forged(manager.id, 'view', '502_o0'), menu);
    await press(manager, button(manager.id, en('admin-conversations-priority')), menu);
    expect(screenText(manager.id)).toContain(en('admin-conversations-done-priority'));
    expect((await flags(502))!.priority).toBe(true);
    await press(manager, button(manager.id, en('admin-conversations-pin')), menu);
    expect((await flags(502))!.pinned).toBe(true);
    expect(screenText(manager.id)).toContain(
      en('admin-conversations-view-flags', {
        flags: [
          en('admin-conversations-flag-priority'),
          en('admin-conversations-flag-pinned'),
          en('admin-conversations-flag-open'),
        ].join(' · '),
      }),
    );
    await press(manager, button(manager.id, en('admin-conversations-unpriority')), menu);
    await press(manager, button(manager.id, en('admin-conversations-unpin')), menu);
    expect(await flags(502)).toMatchObject({ priority: false, pinned: false });

    await press(manager, button(manager.id, en('admin-conversations-close')), menu);
    expect(screenText(manager.id)).toContain(en('admin-conversations-done-closed'));
    expect((await flags(502))!.status).toBe('closed');
    const calls = (await h.stack.outboxRows()).filter((r) => r.lane === 'in:502');
    expect(calls.map((r) => (r.payload as { method?: string }).method)).toEqual(['closeForumTopic']);
    await press(manager, button(manager.id, en('admin-conversations-reopen')), menu);
    expect((await flags(502))!.status).toBe('open');
  });

  it('assign: a picker of the members who can reply; the assignee is shown and told once; unassign', async () => {
    const menu = await open(manager);
    await press(manager, forged(manager.id, 'view', '501_u0'), menu);
    await press(manager, button(manager.id, en('admin-conversations-assign')), menu);
    expect(screenText(manager.id)).toBe(en('admin-conversations-pick', { name: 'Wendy' }));
    expect(labels(manager.id)).toEqual(
      expect.arrayContaining(['Ana', `Max ${en('admin-conversations-pick-you')}`, 'Olga']),
    );
    await press(manager, button(manager.id, 'Ana'), menu);
    expect(screenText(manager.id)).toContain(en('admin-conversations-done-assigned'));
    expect(screenText(manager.id)).toContain(en('admin-conversations-view-assignee', { name: 'Ana' }));
    const told = (await h.stack.outboxRows()).filter((r) => r.chatId === agent.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({
      text: { key: 'admin-conversations-assigned-notice', args: { by: 'Max', fan: 'Wendy' } },
    });

    await press(manager, button(manager.id, en('admin-conversations-unassign')), menu);
    expect(screenText(manager.id)).toContain(en('admin-conversations-view-unassigned'));
    expect((await flags(501))!.assigneeId).toBeNull();
  });
});

describe('refusals', () => {
  it('an agent sees a conversation without its actions; a forged action is refused and changes nothing', async () => {
    const menu = await open(agent);
    await press(agent, forged(agent.id, 'view', '504_o0'), menu);
    expect(labels(agent.id)).toEqual([
      en('admin-conversations-topic-button'),
      en('admin-hub-back'),
      en('admin-hub-close'),
    ]);
    for (const act of ['unprio', 'unpin', 'close', 'assign', 'unassign']) {
      await press(agent, forged(agent.id, act, '504_o0'), menu);
      expect(screenText(agent.id)).toBe(en('admin-hub-not-allowed'));
    }
    await press(agent, forged(agent.id, 'to', `504_${agent.id}_o0`), menu);
    expect(screenText(agent.id)).toBe(en('admin-hub-not-allowed'));
    expect(await flags(504)).toMatchObject({
      priority: true,
      pinned: true,
      status: 'open',
      assigneeId: null,
    });
  });

  it('tampered ids: garbage is invalid; an unknown fan is gone; a non-member cannot be assigned', async () => {
    const menu = await open();
    for (const [act, arg] of [
      ['view', 'abc_o0'],
      ['view', '501_z0'],
      ['view', '501'],
      ['prio', '0_o0'],
      ['open', 'x'],
      ['to', '501_o0'],
      ['main', '1'],
    ] as const) {
      await press(owner, forged(owner.id, act, arg), menu);
      expect(screenText(owner.id), `${act} ${arg}`).toBe(en('admin-hub-invalid'));
      await open();
    }
    const again = await open();
    await press(owner, forged(owner.id, 'view', '999999_o0'), again);
    expect(screenText(owner.id)).toBe(en('admin-conversations-gone'));
    await press(owner, forged(owner.id, 'to', `501_${fan.id}_o0`), again);
    expect(screenText(owner.id)).toContain(en('admin-conversations-not-assignable'));
    expect((await flags(501))!.assigneeId).toBeNull();
  });

  it('a button of an older menu is stale and acts on nothing', async () => {
    const first = await open();
    const pin = forged(owner.id, 'pin', '501_o0');
    await open();
    await press(owner, pin, first);
    expect(screenText(owner.id)).toBe(en('admin-hub-stale'));
    expect((await flags(501))!.pinned).toBe(false);
  });

  it('a non-member: the command does not exist, and a forged press locks them out', async () => {
    await h.handle(command(fan, '/conversations'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/conversations' }));
    const menu = await open();
    const pin = forged(owner.id, 'pin', '501_o0');
    await press(fan, pin, { ...menu, chat: { id: fan.id, type: 'private', first_name: 'x' } });
    expect(screenText(fan.id)).toBe(en('admin-hub-no-access'));
    expect((await flags(501))!.pinned).toBe(false);
  });
});
