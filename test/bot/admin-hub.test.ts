import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SystemProbes } from '../../src/app/ports/index.ts';
import { hubData, hubFreshData } from '../../src/bot/callback-data/hub.ts';
import { languageData } from '../../src/bot/callback-data/index.ts';
import {
  fanCommands,
  groupCommands,
  ownerCommands,
  publishCommands,
  teamCommands,
} from '../../src/bot/commands.ts';
import { createLogger } from '../../src/logger.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en, tr } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, groupTopicMessage } from '../support/updates.ts';

const probes: SystemProbes = {
  version: '9.9.9-test',
  startedAt: new Date(Date.now() - 3 * 3600_000),
  stripeConfigured: false,
  database: async () => ({ ok: true, ms: 2 }),
  jobs: async () => ({ ok: true, ready: 1, deferred: 4, active: 0 }),
  webhook: async () => null,
};

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(31_001, { first_name: 'Max' });
const agent = fanUser(31_002, { first_name: 'Ana' });
const fan = fanUser(31_003);

/**
 * The built categories in the hub's order (registry.ts) and the least role that sees each (the
 * permission table): one line here per category.
 */
const CATEGORIES: Array<[id: string, least: 'agent' | 'manager' | 'owner']> = [
  ['conversations', 'agent'],
  ['quickreplies', 'agent'],
  ['users', 'agent'],
  ['products', 'manager'],
  ['payments', 'manager'],
  ['broadcast', 'manager'],
  ['dashboard', 'manager'],
  ['analytics', 'manager'],
  ['search', 'agent'],
  ['settings', 'manager'],
  ['team', 'owner'],
  ['system', 'manager'],
];
const RANK = { agent: 1, manager: 2, owner: 3 } as const;
const visibleTo = (role: 'agent' | 'manager' | 'owner') =>
  CATEGORIES.filter(([, least]) => RANK[role] >= RANK[least]).map(([id]) => id);
const categoryButtons = (role: 'agent' | 'manager' | 'owner') => [
  ...visibleTo(role).map((id) => en(`admin-hub-category-${id}`)),
  en('admin-hub-close'),
];

beforeAll(async () => {
  h = await createBotHarness({ deps: { probes } });
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
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
const button = (chatId: number, label: string) => {
  const b = buttonsOf(lastMenuCall(chatId)).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label}`);
  return b.callback_data;
};

/** Opens the hub for `who` and returns its message (to press its buttons). */
async function openHub(who = owner): Promise<Message> {
  await h.handle(command(who, '/admin'));
  return h.lastMessage(who.id);
}

/** Presses `data` on `message` and checks the one rule of every press: the answer is the first call. */
async function press(who: typeof owner, data: string, message: Message) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message));
  const calls = h.calls.slice(before);
  expect(calls[0]?.method, 'the first call of a press').toBe('answerCallbackQuery');
  expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  return calls;
}

describe('/admin: the hub', () => {
  it('an owner gets the categories their role allows, with Close; every callback fits in 64 bytes', async () => {
    await openHub();
    const call = lastMenuCall(owner.id);
    expect(call.payload.text).toBe(en('admin-hub-home', { role: en('admin-hub-role-owner') }));
    expect(buttonsOf(call).map((b) => b.text)).toEqual(categoryButtons('owner'));
    for (const b of buttonsOf(call)) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
  });

  it('a manager sees the categories of their role, and an agent theirs', async () => {
    await openHub(manager);
    expect(buttonsOf(lastMenuCall(manager.id)).map((b) => b.text)).toEqual(categoryButtons('manager'));
    await openHub(agent);
    expect(h.lastText(agent.id)).toBe(en('admin-hub-home', { role: en('admin-hub-role-agent') }));
    expect(buttonsOf(lastMenuCall(agent.id)).map((b) => b.text)).toEqual(categoryButtons('agent'));
  });

  it('t.me/<bot>?start=admin opens it too; for a fan it is the ordinary welcome', async () => {
    await h.handle(command(owner, '/start', 'admin'));
    expect(h.lastText(owner.id)).toBe(en('admin-hub-home', { role: en('admin-hub-role-owner') }));
    await h.handle(command(fan, '/start', 'admin'));
    expect(h.lastText(fan.id)).toBe(en('start-welcome-default'));
  });

  it.each(['/admin', '/system', '/dashboard', '/users', '/team'])(
    'a fan sending %s gets the unknown-command answer, nothing else',
    async (cmd) => {
      await h.handle(command(fan, cmd));
      expect(h.sentTo(fan.id)).toHaveLength(1);
      expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: cmd }));
    },
  );

  it('direct commands open their category; a role without it is told so; unbuilt ones do not exist', async () => {
    await h.handle(command(owner, '/system'));
    expect(h.lastText(owner.id)).toContain('9.9.9-test');
    expect(buttonsOf(lastMenuCall(owner.id)).map((b) => b.text)).toEqual([
      en('admin-system-errors-button', { count: 0 }),
      en('admin-hub-refresh'),
      en('admin-system-export'),
      en('admin-hub-back'),
      en('admin-hub-close'),
    ]);
    await h.handle(command(agent, '/dashboard'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(owner, '/reports'));
    expect(h.lastText(owner.id)).toBe(en('common-unknown-command', { command: '/reports' }));
  });
});

describe('navigation', () => {
  it('a category opens in place, Back returns to the hub, Close removes the menu', async () => {
    const menu = await openHub();
    const calls = await press(owner, button(owner.id, en('admin-hub-category-dashboard')), menu);
    const edit = calls.find((c) => c.method === 'editMessageText')!;
    expect(edit.payload.message_id).toBe(menu.message_id);
    expect(edit.payload.text).toContain(en('admin-dashboard-title', { timezone: 'UTC' }));
    expect(h.callsTo('sendMessage')).toHaveLength(1); // the /admin menu only: nothing re-sent

    await press(owner, button(owner.id, en('admin-hub-back')), menu);
    expect(lastMenuCall(owner.id).payload.text).toBe(
      en('admin-hub-home', { role: en('admin-hub-role-owner') }),
    );

    const closed = await press(owner, button(owner.id, en('admin-hub-close')), menu);
    expect(closed.map((c) => c.method)).toEqual(['answerCallbackQuery', 'deleteMessage']);
  });

  it('Refresh re-renders the same screen in place', async () => {
    const menu = await openHub();
    await press(owner, button(owner.id, en('admin-hub-category-system')), menu);
    const calls = await press(owner, button(owner.id, en('admin-hub-refresh')), menu);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(calls[1]!.payload.text).toContain(
      en('admin-system-jobs-ok', { ready: 1, deferred: 4, active: 0 }),
    );
  });

  it('a menu too old to delete is emptied instead', async () => {
    const menu = await openHub();
    h.respond('deleteMessage', () => ({
      error: { error_code: 400, description: "Bad Request: message can't be deleted" },
    }));
    try {
      const calls = await press(owner, button(owner.id, en('admin-hub-close')), menu);
      expect(calls.at(-1)!.payload.text).toBe(en('admin-hub-closed'));
    } finally {
      h.respond('deleteMessage', null);
    }
  });
});

describe('refusals: stale menus, tampered data, roles re-checked', () => {
  it('a button of an older menu says so and offers a fresh one, which replaces it in place', async () => {
    const first = await openHub();
    const oldSystem = button(owner.id, en('admin-hub-category-system'));
    await openHub(); // a newer menu
    const calls = await press(owner, oldSystem, first);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(calls[1]!.payload.text).toBe(en('admin-hub-stale'));
    expect(buttonsOf(calls[1]!)).toEqual([
      { text: en('admin-hub-open-fresh'), callback_data: hubFreshData.pack({}) },
    ]);

    const fresh = await press(owner, hubFreshData.pack({}), first);
    expect(fresh[1]!.payload.message_id).toBe(first.message_id);
    expect(fresh[1]!.payload.text).toBe(en('admin-hub-home', { role: en('admin-hub-role-owner') }));
    // The refreshed one is now the live menu: its buttons work.
    const next = await press(owner, button(owner.id, en('admin-hub-category-system')), first);
    expect(next[1]!.payload.text).toContain('9.9.9-test');
  });

  it.each([
    'hub',
    'hub:short:system:main:0',
    'hub:AAAAAAAA:nothing:main:0',
    'hub:AAAAAAAA:system:main:0:extra',
    'hub:AAAAAAAA:../etc:main:0',
    'hub:AAAAAAAA:reports:main:0', // a category that is not built: no such thing
    'hubnew:1',
  ])('%j is answered as not working, and nothing else happens', async (data) => {
    const menu = await openHub();
    h.reset();
    await h.handle(callbackQuery(owner, data, menu));
    expect(h.calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(h.lastAnswer()!.text).toBe(en('admin-hub-invalid'));
  });

  it('an unknown action or argument of a real category is answered, then explained in place', async () => {
    const menu = await openHub();
    const nonce = hubData.unpack(button(owner.id, en('admin-hub-category-system')))!.nonce;
    for (const [act, arg] of [
      ['drop', '0'],
      ['main', '7'],
    ]) {
      const calls = await press(owner, hubData.pack({ nonce, cat: 'system', act: act!, arg: arg! }), menu);
      expect(calls[1]!.payload.text).toBe(en('admin-hub-invalid'));
    }
  });

  it('the role is asked again on every press: a demoted manager is refused, a removed one locked out', async () => {
    const who = fanUser(31_010);
    const now = h.stack.clock.now();
    await h.stack.uow.repos.team.set({ userId: who.id, role: 'manager', addedBy: OWNER_ID }, now);
    const menu = await openHub(who);
    const system = button(who.id, en('admin-hub-category-system'));
    await h.stack.uow.repos.team.set({ userId: who.id, role: 'agent', addedBy: OWNER_ID }, now);
    let calls = await press(who, system, menu);
    expect(calls[1]!.payload.text).toBe(en('admin-hub-not-allowed'));

    await h.stack.uow.repos.team.remove(who.id);
    calls = await press(who, system, menu);
    expect(calls[1]!.payload.text).toBe(en('admin-hub-no-access'));
    expect(buttonsOf(calls[1]!)).toEqual([]);
  });

  it('Close works on a stale menu too', async () => {
    const first = await openHub();
    const close = button(owner.id, en('admin-hub-close'));
    await openHub();
    const calls = await press(owner, close, first);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'deleteMessage']);
  });

  it('hub data pressed on a message in a group (a forged press on a card) is refused before anything', async () => {
    await openHub();
    const system = button(owner.id, en('admin-hub-category-system'));
    const card = {
      message_id: 4242,
      date: Math.floor(Date.now() / 1000),
      chat: { id: ADMIN_GROUP_ID, type: 'supergroup' as const, title: 'Inbox', is_forum: true as const },
    };
    h.reset();
    for (const data of [system, hubFreshData.pack({})]) await h.handle(callbackQuery(owner, data, card));
    expect(h.calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'answerCallbackQuery']);
    expect(h.lastAnswer()!.text).toBe(en('admin-hub-invalid'));
  });

  it('a fan pressing a forged hub button (even with a real nonce) learns nothing', async () => {
    const menu = await openHub();
    const system = button(owner.id, en('admin-hub-category-system'));
    const calls = await press(fan, system, {
      ...menu,
      chat: { id: fan.id, type: 'private', first_name: 'x' },
    });
    expect(calls[1]!.payload.text).toBe(en('admin-hub-no-access'));
  });
});

describe('/admin in the admin group', () => {
  it('a team member gets one answer with a button that opens the hub in private', async () => {
    await h.handle(
      groupTopicMessage(ADMIN_GROUP_ID, 77, manager, '/admin', {
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      }),
    );
    const sent = h.sentTo(ADMIN_GROUP_ID);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).toBe(en('admin-hub-open-private'));
    expect(sent[0]!.payload.message_thread_id).toBe(77);
    expect(buttonsOf(sent[0] as HarnessCall)).toEqual([
      { text: en('admin-hub-open-button'), url: `https://t.me/${h.bot.botInfo.username}?start=admin` },
    ]);
  });

  it('anyone else in the group gets nothing', async () => {
    await h.handle(
      groupTopicMessage(ADMIN_GROUP_ID, 77, fan, '/admin', {
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      }),
    );
    expect(h.sentTo(ADMIN_GROUP_ID)).toHaveLength(0);
  });
});

describe('command menus per scope', () => {
  const opts = { cardPayments: false };
  const names = (list: Array<{ command: string }>) => list.map((c) => c.command);

  it('team members see /admin and the built categories their role allows; fans see none of it', () => {
    const t = h.stack.translator;
    const fans = names(fanCommands(t, 'en', opts));
    expect(names(teamCommands(t, 'en', 'agent', opts))).toEqual([...fans, 'admin', ...visibleTo('agent')]);
    const owners = names(ownerCommands(t, 'en', opts));
    expect(names(teamCommands(t, 'en', 'manager', opts))).toEqual([
      ...owners,
      'admin',
      ...visibleTo('manager'),
    ]);
    expect(names(teamCommands(t, 'en', 'owner', opts))).toEqual([
      ...owners,
      'admin',
      ...visibleTo('owner'),
      'reset',
    ]);
    for (const hidden of [
      'admin',
      'claim',
      'setup',
      'team',
      'payments',
      'products',
      'settings',
      ...visibleTo('owner'),
    ])
      expect(fans).not.toContain(hidden);
    expect(teamCommands(t, 'es', 'owner', opts).find((c) => c.command === 'system')!.description).toBe(
      tr('es', 'admin-command-system'),
    );
  });

  it('at start: fans in the default scopes, the group admins, and every member in their own chat', async () => {
    await publishCommands(h.bot.api, h.stack.translator, createLogger('silent'), {
      cardPayments: false,
      adminGroupIds: [ADMIN_GROUP_ID],
      groupLocale: 'en',
      team: [
        { id: OWNER_ID, locale: 'en', role: 'owner' },
        { id: agent.id, locale: 'ru', role: 'agent' },
      ],
    });
    const calls = h.callsTo('setMyCommands');
    expect(calls.map((c) => c.payload.scope)).toEqual([
      ...Array.from({ length: 5 }, () => ({ type: 'all_private_chats' })),
      { type: 'chat_administrators', chat_id: ADMIN_GROUP_ID },
      { type: 'chat', chat_id: OWNER_ID },
      { type: 'chat', chat_id: agent.id },
    ]);
    const commandsOf = (i: number) => names(calls[i]!.payload.commands as Array<{ command: string }>);
    for (let i = 0; i < 5; i++) expect(commandsOf(i)).not.toContain('admin');
    expect(commandsOf(5).at(-1)).toBe('admin');
    expect(commandsOf(6)).toEqual(expect.arrayContaining(['admin', 'dashboard', 'system', 'cancel']));
    expect(commandsOf(7)).toContain('admin');
    expect(commandsOf(7)).not.toContain('system');
  });

  it("the admin group's administrators get the topic tools and /admin", () => {
    expect(names(groupCommands(h.stack.translator, 'en')).at(-1)).toBe('admin');
  });

  it('/language gives a team member their own menu in the new language', async () => {
    await h.handle(callbackQuery(manager, languageData.pack({ locale: 'es' }), await openHub(manager)));
    const call = h.callsTo('setMyCommands').at(-1)!;
    expect(call.payload.scope).toEqual({ type: 'chat', chat_id: manager.id });
    expect(names(call.payload.commands as Array<{ command: string }>)).toEqual(
      expect.arrayContaining(['admin', 'dashboard', 'system']),
    );
  });
});

describe('/claim in process', () => {
  let c: BotHarness;
  beforeAll(async () => {
    c = await createBotHarness({ adminUserIds: [] });
  });
  afterAll(() => c.dispose());

  it('answers a missing code, a wrong one, too many tries; then the right one makes the owner', async () => {
    const code = (await c.stack.services.hub.prepareClaimCode())!;
    const who = fanUser(32_001, { language_code: 'es' });
    await c.handle(command(who, '/claim'));
    expect(c.lastText(who.id)).toBe(tr('es', 'admin-claim-missing'));
    await c.handle(command(who, '/claim', 'AAAA-AAAA-AAAA-AAAA'));
    expect(c.lastText(who.id)).toBe(tr('es', 'admin-claim-invalid'));
    const other = fanUser(32_002);
    for (let i = 0; i < 5; i++) await c.handle(command(other, '/claim', `BAD${i}`));
    await c.handle(command(other, '/claim', code));
    expect(c.lastText(other.id)).toMatch(/^Too many tries\. Try again in \d+ seconds?\.$/);

    c.reset();
    await c.handle(command(who, '/claim', code));
    expect(c.lastText(who.id)).toBe(tr('es', 'admin-claim-done', { bot: c.bot.botInfo.username }));
    const menu = c.callsTo('setMyCommands').at(-1)!;
    expect(menu.payload.scope).toEqual({ type: 'chat', chat_id: who.id });
    expect((menu.payload.commands as Array<{ command: string }>).map((x) => x.command)).toContain('admin');
    await c.handle(command(who, '/claim', code));
    expect(c.lastText(who.id)).toBe(tr('es', 'admin-claim-already'));
    // For everyone else the command no longer exists.
    await c.handle(command(other, '/claim', code));
    expect(c.lastText(other.id)).toBe(en('common-unknown-command', { command: '/claim' }));
  });
});
