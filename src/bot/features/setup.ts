import { Composer, GrammyError, type Api } from 'grammy';
import type { Chat, ChatMember } from 'grammy/types';
import type { GroupRights, SetupNeed } from '../../app/admin/index.ts';
import { missingForSetup } from '../../app/admin/index.ts';
import { updateScope } from '../../app/system/update-scope.ts';
import { publishGroupCommands } from '../commands.ts';
import type { Context, TranslateFn } from '../context.ts';
import { membershipProbe } from './group-membership.ts';

/**
 * `/setup`, run by an owner in a group: the bot checks the group (a forum supergroup) and its own rights
 * there (manage topics, pin, delete), lists exactly what is missing with how to fix each, and with
 * everything in place makes the group an admin group at once (app/admin/groups.ts): no id to copy, no
 * restart. In a private chat it says where to run it. Registered before the group-membership rules, so
 * an owner's /setup in a group the bot would otherwise leave still gets an answer.
 */
const composer = new Composer<Context>();

/** The catalogue key of each missing thing: what it is and how to fix it. */
export const NEED_KEYS: Record<SetupNeed, string> = {
  supergroup: 'admin-setup-need-supergroup',
  forum: 'admin-setup-need-forum',
  admin: 'admin-setup-need-admin',
  manage_topics: 'admin-setup-need-manage-topics',
  pin_messages: 'admin-setup-need-pin-messages',
  delete_messages: 'admin-setup-need-delete-messages',
};

/** The bounded list of what is missing, one line each (HTML). */
export const needLines = (t: TranslateFn, missing: readonly SetupNeed[]): string =>
  missing.map((n) => `• ${t(NEED_KEYS[n])}`).join('\n');

/** What a member's record says about the bot's rights (a chat member from getChatMember or my_chat_member). */
export function rightsOf(chat: Pick<Chat, 'type'> & { is_forum?: boolean }, bot: ChatMember): GroupRights {
  const admin = bot.status === 'administrator' ? bot : null;
  const creator = bot.status === 'creator';
  return {
    type: chat.type,
    isForum: chat.is_forum === true,
    isAdmin: admin !== null || creator,
    canManageTopics: creator || admin?.can_manage_topics === true,
    canPinMessages: creator || admin?.can_pin_messages === true,
    canDeleteMessages: creator || admin?.can_delete_messages === true,
  };
}

/** The group as Telegram sees it now (getChat) and the bot's rights in it (getChatMember of itself). */
async function probeRights(api: Api, chatId: number, botId: number): Promise<GroupRights> {
  const [chat, me] = await Promise.all([api.getChat(chatId), api.getChatMember(chatId, botId)]);
  return rightsOf(chat, me);
}

composer.chatType(['group', 'supergroup']).command('setup', async (ctx, next) => {
  const chat = ctx.chat;
  const actor = ctx.from.id;
  const reply = (text: string) =>
    ctx.reply(text, {
      parse_mode: 'HTML',
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
      ...(ctx.msg.is_topic_message && ctx.msg.message_thread_id
        ? { message_thread_id: ctx.msg.message_thread_id }
        : {}),
    });
  if (!(await ctx.services.access.can(actor, 'team.manage'))) {
    // Someone else in an admin group or in one waiting for setup hears why; anywhere else the bot
    // does not stay (the group-membership rules below decide).
    if (ctx.config.adminGroupIds.includes(chat.id) || (await ctx.services.groups.isWaiting(chat.id)))
      return void (await reply(ctx.t('admin-setup-not-owner')));
    return next();
  }
  let rights: GroupRights;
  try {
    rights = await probeRights(ctx.api, chat.id, ctx.me.id);
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    ctx.logger.warn({ err, chatId: chat.id }, '/setup could not read the group');
    return void (await reply(ctx.t('admin-setup-unreadable')));
  }
  const title = chat.title;
  const res = await ctx.services.groups.setup({ actorId: actor, chatId: chat.id, title, rights });
  if (!res.ok) {
    if (res.code === 'not_allowed') return void (await reply(ctx.t('admin-setup-not-owner')));
    return void (await reply(
      ctx.t('admin-setup-missing', { title, missing: { html: needLines(ctx.t, res.missing) } }),
    ));
  }
  // This update's view of the admin groups (the group may have just joined them).
  ctx.config = { ...ctx.config, adminGroupIds: await ctx.services.groups.ids() };
  const key =
    res.status === 'configured'
      ? 'admin-setup-done-configured'
      : res.status === 'already'
        ? 'admin-setup-done-already'
        : 'admin-setup-done';
  const locale = (await ctx.services.getSettings()).group_language;
  await reply(ctx.translate(locale, key, { title, groups: ctx.config.adminGroupIds.length }));
  if (res.status === 'added') {
    await publishGroupCommands(ctx.api, { t: ctx.translate }, ctx.logger, chat.id, locale);
    // With several groups now: is the whole team in every one? (In the background, outside the update.)
    void updateScope
      .outside(() => ctx.services.groups.checkMemberships(membershipProbe(ctx.api, ctx.logger)))
      .catch((err: unknown) => ctx.logger.warn({ err }, 'could not check the admin group memberships'));
  }
});

// In a private chat: where to run it (for owners; anyone else gets what an unknown command gets).
composer.chatType('private').command('setup', async (ctx, next) => {
  if (!(await ctx.services.access.can(ctx.from.id, 'team.manage'))) return next();
  await ctx.reply(ctx.t('admin-setup-private', { bot: ctx.me.username }), { parse_mode: 'HTML' });
});

/**
 * The bot was promoted or demoted in an admin group (`my_chat_member`): what it can no longer do there,
 * or that everything is fixed, goes to each owner privately in their language, once per change.
 */
export async function recheckRights(
  ctx: Context,
  change: {
    chat: Chat;
    old: ChatMember;
    now: ChatMember;
    date: number;
  },
): Promise<void> {
  const before = missingForSetup(rightsOf(change.chat, change.old));
  const after = missingForSetup(rightsOf(change.chat, change.now));
  const res = await ctx.services.groups.rightsChanged({
    chatId: change.chat.id,
    before,
    after,
    changeKey: `${change.date}:${after.join(',') || 'ok'}`,
  });
  if (!res) return;
  const title = 'title' in change.chat && change.chat.title ? change.chat.title : String(change.chat.id);
  const locales = await ctx.services.localesOf(res.owners);
  for (const { id, locale } of locales) {
    const t: TranslateFn = (key, args) => ctx.translate(locale, key, args);
    const text =
      after.length === 0
        ? t('admin-setup-rights-fixed', { title })
        : t('admin-setup-rights-missing', { title, missing: { html: needLines(t, after) } });
    await ctx.api
      .sendMessage(id, text, { parse_mode: 'HTML' })
      .catch((err: unknown) => ctx.logger.warn({ err, owner: id }, 'owner not told of the bot’s rights'));
  }
}

export const setupFeature = composer;
