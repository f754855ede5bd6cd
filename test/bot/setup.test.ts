import type { Chat, ChatMember, Update, User } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { administratorMember, DEFAULT_BOT_INFO } from '../support/fake-telegram/index.ts';
import { loadSpec } from '../support/fake-telegram/spec.ts';
import { validateCall } from '../support/fake-telegram/validate.ts';
import { en } from '../support/i18n.ts';
import { command, fanUser, groupMessage, privateText, toUpdate } from '../support/updates.ts';

/**
 * /setup (docs/ARCHITECTURE.md, "Several admin groups"): the bot checks the group and its own rights,
 * lists exactly what is missing, and stores the group as an admin group that works at once (no restart);
 * the configured groups still come first. Every Bot API call is checked against the spec, as the fake
 * Bot API checks them.
 */

const spec = loadSpec();
/** The fake Bot API's validation, on the harness's recorded calls. */
function expectValidCalls(calls: HarnessCall[]) {
  for (const c of calls) {
    const method = spec.method(c.method);
    expect(method, `${c.method} exists`).toBeDefined();
    const v = validateCall(spec, method!, { form: false, fields: c.payload, uploads: new Map() });
    expect(v.issues.map((i) => `${c.method}: ${i.path}: ${i.message}`)).toEqual([]);
  }
}

const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(41_001, { first_name: 'Max' });
const stranger = fanUser(41_002, { first_name: 'Sid' });
const fan = fanUser(41_003, { first_name: 'Fay' });
const bot: User = {
  id: DEFAULT_BOT_INFO.id,
  is_bot: true,
  first_name: DEFAULT_BOT_INFO.first_name,
  username: DEFAULT_BOT_INFO.username,
};

const admin = (rights: Parameters<typeof administratorMember>[1] = {}): ChatMember =>
  administratorMember(bot, rights);
const plainMember: ChatMember = { status: 'member', user: bot };

const forum = (id: number, title: string) =>
  ({ id, type: 'supergroup', title, is_forum: true }) as Chat.SupergroupChat;

/** What the harness answers for getChat and the bot's getChatMember in each group. */
const groups = new Map<number, { chat: Record<string, unknown>; me: ChatMember }>();
function groupIs(chat: { id: number; type: string; title: string; is_forum?: boolean }, me: ChatMember) {
  groups.set(chat.id, { chat: { ...chat, accent_color_id: 0 }, me });
}

function setupCommand(from: User, chat: Chat.SupergroupChat | Chat.GroupChat): Update {
  return groupMessage(chat, from, '/setup', { entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
}

const missingHtml = (...keys: string[]) => ({ html: keys.map((k) => `• ${en(k)}`).join('\n') });

function harnessAnswers(h: BotHarness) {
  h.respond('getChat', (p) => {
    const g = groups.get(Number(p.chat_id));
    return g ? { result: g.chat } : undefined;
  });
  h.respond('getChatMember', (p) => {
    const g = groups.get(Number(p.chat_id));
    return g && Number(p.user_id) === bot.id ? { result: g.me } : undefined;
  });
}

describe('/setup without a configured admin group', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await createBotHarness({ adminGroupId: null });
    harnessAnswers(h);
    await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, new Date());
  });
  afterAll(() => h.dispose());
  beforeEach(() => h.reset());

  it('in a supergroup without topics: says topics are missing, stores nothing', async () => {
    const chat = { id: -1004100001, type: 'supergroup', title: 'No topics' } as Chat.SupergroupChat;
    groupIs(chat, admin());
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(
      en('admin-setup-missing', { title: chat.title, missing: missingHtml('admin-setup-need-forum') }),
    );
    expect(await h.stack.services.groups.ids()).toEqual([]);
    expectValidCalls(h.calls);
  });

  it('in a basic group: a supergroup with topics is missing, then my rights', async () => {
    const chat = { id: -4100002, type: 'group', title: 'Basic' } as Chat.GroupChat;
    groupIs(chat, plainMember);
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(
      en('admin-setup-missing', {
        title: chat.title,
        missing: missingHtml(
          'admin-setup-need-supergroup',
          'admin-setup-need-forum',
          'admin-setup-need-admin',
          'admin-setup-need-manage-topics',
          'admin-setup-need-pin-messages',
          'admin-setup-need-delete-messages',
        ),
      }),
    );
  });

  it('in a forum where I lack rights: exactly the rights that are missing', async () => {
    const chat = forum(-1004100003, 'Half ready');
    groupIs(chat, admin({ can_pin_messages: false, can_delete_messages: false }));
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(
      en('admin-setup-missing', {
        title: chat.title,
        missing: missingHtml('admin-setup-need-pin-messages', 'admin-setup-need-delete-messages'),
      }),
    );
    groupIs(chat, plainMember);
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(
      en('admin-setup-missing', {
        title: chat.title,
        missing: missingHtml(
          'admin-setup-need-admin',
          'admin-setup-need-manage-topics',
          'admin-setup-need-pin-messages',
          'admin-setup-need-delete-messages',
        ),
      }),
    );
    expect(await h.stack.services.groups.ids()).toEqual([]);
  });

  it('a manager, or anyone else, is refused; nothing is stored', async () => {
    const chat = forum(-1004100004, 'Not yours');
    groupIs(chat, admin());
    // Waiting for setup (an owner added the bot): the others there hear why.
    await h.stack.services.groups.botJoined({ chatId: chat.id, title: chat.title, by: OWNER_ID });
    await h.handle(setupCommand(manager, chat));
    expect(h.lastText(chat.id)).toBe(en('admin-setup-not-owner'));
    await h.handle(setupCommand(stranger, chat));
    expect(h.lastText(chat.id)).toBe(en('admin-setup-not-owner'));
    expect(h.callsTo('getChat')).toHaveLength(0);
    expect(await h.stack.services.groups.ids()).toEqual([]);

    // Somewhere the bot does not belong: no answer, and it leaves (the group-membership rules).
    const elsewhere = forum(-1004100014, 'Random');
    await h.handle(setupCommand(stranger, elsewhere));
    expect(h.sentTo(elsewhere.id)).toHaveLength(0);
    expect(h.callsTo('leaveChat').map((c) => c.payload.chat_id)).toEqual([elsewhere.id]);
  });

  it('in a private chat it says where to run it (to an owner); a fan gets the unknown command', async () => {
    await h.handle(command(owner, '/setup'));
    expect(h.lastText(owner.id)).toBe(en('admin-setup-private', { bot: DEFAULT_BOT_INFO.username }));
    await h.handle(command(fan, '/setup'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/setup' }));
  });

  it('a ready forum becomes the admin group at once: stored, audited, menus published, fans relayed there', async () => {
    const chat = forum(-1004100005, 'Inbox');
    groupIs(chat, admin());
    await h.stack.services.groups.botJoined({ chatId: chat.id, title: chat.title, by: OWNER_ID });
    // Before: a fan's message is refused (no admin group yet).
    await h.stack.ensureFan(fan.id, { firstName: fan.first_name });
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(en('admin-setup-done', { title: chat.title, groups: 1 }));
    expect(await h.stack.services.groups.ids()).toEqual([chat.id]);
    expect(await h.stack.uow.repos.pendingGroups.get(chat.id)).toBeNull();
    expect(
      h
        .callsTo('setMyCommands')
        .filter(
          (c) => c.payload.scope?.type === 'chat_administrators' && c.payload.scope.chat_id === chat.id,
        ),
    ).toHaveLength(1);
    const audit = await h.stack.db.database.db.select().from(auditLog);
    expect(audit.filter((a) => a.action === 'admin_group_setup')).toHaveLength(1);
    expectValidCalls(h.calls);

    // No restart: the same process relays a fan's message into a topic of the new group.
    await h.stack.grant(fan.id, 10);
    await h.handle(privateText(fan, 'hello there'));
    const rows = await h.stack.outboxRows();
    const relay = rows.find((r) => r.chatId === chat.id && r.payload.kind === 'relay.in');
    expect(relay, 'a relay queued into the new admin group').toBeDefined();
    expect((await h.stack.uow.repos.topics.get(fan.id))?.groupId).toBe(chat.id);
    // And the group is an admin group for every rule: the bot stays there whatever is said.
    expect(await h.stack.services.groups.check(chat.id)).toBe('stay');

    // Again: already set up, nothing stored twice.
    await h.handle(setupCommand(owner, chat));
    expect(h.lastText(chat.id)).toBe(en('admin-setup-done-already', { title: chat.title, groups: 1 }));
    expect(await h.stack.services.groups.ids()).toEqual([chat.id]);
  });

  it('the bot demoted in an admin group: the owners hear what is missing, once; promoted again: fixed', async () => {
    const chat = forum(-1004100005, 'Inbox'); // set up in the test above
    const change = (oldMember: ChatMember, newMember: ChatMember, date: number) =>
      toUpdate({
        my_chat_member: { chat, from: owner, date, old_chat_member: oldMember, new_chat_member: newMember },
      });
    const toOwner = () => h.sentTo(OWNER_ID).map((c) => c.payload.text as string);
    const demotion = change(
      admin(),
      admin({ can_pin_messages: false, can_manage_topics: false }),
      1_800_000_000,
    );
    await h.handle(demotion);
    expect(toOwner()).toEqual([
      en('admin-setup-rights-missing', {
        title: chat.title,
        missing: missingHtml('admin-setup-need-manage-topics', 'admin-setup-need-pin-messages'),
      }),
    ]);
    // The same change delivered again (a redelivery with a new update id): nobody is told twice.
    await h.handle(
      change(admin(), admin({ can_pin_messages: false, can_manage_topics: false }), 1_800_000_000),
    );
    expect(toOwner()).toHaveLength(1);
    // A change that changes nothing needed (a right the bot does not need): nothing to say.
    await h.handle(
      change(
        admin({ can_pin_messages: false, can_manage_topics: false }),
        admin({ can_pin_messages: false, can_manage_topics: false, can_change_info: false }),
        1_800_000_100,
      ),
    );
    expect(toOwner()).toHaveLength(1);
    // Down to a plain member: now the admin right too.
    await h.handle(
      change(admin({ can_pin_messages: false, can_manage_topics: false }), plainMember, 1_800_000_200),
    );
    expect(toOwner().at(-1)).toBe(
      en('admin-setup-rights-missing', {
        title: chat.title,
        missing: missingHtml(
          'admin-setup-need-admin',
          'admin-setup-need-manage-topics',
          'admin-setup-need-pin-messages',
          'admin-setup-need-delete-messages',
        ),
      }),
    );
    await h.handle(change(plainMember, admin(), 1_800_000_300));
    expect(toOwner().at(-1)).toBe(en('admin-setup-rights-fixed', { title: chat.title }));
    expect(toOwner()).toHaveLength(3);
    // The manager (not an owner) heard nothing.
    expect(h.sentTo(manager.id)).toHaveLength(0);
    expectValidCalls(h.calls);
  });
});

describe('/setup with ADMIN_GROUP_ID configured: the environment still wins', () => {
  const ENV_GROUP = -1004200001;
  let h: BotHarness;
  beforeAll(async () => {
    h = await createBotHarness({ adminGroupId: ENV_GROUP });
    harnessAnswers(h);
  });
  afterAll(() => h.dispose());

  it('a second group set up joins after the configured one; the configured one is never stored', async () => {
    const env = forum(ENV_GROUP, 'Configured');
    const second = forum(-1004200002, 'Second');
    groupIs(env, admin());
    groupIs(second, admin());
    await h.stack.services.groups.botJoined({ chatId: second.id, title: second.title, by: OWNER_ID });
    await h.handle(setupCommand(owner, second));
    expect(h.lastText(second.id)).toBe(en('admin-setup-done', { title: second.title, groups: 2 }));
    expect(await h.stack.services.groups.ids()).toEqual([ENV_GROUP, second.id]);

    await h.handle(setupCommand(owner, env));
    expect(h.lastText(env.id)).toBe(en('admin-setup-done-configured', { title: env.title, groups: 2 }));
    expect((await h.stack.uow.repos.adminGroups.stored()).map((g) => g.chatId)).toEqual([second.id]);
    // The configured group still checks the rights (and says what is missing there).
    groupIs(env, admin({ can_delete_messages: false }));
    await h.handle(setupCommand(owner, env));
    expect(h.lastText(env.id)).toBe(
      en('admin-setup-missing', {
        title: env.title,
        missing: missingHtml('admin-setup-need-delete-messages'),
      }),
    );
    expect(await h.stack.services.groups.ids()).toEqual([ENV_GROUP, second.id]);
  });
});
