import type { Clock } from '../../domain/shared/index.ts';
import { passRemaining } from '../../domain/entitlement/index.ts';
import { isLowBalance } from '../../domain/ledger/index.ts';
import type { TelegramProfile, UnitOfWork, User } from '../ports/index.ts';
import { renameTopicIfNameChanged } from './fan-state.ts';
import { resolveSettings } from '../system/settings.ts';

export interface AccountsDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Wakes the outbox after a commit that queued a topic rename. */
  outboxSignal?: { notify(): void };
}

export type BeginResult = { duplicate: true } | { duplicate: false; user: User | null; created: boolean };

/**
 * The first step of every update: drop one whose handling committed already (a redelivery), and
 * refresh the sender's profile (a new fan gets their bonus). The update is not claimed here: its claim
 * commits with the handler's effects (app/update-scope.ts). Everything here is idempotent, so a
 * redelivery after a failure repeats it harmlessly.
 */
export async function beginUpdate(
  deps: AccountsDeps,
  updateId: number,
  profile: TelegramProfile | null,
  opts: { privateMessage?: boolean } = {},
): Promise<BeginResult> {
  if (await deps.uow.repos.updates.isProcessed(updateId)) return { duplicate: true };
  if (!profile) return { duplicate: false, user: null, created: false };
  let renamed = false;
  const result = await deps.uow.run(async (r): Promise<BeginResult> => {
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
    if (!created) renamed = await renameTopicIfNameChanged(r, user, deps.clock.now(), updateId);
    return { duplicate: false, user, created };
  });
  if (renamed) deps.outboxSignal?.notify();
  return result;
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
}

export async function getBalance(deps: AccountsDeps, userId: number): Promise<BalanceView | null> {
  const { repos } = deps.uow;
  const [user, stored, lastTopUp] = await Promise.all([
    repos.users.get(userId),
    repos.settings.all(),
    repos.ledger.lastTopUp(userId),
  ]);
  if (!user) return null;
  const settings = resolveSettings(stored);
  const passRemainingMs = passRemaining(user.timePassUntil, deps.clock);
  const passActive = passRemainingMs > 0;
  return {
    balance: user.creditBalance,
    lastTopUp,
    timePassUntil: passActive ? user.timePassUntil : null,
    passRemainingMs,
    lowThreshold: settings.low_credit_threshold,
    low: !passActive && isLowBalance(user.creditBalance, settings.low_credit_threshold),
  };
}
