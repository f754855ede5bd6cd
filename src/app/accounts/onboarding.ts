import { passRemaining } from '../../domain/entitlement/index.ts';
import { listPricedTypes, type PricedType } from '../../domain/pricing/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { Product, Repos, UnitOfWork } from '../ports/index.ts';
import { resolveSettings } from '../system/settings.ts';

/**
 * Turning a first visit into a first purchase: `/start` tells a new fan from a returning one, offers the
 * new one a short tour (what costs what, how to buy, how replies arrive) that pays a bonus once when
 * finished, and greets a returning one with their balance and pass.
 */

export interface OnboardingDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export type StartView =
  /** Never active (nothing but bonuses since the account began or was reset) and not toured yet. */
  | { kind: 'new'; tutorialBonus: number }
  | { kind: 'returning'; firstName: string; balance: number; passRemainingMs: number };

/**
 * The account's current "life": entries after the owner's last reset of a test account (0: all of them).
 * A reset makes the account new again, tour and bonus included.
 */
async function epochOf(r: Pick<Repos, 'fanData'>, userId: number): Promise<number> {
  return (await r.fanData.lastReset(userId))?.entryId ?? 0;
}

const tourMark = (userId: number, epoch: number) => `tutorial:${userId}:${epoch}`;

/** What `/start` shows this fan. */
export async function startView(deps: OnboardingDeps, userId: number): Promise<StartView | null> {
  const { repos } = deps.uow;
  const user = await repos.users.get(userId);
  if (!user) return null;
  const epoch = await epochOf(repos, userId);
  const [toured, active] = await Promise.all([
    repos.fanData.hasMark(tourMark(userId, epoch)),
    repos.fanData.activeSince(userId, epoch),
  ]);
  if (!toured && !active) return { kind: 'new', tutorialBonus: tourBonus(await repos.settings.all()) };
  return {
    kind: 'returning',
    firstName: user.firstName,
    balance: user.creditBalance,
    passRemainingMs: passRemaining(user.timePassUntil, deps.clock),
  };
}

/** The tour's bonus as the settings stand (0: switched off or set to nothing). */
function tourBonus(stored: Record<string, unknown>): number {
  const s = resolveSettings(stored);
  return s.tutorial_bonus_enabled ? s.tutorial_bonus : 0;
}

/** What the tour shows: the real prices of messages and of what is on sale, and the bonus it pays. */
export interface TutorialFacts {
  /** Message types that can be sent and their cost in credits, cheapest first. */
  costs: PricedType[];
  /** The smallest credit pack on sale (null: none). */
  pack: Pick<Product, 'id' | 'title' | 'amount' | 'priceStars'> | null;
  /** The shortest time pass on sale (null: none). */
  pass: Pick<Product, 'id' | 'title' | 'amount' | 'priceStars'> | null;
  bonus: number;
}

export async function tutorialFacts(deps: OnboardingDeps): Promise<TutorialFacts> {
  const { repos } = deps.uow;
  const [stored, products] = await Promise.all([repos.settings.all(), repos.products.listActive()]);
  const settings = resolveSettings(stored);
  const smallest = (kind: 'credits' | 'time') =>
    products
      .filter((p) => p.kind === kind)
      .reduce<Product | null>((a, b) => (a === null || b.amount < a.amount ? b : a), null);
  const pick = (p: Product | null) =>
    p && { id: p.id, title: p.title, amount: p.amount, priceStars: p.priceStars };
  return {
    costs: listPricedTypes(settings.message_costs).sort((a, b) => a.cost - b.cost),
    pack: pick(smallest('credits')),
    pass: pick(smallest('time')),
    bonus: tourBonus(stored),
  };
}

export type FinishTutorialResult =
  | { status: 'finished'; bonus: number; balance: number }
  /** Finished before (in this life of the account): nothing more is paid. */
  | { status: 'already'; balance: number }
  | { status: 'unknown_fan' };

/**
 * The tour's last screen: marks it finished and pays the bonus, once per account (and once more after
 * an owner's reset of a test account): a once-mark and a `bonus` ledger entry keyed
 * `bonus:tutorial:<fan>:<epoch>`, in one transaction under the fan's row lock.
 */
export async function finishTutorial(deps: OnboardingDeps, userId: number): Promise<FinishTutorialResult> {
  return deps.uow.run(async (r): Promise<FinishTutorialResult> => {
    const user = await r.users.getForUpdate(userId);
    if (!user) return { status: 'unknown_fan' };
    const epoch = await epochOf(r, userId);
    if (!(await r.once.claim(tourMark(userId, epoch))))
      return { status: 'already', balance: user.creditBalance };
    const bonus = tourBonus(await r.settings.all());
    if (bonus === 0) return { status: 'finished', bonus: 0, balance: user.creditBalance };
    const res = await r.ledger.apply({
      userId,
      delta: bonus,
      reason: 'bonus',
      idempotencyKey: `bonus:tutorial:${userId}:${epoch}`,
      actor: 'system',
      metadata: { kind: 'tutorial' },
    });
    if (res.status !== 'applied') return { status: 'already', balance: user.creditBalance };
    return { status: 'finished', bonus, balance: res.entry.balanceAfter };
  });
}
