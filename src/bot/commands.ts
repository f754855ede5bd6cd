import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from '../logger.ts';

export const FAN_COMMANDS: BotCommand[] = [
  { command: 'start', description: 'Welcome and shop' },
  { command: 'balance', description: 'Your credits and time pass' },
  { command: 'buy', description: 'Buy credits or a time pass' },
  { command: 'history', description: 'Purchases and spending' },
  { command: 'billing', description: 'Saved cards and receipts (card payments)' },
  { command: 'autorecharge', description: 'Top up automatically when credits run low' },
  { command: 'content', description: 'Premium photos, videos and files' },
  { command: 'help', description: 'How this works' },
  { command: 'terms', description: 'Terms of purchase' },
  { command: 'paysupport', description: 'Help with a payment' },
];

/** Shown to the group's admins: the in-topic tools. */
export const TOPIC_COMMANDS: BotCommand[] = [
  { command: 'info', description: 'Profile, payments, notes of this fan' },
  { command: 'gift', description: 'Gift credits (/gift 10) or a pass (/gift 2h)' },
  { command: 'ban', description: "Refuse this fan's messages" },
  { command: 'unban', description: "Accept this fan's messages again" },
  { command: 'refund', description: 'Refund a payment (/refund id, ids in /info)' },
  { command: 'note', description: 'Add a private note (/note text)' },
  { command: 'close', description: 'Close this topic' },
  { command: 'reopen', description: 'Reopen this topic' },
  { command: 'delete', description: 'Reply to your answer to delete it for the fan' },
];

/** Owners see the fan menu (as they see it) with the content tools. */
export const ownerCommands = (fan: BotCommand[]): BotCommand[] => [
  ...fan.map((c) =>
    c.command === 'content'
      ? { command: 'content', description: 'Manage premium content (/content add)' }
      : c,
  ),
  { command: 'cancel', description: 'Stop adding or editing content' },
];

/** Fans see the fan menu; the admin group's admins see the topic tools. Failures only log. */
export async function publishCommands(
  api: Api,
  adminGroupId: number | null,
  logger: Logger,
  opts: { cardPayments?: boolean; ownerIds?: number[] } = {},
): Promise<void> {
  // /billing and /autorecharge only mean something with card payments on.
  const fan = opts.cardPayments
    ? FAN_COMMANDS
    : FAN_COMMANDS.filter((c) => c.command !== 'billing' && c.command !== 'autorecharge');
  try {
    await api.setMyCommands(fan, { scope: { type: 'all_private_chats' } });
    if (adminGroupId !== null) {
      await api.setMyCommands(TOPIC_COMMANDS, {
        scope: { type: 'chat_administrators', chat_id: adminGroupId },
      });
    }
  } catch (err) {
    logger.warn({ err }, 'could not publish the command menus');
  }
  for (const owner of opts.ownerIds ?? []) {
    // An owner who never opened the bot has no chat with it yet ("chat not found"): only logged.
    await api
      .setMyCommands(ownerCommands(fan), { scope: { type: 'chat', chat_id: owner } })
      .catch((err: unknown) => logger.warn({ err, owner }, 'could not publish the owner commands'));
  }
}
