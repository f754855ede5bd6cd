import type { Context as BaseContext } from 'grammy';
import type { TextArg, Translator, User } from '../app/ports/index.ts';
import type { Services } from '../app/services.ts';
import type { Locale } from '../domain/shared/index.ts';
import type { Logger } from '../logger.ts';

export interface BotConfig {
  /**
   * The admin forum groups, configured first (empty: not set up yet). Given at start as the configured
   * ones; each update's `ctx.config` has every admin group now (those set up with /setup too).
   */
  adminGroupIds: readonly number[];
  /** Owners: full rights, error alerts in their private chats. */
  adminUserIds: number[];
}

export interface BotDeps {
  services: Services;
  config: BotConfig;
  logger: Logger;
  /** The catalogue (locales/), for `ctx.t`. */
  translator: Translator;
  /** The language of what the bot says in the admin group (the `group_language` setting). */
  groupLocale: () => Promise<Locale>;
}

/** A text in the reader's language; string arguments are escaped (every text is sent as HTML). */
export type TranslateFn = (key: string, args?: Record<string, TextArg | Date>) => string;

interface DepsFlavor {
  services: Services;
  config: BotConfig;
  /** Tagged with the update id. */
  logger: Logger;
  /** The sender's account, refreshed for this update (null for updates without a human sender). */
  account: User | null;
  /**
   * The version of `account`'s row as the update read it (null: the update wrote it, or has none): a
   * fan's message is charged from the row as read while it is unchanged (`ledger.applyAsRead`).
   */
  accountVersion?: string | null | undefined;
  /**
   * The sender's open guided flow (`flows`) as read when the update began: null when they have none,
   * undefined when it was not read. A message handler of a flow passes on at once when it is null.
   */
  openFlow?: string | null | undefined;
  /** The language of this chat: the person's own in a private chat, the group language in the admin group. */
  locale: Locale;
  t: TranslateFn;
  /** A text in any language (the language menu names each language in itself). */
  translate: Translator['t'];
  /** Speak another language from now on in this update (after /language, or once the account is loaded). */
  useLocale(locale: Locale): void;
}

export type Context = BaseContext & DepsFlavor;
