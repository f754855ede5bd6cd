import { randomInt } from 'node:crypto';
import { GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import type { Candidate, TeamEntry, TeamFailure } from '../../../../app/admin/team/index.ts';
import { escapeHtml } from '../../../../app/messages.ts';
import type { Role } from '../../../../app/ports/index.ts';
import { refreshMemberCommands } from '../../../commands.ts';
import type { Context } from '../../../context.ts';
import {
  cut,
  escapeCut,
  listScreen,
  type HubCategory,
  type HubInputResult,
  type HubScreen,
} from './screen.ts';

/**
 * Team (owners only, `team.manage`): the members with their role and who added them when; adding one
 * (a `request_users` button, or a forwarded message of theirs), picking or changing the role, removing
 * (after a confirmation). Adding sends the member a one-use invite link to each admin group (24 h);
 * removing bans and at once unbans them in each admin group, so they are out of the fans' conversations
 * but may be invited again. The member's command menu follows every change.
 */

const CAT = 'team';

const idArg = (arg: string): number | null => (/^\d{1,15}$/.test(arg) ? Number(arg) : null);

const roleName = (ctx: Context, role: Role) =>
  ctx.t(
    role === 'owner'
      ? 'admin-hub-role-owner'
      : role === 'manager'
        ? 'admin-hub-role-manager'
        : 'admin-hub-role-agent',
  );

/** "Name (@user)", or the id where the bot does not know them. */
const who = (m: { userId: number; name: string | null; username: string | null }) =>
  `${m.name ?? m.userId}${m.username ? ` (@${m.username})` : ''}`;

const failure = (ctx: Context, code: TeamFailure): HubScreen => ({
  text: ctx.t(
    {
      not_allowed: 'admin-hub-not-allowed',
      not_member: 'admin-team-not-member',
      config_owner: 'admin-team-config-owner',
      last_owner: 'admin-team-last-owner',
      stale: 'admin-team-stale',
      is_bot: 'admin-team-is-bot',
    }[code],
  ),
  rows: [],
  back: { cat: CAT },
});

export const teamCategory: HubCategory = {
  id: CAT,
  permission: 'team.manage',
  titleKey: 'admin-hub-category-team',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    if (act === 'main') {
      const page = idArg(arg);
      return page === null ? null : listMembers(ctx, actor, page);
    }
    if (act === 'add') return arg === '0' ? askForMember(ctx) : null;
    const userId = idArg(arg);
    if (userId === null) return null;
    switch (act) {
      case 'm':
        return memberCard(ctx, actor, userId);
      case 'addm':
      case 'adda':
        return addMember(ctx, actor, userId, act === 'addm' ? 'manager' : 'agent');
      case 'tom':
      case 'toa':
        return changeRole(ctx, actor, userId, act === 'tom' ? 'manager' : 'agent');
      case 'rm':
        return confirmRemove(ctx, actor, userId);
      case 'rmok':
        return removeMember(ctx, actor, userId);
      default:
        return null;
    }
  },
  async input(ctx, act, arg, message) {
    if (act !== 'add') return null;
    return memberShared(ctx, Number(arg), message);
  },
};

async function listMembers(ctx: Context, actor: number, page: number): Promise<HubScreen> {
  const res = await ctx.services.team.list(actor);
  if (!res.ok) return failure(ctx, res.code);
  const screen = listScreen<TeamEntry>(ctx, {
    header: ctx.t('admin-team-title', { count: res.team.length }),
    items: res.team,
    page,
    // A line is plain text (listScreen escapes it): names go in unescaped here, escaped once there.
    line: (m) =>
      m.fromConfig
        ? ctx.t('admin-team-line-config', { who: { html: who(m) }, role: roleName(ctx, m.role) })
        : ctx.t('admin-team-line', {
            who: { html: who(m) },
            role: roleName(ctx, m.role),
            by: { html: m.addedBy ? (m.addedByName ?? String(m.addedBy)) : ctx.t('admin-team-by-claim') },
            at: m.addedAt ?? new Date(0),
          }),
    button: (m) => ({
      text: `${who(m)} · ${roleName(ctx, m.role)}`,
      to: { cat: CAT, act: 'm', arg: m.userId },
    }),
    pageTarget: (p) => ({ cat: CAT, act: 'main', arg: p }),
    empty: ctx.t('admin-team-empty'),
  });
  return {
    ...screen,
    rows: [[{ text: ctx.t('admin-team-add'), to: { cat: CAT, act: 'add' } }], ...screen.rows],
  };
}

/**
 * Asks who to add: a reply keyboard with a `request_users` button (its request id is the question's
 * argument, so a button from an older question is told apart), or a forwarded message of theirs.
 */
async function askForMember(ctx: Context): Promise<HubScreen> {
  const requestId = randomInt(1, 2 ** 31 - 1);
  await ctx.reply(ctx.t('admin-team-share-prompt'), {
    parse_mode: 'HTML',
    reply_markup: {
      keyboard: [
        [
          {
            text: cut(ctx.t('admin-team-share-button'), 64),
            request_users: {
              request_id: requestId,
              user_is_bot: false,
              max_quantity: 1,
              request_name: true,
              request_username: true,
            },
          },
        ],
      ],
      resize_keyboard: true,
      one_time_keyboard: true,
    },
  });
  return {
    text: ctx.t('admin-team-add-ask'),
    rows: [],
    back: { cat: CAT },
    ask: { act: 'add', arg: requestId },
  };
}

/** The answer to "who?": a shared user, a forwarded message, or why neither works. */
async function memberShared(ctx: Context, requestId: number, message: Message): Promise<HubInputResult> {
  let person: { userId: number; name: string; username: string | null; isBot: boolean } | null = null;
  if (message.users_shared) {
    if (message.users_shared.request_id !== requestId) return { retry: ctx.t('admin-team-share-stale') };
    const shared = message.users_shared.users[0];
    if (!shared) return { retry: ctx.t('admin-team-add-how') };
    person = {
      userId: shared.user_id,
      name: [shared.first_name, shared.last_name].filter(Boolean).join(' ') || String(shared.user_id),
      username: shared.username ?? null,
      isBot: false,
    };
  } else if (message.forward_origin) {
    const origin = message.forward_origin;
    if (origin.type === 'hidden_user')
      return { retry: ctx.t('admin-team-forward-hidden', { name: origin.sender_user_name }) };
    if (origin.type !== 'user') return { retry: ctx.t('admin-team-add-how') };
    const u = origin.sender_user;
    person = {
      userId: u.id,
      name: [u.first_name, u.last_name].filter(Boolean).join(' '),
      username: u.username ?? null,
      isBot: u.is_bot,
    };
  }
  if (!person) return { retry: ctx.t('admin-team-add-how') };
  const res = await ctx.services.team.propose(ctx.from!.id, person);
  if (!res.ok) return { retry: failure(ctx, res.code).text };
  // The share keyboard has done its job.
  await ctx.reply(ctx.t('admin-team-shared', { who: who(res.candidate) }), {
    parse_mode: 'HTML',
    reply_markup: { remove_keyboard: true },
  });
  return pickRole(ctx, res.candidate);
}

function pickRole(ctx: Context, c: Candidate): HubScreen {
  return {
    text: ctx.t(c.role ? 'admin-team-pick-role-member' : 'admin-team-pick-role', {
      who: who(c),
      role: c.role ? roleName(ctx, c.role) : '',
    }),
    rows: [
      [
        { text: ctx.t('admin-team-role-manager'), to: { cat: CAT, act: 'addm', arg: c.userId } },
        { text: ctx.t('admin-team-role-agent'), to: { cat: CAT, act: 'adda', arg: c.userId } },
      ],
    ],
    back: { cat: CAT },
  };
}

/** Refreshes one person's private command menu after a team change (their new role, or the fans'). */
async function refreshMenu(ctx: Context, userId: number): Promise<void> {
  const [person] = await ctx.services.localesOf([userId]);
  await refreshMemberCommands(
    ctx.api,
    { t: ctx.translate },
    ctx.logger,
    { id: userId, locale: person!.locale, role: await ctx.services.access.roleOf(userId) },
    { cardPayments: ctx.services.billing.enabled },
  );
}

async function addMember(ctx: Context, actor: number, userId: number, role: 'manager' | 'agent') {
  const res = await ctx.services.team.add(actor, { userId, role });
  if (!res.ok) return failure(ctx, res.code);
  const name = who(res.candidate);
  await refreshMenu(ctx, userId);
  if (res.previous)
    return memberCard(ctx, actor, userId, ctx.t('admin-team-role-changed', { role: roleName(ctx, role) }));

  // One single-use link per admin group, valid a day, sent to the member if they have opened the bot.
  const groups = ctx.config.adminGroupIds;
  const links: string[] = [];
  const failed: number[] = [];
  const expire = Math.floor(res.invitesExpireAt.getTime() / 1000);
  for (const groupId of groups) {
    try {
      const link = await ctx.api.createChatInviteLink(groupId, {
        name: cut(`fanbridge: ${res.candidate.name}`, 32),
        member_limit: 1,
        expire_date: expire,
      });
      links.push(link.invite_link);
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      ctx.logger.warn({ err, groupId }, 'could not create an invite link for a new team member');
      failed.push(groupId);
    }
  }
  const list = links.map((l, i) => `${i + 1}. ${escapeHtml(l)}`).join('\n');
  let delivered = false;
  if (links.length > 0) {
    const [member] = await ctx.services.localesOf([userId]);
    try {
      await ctx.api.sendMessage(
        userId,
        ctx.translate(member!.locale, 'admin-team-invite', {
          role: ctx.translate(
            member!.locale,
            role === 'manager' ? 'admin-hub-role-manager' : 'admin-hub-role-agent',
          ),
          links: { html: list },
        }),
        { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
      );
      delivered = true;
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      // 403 (never opened the bot, or blocked it) or 400 "chat not found": the owner forwards them.
    }
  }
  await ctx.services.team.auditAccess(actor, {
    userId,
    action: 'team_invites',
    details: { groups: groups.length, links: links.length, delivered, failed },
  });
  const lines = [ctx.t('admin-team-added', { who: name, role: roleName(ctx, role) })];
  if (groups.length === 0) lines.push(ctx.t('admin-team-no-groups'));
  else if (delivered) lines.push(ctx.t('admin-team-links-sent', { count: links.length }));
  else if (links.length > 0) lines.push(ctx.t('admin-team-links-forward', { links: { html: list } }));
  if (failed.length > 0) lines.push(ctx.t('admin-team-links-failed', { count: failed.length }));
  return {
    text: lines.join('\n\n'),
    rows: [[{ text: ctx.t('admin-team-open-member'), to: { cat: CAT, act: 'm', arg: userId } }]],
    back: { cat: CAT },
  };
}

async function memberCard(ctx: Context, actor: number, userId: number, note?: string): Promise<HubScreen> {
  const res = await ctx.services.team.member(actor, userId);
  if (!res.ok) return failure(ctx, res.code);
  const m = res.member;
  const lines = [
    ctx.t('admin-team-member', {
      who: { html: escapeCut(who(m), 200) },
      id: String(m.userId),
      role: roleName(ctx, m.role),
    }),
    m.fromConfig
      ? ctx.t('admin-team-member-config')
      : ctx.t('admin-team-member-added', {
          by: m.addedBy ? (m.addedByName ?? String(m.addedBy)) : ctx.t('admin-team-by-claim'),
          at: m.addedAt ?? new Date(0),
        }),
  ];
  if (note) lines.unshift(note, '');
  const rows = m.fromConfig
    ? []
    : [
        [
          ...(m.role !== 'manager'
            ? [{ text: ctx.t('admin-team-make-manager'), to: { cat: CAT, act: 'tom', arg: userId } }]
            : []),
          ...(m.role !== 'agent'
            ? [{ text: ctx.t('admin-team-make-agent'), to: { cat: CAT, act: 'toa', arg: userId } }]
            : []),
        ],
        [{ text: ctx.t('admin-team-remove'), to: { cat: CAT, act: 'rm', arg: userId } }],
      ];
  return { text: lines.join('\n'), rows, back: { cat: CAT } };
}

async function changeRole(ctx: Context, actor: number, userId: number, role: 'manager' | 'agent') {
  const res = await ctx.services.team.changeRole(actor, { userId, role });
  if (!res.ok) return failure(ctx, res.code);
  if (res.changed) await refreshMenu(ctx, userId);
  return memberCard(ctx, actor, userId, ctx.t('admin-team-role-changed', { role: roleName(ctx, role) }));
}

async function confirmRemove(ctx: Context, actor: number, userId: number): Promise<HubScreen> {
  const res = await ctx.services.team.member(actor, userId);
  if (!res.ok) return failure(ctx, res.code);
  if (res.member.fromConfig) return failure(ctx, 'config_owner');
  return {
    text: ctx.t('admin-team-remove-confirm', {
      who: who(res.member),
      groups: ctx.config.adminGroupIds.length,
      self: userId === actor ? 'yes' : 'no',
    }),
    rows: [[{ text: ctx.t('admin-team-remove-yes'), to: { cat: CAT, act: 'rmok', arg: userId } }]],
    back: { cat: CAT, act: 'm', arg: userId },
  };
}

async function removeMember(ctx: Context, actor: number, userId: number): Promise<HubScreen> {
  const res = await ctx.services.team.remove(actor, userId);
  if (!res.ok) return failure(ctx, res.code);
  // Out of every admin group (ban), but free to be invited again later (unban only if banned).
  const failed: number[] = [];
  for (const groupId of ctx.config.adminGroupIds) {
    try {
      await ctx.api.banChatMember(groupId, userId, { revoke_messages: false });
      await ctx.api.unbanChatMember(groupId, userId, { only_if_banned: true });
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      ctx.logger.warn({ err, groupId, userId }, 'could not take a removed member out of an admin group');
      failed.push(groupId);
    }
  }
  await refreshMenu(ctx, userId);
  await ctx.services.team.auditAccess(actor, {
    userId,
    action: 'team_access_removed',
    details: { groups: ctx.config.adminGroupIds.length, failed },
  });
  const lines = [
    ctx.t('admin-team-removed', { id: String(userId), groups: ctx.config.adminGroupIds.length }),
  ];
  if (failed.length > 0) lines.push(ctx.t('admin-team-remove-failed', { count: failed.length }));
  // Removing oneself ends one's own access: the hub is gone for them.
  return { text: lines.join('\n\n'), rows: [], back: userId === actor ? null : { cat: CAT } };
}

/**
 * A user shared with a `request_users` button when no question is open (the keyboard outlived its
 * question: answered, cancelled, or an hour old): say so, and drop the keyboard.
 */
export async function staleShare(ctx: Context): Promise<void> {
  await ctx.reply(ctx.t('admin-team-share-gone'), {
    parse_mode: 'HTML',
    reply_markup: { remove_keyboard: true },
  });
}
