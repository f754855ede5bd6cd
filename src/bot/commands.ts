import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Translator } from '../app/ports/index.ts';
import { DEFAULT_LOCALE, LOCALES, telegramLanguageCode, type Locale } from '../domain/shared/index.ts';
import type { Logger } from '../logger.ts';
import type { Context } from './context.ts';

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

/** The menu for one person's chat in `locale` (after /language): the owners' or the fans'. */
export async function commandsFor(ctx: Context, locale: Locale): Promise<BotCommand[]> {
  const opts = { cardPayments: ctx.services.billing.enabled };
  const t = { t: ctx.translate };
  return (await ctx.services.access.can(ctx.from!.id, 'products.edit'))
    ? ownerCommands(t, locale, opts)
    : fanCommands(t, locale, opts);
}

/**
 * Publishes the menus: the fans' in every language (Telegram picks by the client's language; English for
 * the rest), the topic tools to the admin group's admins, and the owners' in their chats. Failures only log.
 */
export async function publishCommands(
  api: Api,
  t: Translator,
  logger: Logger,
  opts: CommandOptions & {
    adminGroupIds: readonly number[];
    groupLocale: Locale;
    owners: Array<{ id: number; locale: Locale }>;
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
      await api.setMyCommands(topicCommands(t, opts.groupLocale), {
        scope: { type: 'chat_administrators', chat_id: groupId },
      });
    }
  } catch (err) {
    logger.warn({ err }, 'could not publish the command menus');
  }
  for (const owner of opts.owners) {
    // An owner who never opened the bot has no chat with it yet ("chat not found"): only logged.
    await api
      .setMyCommands(ownerCommands(t, owner.locale, opts), { scope: { type: 'chat', chat_id: owner.id } })
      .catch((err: unknown) => logger.warn({ err, owner: owner.id }, 'could not publish the owner commands'));
  }
}
