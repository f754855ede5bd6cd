import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Role, Translator } from '../app/ports/index.ts';
import { roleCan } from '../domain/access/index.ts';
import { DEFAULT_LOCALE, LOCALES, telegramLanguageCode, type Locale } from '../domain/shared/index.ts';
import type { Logger } from '../logger.ts';
import type { Context } from './context.ts';
import { HUB_CATEGORIES } from './features/admin/hub/registry.ts';

/** The fans' menu, in order; each described by `command-<name>`. */
export const FAN_COMMANDS = [
  'start',
  'balance',
  'buy',
  'history',
  'billing',
  'autorecharge',
  'content',
  'language',
  'help',
  'terms',
  'privacy',
  'paysupport',
] as const;

/** Only with card payments on. */
const CARD_ONLY = new Set<string>(['billing', 'autorecharge']);

/** The group admins' tools inside a fan's topic; each described by `admin-command-<name>`. */
export const TOPIC_COMMANDS = [
  'info',
  'gift',
  'ban',
  'unban',
  'refund',
  'note',
  'close',
  'reopen',
  'delete',
] as const;

export interface CommandOptions {
  cardPayments: boolean;
}

export function fanCommands(t: Translator, locale: Locale, opts: CommandOptions): BotCommand[] {
  return FAN_COMMANDS.filter((c) => opts.cardPayments || !CARD_ONLY.has(c)).map((command) => ({
    command,
    description: t.t(locale, `command-${command}`),
  }));
}

/** Owners see the fan menu (as fans see it) with the content tools. */
export function ownerCommands(t: Translator, locale: Locale, opts: CommandOptions): BotCommand[] {
  return [
    ...fanCommands(t, locale, opts).map((c) =>
      c.command === 'content' ? { command: 'content', description: t.t(locale, 'admin-command-content') } : c,
    ),
    { command: 'cancel', description: t.t(locale, 'admin-command-cancel') },
  ];
}

export function topicCommands(t: Translator, locale: Locale): BotCommand[] {
  return TOPIC_COMMANDS.map((command) => ({ command, description: t.t(locale, `admin-command-${command}`) }));
}

/**
 * A team member's private menu: the fans' commands (with the content tools for those who edit
 * products), `/admin`, then a direct command for each built hub category their role allows.
 */
export function teamCommands(t: Translator, locale: Locale, role: Role, opts: CommandOptions): BotCommand[] {
  const base = roleCan(role, 'products.edit') ? ownerCommands(t, locale, opts) : fanCommands(t, locale, opts);
  const hub = ['admin', ...HUB_CATEGORIES.filter((c) => roleCan(role, c.permission)).map((c) => c.id)];
  // `/reset <user id>`: test accounts back to zero (owners).
  if (roleCan(role, 'accounts.reset')) hub.push('reset');
  return [
    ...base,
    ...hub.map((command) => ({ command, description: t.t(locale, `admin-command-${command}`) })),
  ];
}

/** The admin group's menu for its administrators: the tools of a fan's topic and `/admin`. */
export function groupCommands(t: Translator, locale: Locale): BotCommand[] {
  return [...topicCommands(t, locale), { command: 'admin', description: t.t(locale, 'admin-command-admin') }];
}

/** The menu for one person's chat in `locale` (after /language): the team member's or the fans'. */
export async function commandsFor(ctx: Context, locale: Locale): Promise<BotCommand[]> {
  const opts = { cardPayments: ctx.services.billing.enabled };
  const t = { t: ctx.translate };
  const role = await ctx.services.access.roleOf(ctx.from!.id);
  return role ? teamCommands(t, locale, role, opts) : fanCommands(t, locale, opts);
}

/**
 * Publishes one team member's menu in their private chat (at start, and when they join the team or
 * their role changes). A member who never opened the bot has no chat with it yet ("chat not found"):
 * only logged.
 */
export async function publishMemberCommands(
  api: Api,
  t: Translator,
  logger: Logger,
  member: { id: number; locale: Locale; role: Role },
  opts: CommandOptions,
): Promise<void> {
  await api
    .setMyCommands(teamCommands(t, member.locale, member.role, opts), {
      scope: { type: 'chat', chat_id: member.id },
    })
    .catch((err: unknown) => logger.warn({ err, member: member.id }, 'could not publish the team commands'));
}

/** The topic tools and `/admin` for the administrators of one admin group (a group just set up). */
export async function publishGroupCommands(
  api: Api,
  t: Translator,
  logger: Logger,
  groupId: number,
  locale: Locale,
): Promise<void> {
  await api
    .setMyCommands(groupCommands(t, locale), { scope: { type: 'chat_administrators', chat_id: groupId } })
    .catch((err: unknown) => logger.warn({ err, groupId }, 'could not publish the admin group commands'));
}

/**
 * A person's private menu after a team change: their role's, or (off the team) the fans' again, by
 * dropping their chat's own menu.
 */
export async function refreshMemberCommands(
  api: Api,
  t: Translator,
  logger: Logger,
  member: { id: number; locale: Locale; role: Role | null },
  opts: CommandOptions,
): Promise<void> {
  if (member.role) return publishMemberCommands(api, t, logger, { ...member, role: member.role }, opts);
  await api
    .deleteMyCommands({ scope: { type: 'chat', chat_id: member.id } })
    .catch((err: unknown) => logger.warn({ err, member: member.id }, 'could not drop the team commands'));
}

/**
 * Publishes the menus: the fans' in every language (Telegram picks by the client's language; English for
 * the rest), the topic tools and `/admin` to the admin group's admins, and each team member's in their
 * chat. Failures only log.
 */
export async function publishCommands(
  api: Api,
  t: Translator,
  logger: Logger,
  opts: CommandOptions & {
    adminGroupIds: readonly number[];
    groupLocale: Locale;
    team: Array<{ id: number; locale: Locale; role: Role }>;
  },
): Promise<void> {
  try {
    await api.setMyCommands(fanCommands(t, DEFAULT_LOCALE, opts), { scope: { type: 'all_private_chats' } });
    for (const locale of LOCALES)
      await api.setMyCommands(fanCommands(t, locale, opts), {
        scope: { type: 'all_private_chats' },
        language_code: telegramLanguageCode(locale) as 'en',
      });
    for (const groupId of opts.adminGroupIds) {
      await api.setMyCommands(groupCommands(t, opts.groupLocale), {
        scope: { type: 'chat_administrators', chat_id: groupId },
      });
    }
  } catch (err) {
    logger.warn({ err }, 'could not publish the command menus');
  }
  for (const member of opts.team) await publishMemberCommands(api, t, logger, member, opts);
}
