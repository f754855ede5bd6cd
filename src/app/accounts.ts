import type { Clock } from '../domain/shared/index.ts';
import { passRemaining } from '../domain/entitlement/index.ts';
import { isLowBalance } from '../domain/ledger/index.ts';
import type { TelegramProfile, UnitOfWork, User } from './ports.ts';
import { resolveSettings } from './settings.ts';

export interface AccountsDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export type TrackResult = { duplicate: true } | { duplicate: false; user: User | null; created: boolean };

/**
 * The first step of every update: claim its id (a redelivered update is dropped) and refresh the
 * sender's profile, in one transaction so a crash cannot leave a claimed but unrecorded update.
 */
export async function trackUpdate(
  deps: AccountsDeps,
  updateId: number,
  profile: TelegramProfile | null,
): Promise<TrackResult> {
  return deps.uow.run(async (r) => {
    if (!(await r.updates.claim(updateId))) return { duplicate: true };
    if (!profile) return { duplicate: false, user: null, created: false };
    const { user, created } = await r.users.upsert(profile, deps.clock.now());
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
}

export async function getBalance(deps: AccountsDeps, userId: number): Promise<BalanceView | null> {
  const { repos } = deps.uow;
  const [user, stored] = await Promise.all([repos.users.get(userId), repos.settings.all()]);
  if (!user) return null;
  const settings = resolveSettings(stored);
  const passRemainingMs = passRemaining(user.timePassUntil, deps.clock);
  const passActive = passRemainingMs > 0;
  return {
    balance: user.creditBalance,
    lastTopUp: null,
    timePassUntil: passActive ? user.timePassUntil : null,
    passRemainingMs,
    lowThreshold: settings.low_credit_threshold,
    low: !passActive && isLowBalance(user.creditBalance, settings.low_credit_threshold),
  };
}
