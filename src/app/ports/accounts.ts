/** Accounts: fans and owners as Telegram users, settings, once-only marks. */

export interface TelegramProfile {
  id: number;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  languageCode?: string | undefined;
}

export interface User {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** The bot's language for them (see domain/shared/locale.ts); null only for rows from before it existed. */
  locale: string | null;
  /** `new`, `regular` or `vip` (domain/tiers). */
  tier: string;
  /** The tier was set by hand (it sticks until cleared). */
  tierManual: boolean;
  /** Credits debited for messages and unlocks, ever (the tiers' measure). */
  lifetimeSpent: number;
  isBanned: boolean;
  blockedBot: boolean;
  stripeCustomerId: string | null;
  /** The card saved for off-session charges, and how to show it ("Visa •••• 4242"). */
  stripePaymentMethodId: string | null;
  stripeCardLabel: string | null;
  autoRechargeEnabled: boolean;
  autoRechargeProductId: number | null;
  autoRechargeThreshold: number | null;
  autoRechargeFailures: number;
  /** `/paysupport` without text: the next message within 15 minutes goes to the team free. */
  supportRequestedAt: Date | null;
  creditBalance: number;
  timePassUntil: Date | null;
  /** The fan had their data deleted (`/privacy`): names are no longer stored (null: never). */
  forgottenAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface UsersRepo {
  /** Inserts or refreshes the profile and last-seen time; `created` tells a first contact. */
  upsert(profile: TelegramProfile, now: Date): Promise<{ user: User; created: boolean }>;
  /**
   * In one read: the user's row (null for someone never seen) and whether update `updateId` was
   * processed already (a redelivery), and the name of the person's open guided flow (`flows`; null:
   * none), so that a message needs no read to learn it is not an answer to a flow. The update
   * lifecycle's fast path (app/accounts/accounts.ts). `version` changes with every write of the row: a
   * charge in the same update may take the row as read if it is still that version (`ledger.applyAsRead`).
   */
  lookup(
    id: number,
    updateId: number,
  ): Promise<{ user: User; processed: boolean; openFlow: string | null; version: string } | null>;
  get(id: number): Promise<User | null>;
  /** Reads the user under a row lock (serialises a fan's charges). Call inside `uow.run`. */
  getForUpdate(id: number): Promise<User | null>;
  setBlockedBot(id: number, blocked: boolean): Promise<void>;
  /** `/language`: the language the bot speaks to them from now on. */
  setLocale(id: number, locale: string): Promise<void>;
  /** `/paysupport` without text waits for the fan's next message (null: it came, or was cancelled). */
  setSupportRequested(id: number, at: Date | null): Promise<void>;
  setPassUntil(id: number, until: Date | null): Promise<void>;
  setBanned(id: number, banned: boolean): Promise<void>;
  /** Stores the fan's Stripe Customer unless one is stored already; returns the one that is stored. */
  setStripeCustomer(id: number, customerId: string): Promise<string>;
  findByStripeCustomer(customerId: string): Promise<User | null>;
  findBySavedCard(paymentMethodId: string): Promise<User | null>;
  /** The card to charge off-session (null clears it). */
  setSavedCard(id: number, card: { paymentMethodId: string; label: string } | null): Promise<void>;
  setAutoRecharge(id: number, a: { enabled: boolean; productId?: number; threshold?: number }): Promise<void>;
  /** One more consecutive failure; returns the new count. */
  noteAutoRechargeFailure(id: number): Promise<number>;
  resetAutoRechargeFailures(id: number): Promise<void>;
}

export interface SettingsRepo {
  all(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown, by: number | null): Promise<void>;
}

export interface OnceRepo {
  /** True for exactly one caller per key, across processes. */
  claim(key: string): Promise<boolean>;
  /** Drops marks with this key prefix created before `cutoff` (expired throttle windows). */
  pruneOlderThan(prefix: string, cutoff: Date): Promise<number>;
}
