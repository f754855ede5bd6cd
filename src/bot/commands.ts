import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from '../logger.ts';

export const FAN_COMMANDS: BotCommand[] = [
  { command: 'start', description: 'Welcome and shop' },
  { command: 'balance', description: 'Your credits and time pass' },
  { command: 'help', description: 'How this works' },
];

export const ADMIN_COMMANDS: BotCommand[] = [...FAN_COMMANDS];

/** Fans see the fan menu; each owner's private chat (scoped) shows the admin menu. Failures only log. */
export async function publishCommands(api: Api, ownerIds: number[], logger: Logger): Promise<void> {
  try {
    await api.setMyCommands(FAN_COMMANDS, { scope: { type: 'all_private_chats' } });
    for (const id of ownerIds) {
      await api.setMyCommands(ADMIN_COMMANDS, { scope: { type: 'chat', chat_id: id } });
    }
  } catch (err) {
    logger.warn({ err }, 'could not publish the command menus');
  }
}
