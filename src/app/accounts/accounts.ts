import type { Clock } from '../../domain/shared/index.ts';
import { passRemaining } from '../../domain/entitlement/index.ts';
import { isLowBalance } from '../../domain/ledger/index.ts';
import {
  DAY_SECONDS,
  discountFor,
  listPricedTypes,
  savingTip,
  type PricedType,
  type SavingTip,
} from '../../domain/pricing/index.ts';
import type { TelegramProfile, UnitOfWork, User } from '../ports/index.ts';
import { renameTopicIfNameChanged } from './fan-state.ts';
import { resolveSettings } from '../system/settings.ts';

export interface AccountsDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export type BeginResult =
  | { duplicate: true }
  | {
      duplicate: false;
      user: User | null;
      created: boolean;
      /**
       * The sender's open guided flow as read at the start (null: none); absent when not read (the
       * profile was written). Lets a message that answers no flow skip the flows' own reads.
       */
      openFlow?: string | null;
      /**
       * The version of `user`'s row as read (absent when the profile was written): a charge later in the
       * update starts from the row as read while it is still that version (`ledger.applyAsRead`).
       */
      version?: string;
    };

/**
 * How stale `users.last_seen_at` may get before an update refreshes it. Within it, an update from someone
 * whose profile did not change writes nothing (one read instead of a transaction); a topic rename that
 * waited out its throttle (fan-state.ts) is queued by the first refresh after it.
 */
export const PROFILE_REFRESH_MS = 60_000;

/** The stored row says what Telegram says now (a missing language code keeps the stored one). */
function profileMatches(user: User, p: TelegramProfile): boolean {
  // Names of a fan who had their data deleted are not stored, so they cannot differ.
  const forgotten = user.forgottenAt !== null;
  return (
    (forgotten ||
      (user.firstName === p.firstName &&
        user.lastName === (p.lastName ?? null) &&
        user.username === (p.username ?? null))) &&
    (p.languageCode === undefined || user.languageCode === p.languageCode)
  );
}

/**
 * The first step of every update: drop one whose handling committed already (a redelivery), and
 * refresh the sender's profile (a new fan gets their bonus). The update is not claimed here: its claim
 * commits with the handler's effects (app/system/update-scope.ts). Everything here is idempotent, so a
 * redelivery after a failure repeats it harmlessly. The usual update (a known sender, the same profile,
 * seen within PROFILE_REFRESH_MS, nothing to unblock) costs one read and writes nothing.
 */
export async function beginUpdate(
  deps: AccountsDeps,
  updateId: number,
  profile: TelegramProfile | null,
  opts: { privateMessage?: boolean } = {},
): Promise<BeginResult> {
  if (!profile) {
    if (await deps.uow.repos.updates.isProcessed(updateId)) return { duplicate: true };
    return { duplicate: false, user: null, created: false };
  }
  const known = await deps.uow.repos.users.lookup(profile.id, updateId);
  if (known?.processed) return { duplicate: true };
  if (!known && (await deps.uow.repos.updates.isProcessed(updateId))) return { duplicate: true };
  const age = known ? deps.clock.now().getTime() - known.user.lastSeenAt.getTime() : -1;
  if (
    known &&
    profileMatches(known.user, profile) &&
    !(opts.privateMessage && known.user.blockedBot) &&
    age >= 0 &&
    age < PROFILE_REFRESH_MS
  )
    return {
      duplicate: false,
      user: known.user,
      created: false,
      openFlow: known.openFlow,
      version: known.version,
    };
  return deps.uow.run(async (r): Promise<BeginResult> => {
    const upserted = await r.users.upsert(profile, deps.clock.now());
    const { created } = upserted;
    let { user } = upserted;
    if (created) {
      // The new-fan bonus is the fan's first ledger entry.
      const { new_fan_bonus } = resolveSettings(await r.settings.all());
      if (new_fan_bonus > 0) {
        const res = await r.ledger.apply({
          userId: user.id,
          delta: new_fan_bonus,
          reason: 'bonus',
          idempotencyKey: `bonus:new-fan:${user.id}`,
          actor: 'system',
          metadata: { kind: 'new_fan' },
        });
        if (res.status === 'applied') user = { ...user, creditBalance: res.entry.balanceAfter };
      }
    }
    // A fan who writes to the bot has (again) allowed it to write back.
    if (opts.privateMessage && user.blockedBot) {
      await r.users.setBlockedBot(user.id, false);
      user = { ...user, blockedBot: false };
    }
    // A fan's new name renames their topic (throttled, see fan-state.ts).
    if (!created) await renameTopicIfNameChanged(r, user, deps.clock.now(), updateId);
    return { duplicate: false, user, created };
  });
}

export interface BalanceView {
  balance: number;
  /** The fan's most recent top-up: the bar's 100 % mark (null before any). */
  lastTopUp: number | null;
  timePassUntil: Date | null;
  /** Milliseconds of time pass left (0 without an active pass). */
  passRemainingMs: number;
  lowThreshold: number;
  low: boolean;
  /** `new`, `regular` or `vip` (domain/tiers). */
  tier: string;
  /** A way to pay less for what they do (a day pass, a bigger pack), when there is one. */
  tip: SavingTip | null;
  /** The tier's perk: percent off message costs (0: none), and the fan's prices with it. */
  discount: number;
  prices: PricedType[];
}

export async function getBalance(deps: AccountsDeps, userId: number): Promise<BalanceView | null> {
  const { repos } = deps.uow;
  const now = deps.clock.now();
  const [user, stored, lastTopUp, reset, products, lastPackId] = await Promise.all([
    repos.users.get(userId),
    repos.settings.all(),
    repos.ledger.lastTopUp(userId),
    repos.fanData.lastReset(userId),
    repos.products.listActive(),
    repos.fanData.lastPackBought(userId),
  ]);
  if (!user) return null;
  const settings = resolveSettings(stored);
  const passRemainingMs = passRemaining(user.timePassUntil, deps.clock);
  const passActive = passRemainingMs > 0;
  // The last 24 hours, or since a reset of a test account if that is later.
  const dayAgo = new Date(now.getTime() - DAY_SECONDS * 1000);
  const since = reset && reset.at > dayAgo ? reset.at : dayAgo;
  const tip = passActive
    ? null
    : savingTip({
        spentLastDay: await repos.fanData.spentSince(userId, since),
        passActive,
        catalog: products,
        lastPackId,
      });
  const discount = discountFor(user.tier, settings.tier_discounts);
  return {
    tip,
    balance: user.creditBalance,
    lastTopUp,
    timePassUntil: passActive ? user.timePassUntil : null,
    passRemainingMs,
    lowThreshold: settings.low_credit_threshold,
    low: !passActive && isLowBalance(user.creditBalance, settings.low_credit_threshold),
    tier: user.tier,
    discount,
    prices: discount > 0 ? listPricedTypes(settings.message_costs, discount) : [],
  };
}
