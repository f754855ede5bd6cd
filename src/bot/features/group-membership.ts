import { Composer, type Api } from 'grammy';
import type { ChatMember } from 'grammy/types';
import type { MembershipProbe } from '../../app/admin/index.ts';
import { updateScope } from '../../app/system/update-scope.ts';
import type { Logger } from '../../logger.ts';
import type { Context } from '../context.ts';
import { inAdminGroup } from '../filters/admin-group.ts';
import { recheckRights } from './setup.ts';

/**
 * The bot stays only in the admin groups, and for 24 h in a group or channel an owner added it to
 * (waiting for setup); it leaves anywhere else. See app/admin/groups.ts. In an admin group, the bot
 * leaving marks it removed (its fans move on), and with several groups any change of the bot's or a
 * team member's membership re-checks that the team is in every group (app/admin/memberships.ts).
 */
const composer = new Composer<Context>();
const groups = composer.chatType(['group', 'supergroup', 'channel']);

const isPresent = (m: ChatMember) =>
  m.status === 'member' ||
  m.status === 'administrator' ||
  m.status === 'creator' ||
  (m.status === 'restricted' && m.is_member);

/** Membership by `getChatMember`; unknown (null) when Telegram does not answer (e.g. the bot is not there). */
export function membershipProbe(api: Api, logger: Logger): MembershipProbe {
  return {
    async isMember(groupId, userId) {
      try {
        return isPresent(await api.getChatMember(groupId, userId));
      } catch (err) {
        logger.warn({ err, groupId, userId }, 'could not check a membership in an admin group');
        return null;
      }
    },
  };
}

/**
 * In the background: one getChatMember per group and person must not hold up the update's answer. Not
 * part of the update either (its alert is keyed on its own), so it must not take the update's claim.
 */
const checkMemberships = (ctx: Context) =>
  void updateScope
    .outside(() => ctx.services.groups.checkMemberships(membershipProbe(ctx.api, ctx.logger)))
    .catch((err: unknown) => ctx.logger.warn({ err }, 'could not check the admin group memberships'));

async function leave(ctx: Context, why: string) {
  const chat = ctx.chat!;
  ctx.logger.info({ chatId: chat.id, title: chat.title, by: ctx.from?.id, why }, 'leaving a group');
  await ctx.api
    .leaveChat(chat.id)
    .catch((err: unknown) => ctx.logger.warn({ err, chatId: chat.id }, 'could not leave the group'));
}

groups.on('my_chat_member', async (ctx, next) => {
  const { chat, from, new_chat_member } = ctx.myChatMember;
  if (inAdminGroup(ctx)) {
    if (!isPresent(new_chat_member)) await ctx.services.groups.botLeft(chat.id);
    else {
      // Promoted or demoted: what the bot can no longer do here (or that all is fixed) goes to the owners.
      await recheckRights(ctx, {
        chat,
        old: ctx.myChatMember.old_chat_member,
        now: new_chat_member,
        date: ctx.myChatMember.date,
      });
      await ctx.services.groups.botJoined({
        chatId: chat.id,
        title: chat.title ?? String(chat.id),
        by: from.id,
      });
      checkMemberships(ctx);
    }
    return next();
  }
  if (!isPresent(new_chat_member)) return ctx.services.groups.botLeft(chat.id);
  const title = chat.title ?? String(chat.id);
  const res = await ctx.services.groups.botJoined({ chatId: chat.id, title, by: from.id });
  if (res.kind === 'leave') return leave(ctx, 'added by someone who is not an owner');
  if (res.kind === 'pending' && res.added) {
    // A direct answer to the owner's own action; they may never have opened the bot (403): log it.
    const [owner] = await ctx.services.localesOf([from.id]);
    const text = ctx.translate(owner!.locale, 'admin-setup-group-pending', {
      title,
      chatId: String(chat.id),
      until: res.until,
    });
    await ctx.api
      .sendMessage(from.id, text, { parse_mode: 'HTML' })
      .catch((err: unknown) => ctx.logger.warn({ err, owner: from.id }, 'owner not told of a pending group'));
  }
});

// Someone on the team joined or left an admin group (delivered while the bot is an admin there).
groups.on('chat_member', async (ctx, next) => {
  if (
    inAdminGroup(ctx) &&
    (await ctx.services.access.roleOf(ctx.chatMember.new_chat_member.user.id)) !== null
  )
    checkMemberships(ctx);
  return next();
});

groups.use(async (ctx, next) => {
  const verdict = await ctx.services.groups.check(ctx.chat.id);
  if (verdict === 'stay') return next();
  if (verdict === 'leave') await leave(ctx, 'not the admin group, and not waiting for setup');
  // already_left: an update still in flight from a group left within the hour; nothing to do.
});

export const groupMembershipFeature = composer;
