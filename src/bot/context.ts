import type { Context as BaseContext } from 'grammy';
import type { User } from '../app/ports/index.ts';
import type { Services } from '../app/services.ts';
import type { Logger } from '../logger.ts';

export interface BotConfig {
  adminGroupId: number | null;
  /** Owners: full rights, error alerts in their private chats. */
  adminUserIds: number[];
}

export interface BotDeps {
  services: Services;
  config: BotConfig;
  logger: Logger;
}

interface DepsFlavor {
  services: Services;
  config: BotConfig;
  /** Tagged with the update id. */
  logger: Logger;
  /** The sender's account, refreshed for this update (null for updates without a human sender). */
  account: User | null;
}

export type Context = BaseContext & DepsFlavor;
