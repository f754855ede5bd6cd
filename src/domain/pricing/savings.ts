/**
 * Tips that would save a fan something, from what they did and what is on sale (Stars prices, which every
 * product has, so packs and passes compare in one unit). Pure: the caller reads the ledger and the
 * catalogue.
 */

/** A credit pack or a time pass on sale, as far as the tips need it. */
export interface SavingsProduct {
  id: number;
  kind: 'credits' | 'time' | 'unlock';
  title: string;
  /** Credits of a pack, seconds of a pass. */
  amount: number;
  priceStars: number;
}

export interface SavingsInput {
  /** Credits the fan spent on messages in the last 24 hours. */
  spentLastDay: number;
  /** A time pass runs now (messages are free: no tip). */
  passActive: boolean;
  /** What is on sale. */
  catalog: readonly SavingsProduct[];
  /** The credit pack the fan bought last (null: none, or no longer on sale). */
  lastPackId: number | null;
}

export type SavingTip =
  /**
   * A pass of at least a day costs less than the last 24 hours of messages did, valued at the cheapest
   * price per credit on sale (the least those credits could have cost, so the tip never overstates).
   */
  | {
      kind: 'day_pass';
      productId: number;
      title: string;
      passStars: number;
      spentCredits: number;
      spentStars: number;
    }
  /** A bigger pack than the one they buy costs at least {@link MIN_PACK_SAVING_PERCENT} % less per credit. */
  | {
      kind: 'bigger_pack';
      productId: number;
      title: string;
      credits: number;
      lastTitle: string;
      savePercent: number;
    };

export const DAY_SECONDS = 86_400;
/** A bigger pack is worth a word from this saving per credit on. */
export const MIN_PACK_SAVING_PERCENT = 10;

const perCredit = (p: SavingsProduct) => p.priceStars / p.amount;

/** The one tip worth showing (a day pass first: it saves the most for a busy fan), or null. */
export function savingTip(input: SavingsInput): SavingTip | null {
  if (input.passActive) return null;
  return dayPassTip(input) ?? biggerPackTip(input);
}

function dayPassTip(input: SavingsInput): SavingTip | null {
  if (input.spentLastDay <= 0) return null;
  const packs = input.catalog.filter((p) => p.kind === 'credits' && p.amount > 0);
  const passes = input.catalog.filter((p) => p.kind === 'time' && p.amount >= DAY_SECONDS);
  if (packs.length === 0 || passes.length === 0) return null;
  const cheapest = packs.reduce((a, b) => (perCredit(b) < perCredit(a) ? b : a));
  // Rounded down: the messages' value is never overstated.
  const spentStars = Math.floor((input.spentLastDay * cheapest.priceStars) / cheapest.amount);
  const pass = passes.reduce((a, b) => (b.priceStars < a.priceStars ? b : a));
  if (pass.priceStars >= spentStars) return null;
  return {
    kind: 'day_pass',
    productId: pass.id,
    title: pass.title,
    passStars: pass.priceStars,
    spentCredits: input.spentLastDay,
    spentStars,
  };
}

function biggerPackTip(input: SavingsInput): SavingTip | null {
  const last = input.catalog.find((p) => p.id === input.lastPackId && p.kind === 'credits');
  if (!last || last.amount <= 0) return null;
  const bigger = input.catalog.filter((p) => p.kind === 'credits' && p.amount > last.amount);
  if (bigger.length === 0) return null;
  const best = bigger.reduce((a, b) => (perCredit(b) < perCredit(a) ? b : a));
  // 1 − best/last per credit, in whole integers (no 19.999… for 20).
  const whole = last.priceStars * best.amount;
  const savePercent = Math.floor((100 * (whole - best.priceStars * last.amount)) / whole);
  if (savePercent < MIN_PACK_SAVING_PERCENT) return null;
  return {
    kind: 'bigger_pack',
    productId: best.id,
    title: best.title,
    credits: best.amount,
    lastTitle: last.title,
    savePercent,
  };
}
