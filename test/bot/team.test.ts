import type { Message, Update, User } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { auditLog } from '../../src/db/schema/index.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { loadSpec } from '../support/fake-telegram/spec.ts';
import { validateCall } from '../support/fake-telegram/validate.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privateChatOf, toUpdate } from '../support/updates.ts';

/**
 * The Team category (owners only): add a member by a shared user or a forwarded message, pick and change
 * the role, remove; invite links to each admin group on adding, a ban and unban in each on removing,
 * menus refreshed, everything audited. Every Bot API call is checked against the spec.
 */

const spec = loadSpec();
function expectValidCalls(calls: HarnessCall[]) {
  for (const c of calls) {
    const method = spec.method(c.method);
    expect(method, `${c.method} exists`).toBeDefined();
    const v = validateCall(spec, method!, { form: false, fields: c.payload, uploads: new Map() });
    expect(v.issues.map((i) => `${c.method}: ${i.path}: ${i.message}`)).toEqual([]);
  }
}

const A = -1004300001;
const B = -1004300002;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(43_001, { first_name: 'Max' });
const newbie = fanUser(43_002, { first_name: 'Nina', username: 'nina' });
const unstarted = fanUser(43_004, { first_name: 'Una' });

type Markup = {
  inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>>;
  keyboard?: Array<Array<{ text: string; request_users?: { request_id: number } }>>;
};
let h: BotHarness;
const markupOf = (c: HarnessCall) => (c.payload.reply_markup ?? {}) as Markup;
const lastMenuCall = (chatId: number) =>
  h.calls
    .filter(
      (c) =>
        ['sendMessage', 'editMessageText'].includes(c.method) &&
        c.payload.chat_id === chatId &&
        markupOf(c).inline_keyboard,
    )
    .at(-1)!;
const menuText = (chatId: number) => String(lastMenuCall(chatId).payload.text);
const button = (chatId: number, label: string) => {
  const b = (markupOf(lastMenuCall(chatId)).inline_keyboard ?? []).flat().find((x) => x.text === label);
  if (!b?.callback_data)
    throw new Error(`no button ${label} in ${JSON.stringify(markupOf(lastMenuCall(chatId)))}`);
  return b.callback_data;
};
/** The message the menu lives in (to press its buttons). */
const menuMessage = (chatId: number): Message => {
  const sent = h.calls
    .filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && markupOf(c).inline_keyboard)
    .at(-1)!;
  return sent.result as Message;
};

async function press(who: User, data: string) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, menuMessage(who.id)));
  expect(h.calls[before]?.method, 'the first call of a press').toBe('answerCallbackQuery');
}
/** A button of the same live menu with another action and argument (a forged press). */
function forged(who: User, act: string, arg: string) {
  const live = hubData.unpack(button(who.id, en('admin-hub-close')))!;
  return hubData.pack({ nonce: live.nonce, cat: 'team', act, arg });
}

function privateMessage(from: User, extra: Partial<Message>): Update {
  return toUpdate({
    message: {
      message_id: Math.floor(Math.random() * 1e6) + 1000,
      from,
      chat: privateChatOf(from),
      date: Math.floor(Date.now() / 1000),
      ...extra,
    } as Message & Update.NonChannel,
  });
}
const shareUser = (from: User, requestId: number, user: User) =>
  privateMessage(from, {
    users_shared: {
      request_id: requestId,
      users: [
        {
          user_id: user.id,
          first_name: user.first_name,
          ...(user.username ? { username: user.username } : {}),
        },
      ],
    },
  });
/** The request id of the last `request_users` keyboard sent to `chatId`. */
const requestIdOf = (chatId: number) => {
  const sent = h.calls
    .filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && markupOf(c).keyboard)
    .at(-1)!;
  return markupOf(sent).keyboard![0]![0]!.request_users!.request_id;
};
/** Calls to `method` from index `mark` on. */
const callsFrom = (mark: number, method: string) => h.calls.slice(mark).filter((c) => c.method === method);
const audits = async () => (await h.stack.db.database.db.select().from(auditLog)).map((a) => a.action);

async function openAdd() {
  await h.handle(command(owner, '/team'));
  await press(owner, button(owner.id, en('admin-team-add')));
}

beforeAll(async () => {
  h = await createBotHarness({ adminGroupIds: [A, B] });
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, new Date());
  // Nina has started the bot (a known account); Una has not: a send to her is refused.
  await h.stack.ensureFan(newbie.id, { firstName: newbie.first_name });
  h.respond('sendMessage', (p) =>
    Number(p.chat_id) === unstarted.id
      ? { error: { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" } }
      : undefined,
  );
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

describe('Team: the list', () => {
  it('/team lists the owner from ADMIN_USER_IDS and the stored members, who added them, with Add', async () => {
    await h.handle(command(owner, '/team'));
    const text = menuText(owner.id);
    expect(text).toContain(en('admin-team-title', { count: 2 }));
    expect(text).toContain(
      en('admin-team-line-config', { who: { html: 'Olga' }, role: en('admin-hub-role-owner') }),
    );
    expect(text).toContain(`${en('admin-hub-role-manager')} · `);
    button(owner.id, en('admin-team-add'));
    expectValidCalls(h.calls);
  });

  it('a manager is refused, by command and by a forged press', async () => {
    await h.handle(command(manager, '/team'));
    expect(h.lastText(manager.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(manager, '/admin'));
    const live = hubData.unpack(button(manager.id, en('admin-hub-close')))!;
    await press(manager, hubData.pack({ nonce: live.nonce, cat: 'team', act: 'rm', arg: String(OWNER_ID) }));
    expect(menuText(manager.id)).toBe(en('admin-hub-not-allowed'));
    expect(h.callsTo('banChatMember')).toHaveLength(0);
  });
});

describe('Team: adding', () => {
  it('by a shared user: role picked, invite links (one use, 24 h) to each group sent, menu published, audited', async () => {
    let mark = 0;
    await openAdd();
    expect(menuText(owner.id)).toBe(en('admin-team-add-ask'));
    const requestId = requestIdOf(owner.id);
    expect(requestId).toBeGreaterThan(0);
    // A share from an earlier keyboard: refused, the question stays open.
    await h.handle(shareUser(owner, requestId + 1, newbie));
    expect(h.lastText(owner.id)).toBe(en('admin-team-share-stale'));

    await h.handle(shareUser(owner, requestId, newbie));
    expect(menuText(owner.id)).toBe(en('admin-team-pick-role', { who: 'Nina (@nina)', role: '' }));
    // A forged role button for someone else than the one shared: stale, nobody added.
    await press(owner, forged(owner, 'addm', String(unstarted.id)));
    expect(menuText(owner.id)).toBe(en('admin-team-stale'));
    expect(await h.stack.services.access.roleOf(unstarted.id)).toBeNull();

    // The shared person is still the one being added: their role button works.
    // The invite expires a day after the stack's clock (a test clock, set when the harness started).
    const now = Math.floor(h.stack.clock.now().getTime() / 1000);
    const addAsManager = forged(owner, 'addm', String(newbie.id));
    mark = h.calls.length;
    await press(owner, addAsManager);
    expect(await h.stack.services.access.roleOf(newbie.id)).toBe('manager');
    const links = callsFrom(mark, 'createChatInviteLink');
    expect(links.map((c) => c.payload.chat_id)).toEqual([A, B]);
    for (const l of links) {
      expect(l.payload.member_limit).toBe(1);
      expect(l.payload.expire_date).toBeGreaterThanOrEqual(now + 24 * 3600 - 5);
      expect(l.payload.expire_date).toBeLessThanOrEqual(now + 24 * 3600 + 5);
    }
    const invite = h.sentTo(newbie.id).at(-1)!;
    expect(String(invite.payload.text)).toContain((links[0]!.result as { invite_link: string }).invite_link);
    expect(String(invite.payload.text)).toContain((links[1]!.result as { invite_link: string }).invite_link);
    expect(menuText(owner.id)).toContain(en('admin-team-links-sent', { count: 2 }));
    const menus = callsFrom(mark, 'setMyCommands').filter((c) => c.payload.scope?.chat_id === newbie.id);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.payload.commands.map((c: { command: string }) => c.command)).toContain('dashboard');
    expect(await audits()).toEqual(expect.arrayContaining(['team_add', 'team_invites']));
    expectValidCalls(h.calls.slice(mark));

    // Pressing the role button again: the share was used up.
    await press(owner, forged(owner, 'addm', String(newbie.id)));
    expect(menuText(owner.id)).toBe(en('admin-team-stale'));
  });

  it('by a forwarded message; someone who never opened the bot: the owner gets the links to forward', async () => {
    let mark = 0;
    await openAdd();
    await h.handle(
      privateMessage(owner, {
        text: 'hi',
        forward_origin: { type: 'user', date: 1_700_000_000, sender_user: unstarted },
      }),
    );
    expect(menuText(owner.id)).toBe(en('admin-team-pick-role', { who: 'Una', role: '' }));
    mark = h.calls.length;
    await press(owner, button(owner.id, en('admin-team-role-agent')));
    expect(await h.stack.services.access.roleOf(unstarted.id)).toBe('agent');
    const links = h
      .callsTo('createChatInviteLink')
      .map((c) => (c.result as { invite_link: string }).invite_link);
    expect(links).toHaveLength(2);
    const text = menuText(owner.id);
    expect(text).toContain(en('admin-team-added', { who: 'Una', role: en('admin-hub-role-agent') }));
    for (const link of links) expect(text).toContain(link);
    expectValidCalls(h.calls.slice(mark).filter((c) => c.ok));
  });

  it('a forward from a hidden account is explained; a forward from a bot or text is not a person', async () => {
    await openAdd();
    await h.handle(
      privateMessage(owner, {
        text: 'hi',
        forward_origin: { type: 'hidden_user', date: 1_700_000_000, sender_user_name: 'Ghost' },
      }),
    );
    expect(h.lastText(owner.id)).toBe(en('admin-team-forward-hidden', { name: 'Ghost' }));
    await h.handle(
      privateMessage(owner, {
        text: 'hi',
        forward_origin: {
          type: 'user',
          date: 1_700_000_000,
          sender_user: { id: 43_999, is_bot: true, first_name: 'Robo' },
        },
      }),
    );
    expect(h.lastText(owner.id)).toBe(en('admin-team-is-bot'));
    await h.handle(privateMessage(owner, { text: 'Nina please' }));
    expect(h.lastText(owner.id)).toBe(en('admin-team-add-how'));
    await h.handle(
      privateMessage(owner, {
        text: 'hi',
        forward_origin: { type: 'user', date: 1_700_000_000, sender_user: owner },
      }),
    );
    expect(h.lastText(owner.id)).toBe(en('admin-team-config-owner'));
    // /cancel closes the question; a share from the old keyboard afterwards changes nothing.
    const requestId = requestIdOf(owner.id);
    await h.handle(command(owner, '/cancel'));
    await h.handle(shareUser(owner, requestId, fanUser(43_998)));
    expect(h.lastText(owner.id)).toBe(en('admin-team-share-gone'));
    expect(await h.stack.services.access.roleOf(43_998)).toBeNull();
  });
});

describe('Team: roles and removing', () => {
  it('changes a role; the member’s menu follows; audited', async () => {
    let mark = 0;
    await h.handle(command(owner, '/team'));
    await press(owner, forged(owner, 'm', String(newbie.id)));
    button(owner.id, en('admin-team-make-agent'));
    mark = h.calls.length;
    await press(owner, button(owner.id, en('admin-team-make-agent')));
    expect(await h.stack.services.access.roleOf(newbie.id)).toBe('agent');
    expect(menuText(owner.id)).toContain(en('admin-team-role-changed', { role: en('admin-hub-role-agent') }));
    const menus = callsFrom(mark, 'setMyCommands').filter((c) => c.payload.scope?.chat_id === newbie.id);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.payload.commands.map((c: { command: string }) => c.command)).not.toContain('dashboard');
    expect(await audits()).toContain('team_role');
  });

  it('removes after a confirmation: banned then unbanned in each group, menu dropped, audited', async () => {
    let mark = 0;
    await h.handle(command(owner, '/team'));
    await press(owner, forged(owner, 'm', String(newbie.id)));
    await press(owner, button(owner.id, en('admin-team-remove')));
    expect(await h.stack.services.access.roleOf(newbie.id)).toBe('agent'); // not yet: a confirmation first
    mark = h.calls.length;
    await press(owner, button(owner.id, en('admin-team-remove-yes')));
    expect(await h.stack.services.access.roleOf(newbie.id)).toBeNull();
    const calls = h.calls.slice(mark).filter((c) => ['banChatMember', 'unbanChatMember'].includes(c.method));
    expect(calls.map((c) => [c.method, c.payload.chat_id, c.payload.user_id])).toEqual([
      ['banChatMember', A, newbie.id],
      ['unbanChatMember', A, newbie.id],
      ['banChatMember', B, newbie.id],
      ['unbanChatMember', B, newbie.id],
    ]);
    for (const c of calls.filter((x) => x.method === 'unbanChatMember'))
      expect(c.payload.only_if_banned).toBe(true);
    expect(callsFrom(mark, 'deleteMyCommands').map((c) => c.payload.scope)).toEqual([
      { type: 'chat', chat_id: newbie.id },
    ]);
    expect(menuText(owner.id)).toBe(en('admin-team-removed', { id: String(newbie.id), groups: 2 }));
    expect(await audits()).toEqual(expect.arrayContaining(['team_remove', 'team_access_removed']));
    expectValidCalls(h.calls.slice(mark));

    // The same confirmation again (or any id not on the team): not a member, nothing banned.
    mark = h.calls.length;
    await press(owner, forged(owner, 'rmok', String(newbie.id)));
    expect(menuText(owner.id)).toBe(en('admin-team-not-member'));
    await press(owner, forged(owner, 'm', '123456789'));
    expect(menuText(owner.id)).toBe(en('admin-team-not-member'));
    await press(owner, forged(owner, 'm', 'abc'));
    expect(menuText(owner.id)).toBe(en('admin-hub-invalid'));
    expect(callsFrom(mark, 'banChatMember')).toHaveLength(0);
  });

  it('a group where I may not ban: the others are done, the owner is told to finish by hand', async () => {
    const helper = fanUser(43_010, { first_name: 'Hal' });
    await h.stack.uow.repos.team.set({ userId: helper.id, role: 'agent', addedBy: OWNER_ID }, new Date());
    h.respond('banChatMember', (p) =>
      Number(p.chat_id) === B
        ? {
            error: {
              error_code: 400,
              description: 'Bad Request: not enough rights to restrict/unrestrict chat member',
            },
          }
        : undefined,
    );
    try {
      await h.handle(command(owner, '/team'));
      await press(owner, forged(owner, 'rmok', String(helper.id)));
    } finally {
      h.respond('banChatMember', null);
    }
    expect(await h.stack.services.access.roleOf(helper.id)).toBeNull();
    expect(h.callsTo('unbanChatMember').map((c) => c.payload.chat_id)).toEqual([A]);
    expect(menuText(owner.id)).toContain(en('admin-team-remove-failed', { count: 1 }));
  });

  it('an owner from ADMIN_USER_IDS cannot be removed or changed here', async () => {
    await h.handle(command(owner, '/team'));
    await press(owner, forged(owner, 'm', String(OWNER_ID)));
    expect(menuText(owner.id)).toContain(en('admin-team-member-config'));
    expect(() => button(owner.id, en('admin-team-remove'))).toThrow();
    await press(owner, forged(owner, 'rmok', String(OWNER_ID)));
    expect(menuText(owner.id)).toBe(en('admin-team-config-owner'));
    await press(owner, forged(owner, 'toa', String(OWNER_ID)));
    expect(menuText(owner.id)).toBe(en('admin-team-config-owner'));
    expect(h.callsTo('banChatMember')).toHaveLength(0);
  });
});

describe('Team: the last owner', () => {
  let solo: BotHarness;
  const claimer = fanUser(44_001, { first_name: 'Cleo' });
  const second = fanUser(44_002, { first_name: 'Sam' });
  beforeAll(async () => {
    solo = await createBotHarness({ adminGroupIds: [A], adminUserIds: [] });
    await solo.stack.uow.repos.team.set({ userId: claimer.id, role: 'owner', addedBy: null }, new Date());
  });
  afterAll(() => solo.dispose());

  it('cannot remove themselves or step down while nobody else owns the bot; with a second owner they can', async () => {
    const swap = h;
    h = solo;
    try {
      await h.handle(command(claimer, '/team'));
      expect(menuText(claimer.id)).toContain(en('admin-team-by-claim'));
      await press(claimer, forged(claimer, 'rmok', String(claimer.id)));
      expect(menuText(claimer.id)).toBe(en('admin-team-last-owner'));
      await press(claimer, forged(claimer, 'tom', String(claimer.id)));
      expect(menuText(claimer.id)).toBe(en('admin-team-last-owner'));
      expect(await h.stack.services.access.roleOf(claimer.id)).toBe('owner');
      expect(h.callsTo('banChatMember')).toHaveLength(0);

      await h.stack.uow.repos.team.set({ userId: second.id, role: 'owner', addedBy: claimer.id }, new Date());
      await press(claimer, forged(claimer, 'rmok', String(claimer.id)));
      expect(await h.stack.services.access.roleOf(claimer.id)).toBeNull();
      expect(h.callsTo('banChatMember').map((c) => c.payload.chat_id)).toEqual([A]);
    } finally {
      h = swap;
    }
  });
});
