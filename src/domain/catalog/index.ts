import { parseDuration } from '../entitlement/duration.ts';
import { minorUnitDigits } from '../shared/index.ts';

/**
 * What the Products screen accepts for a credit pack or a time pass, as typed by the team. Each parser
 * returns the value, or null when the text does not fit (the screen says the bounds and asks again).
 */
export const PRODUCT_LIMITS = {
  titleMax: 64,
  creditsMin: 1,
  creditsMax: 100_000,
  /** A pass lasts at least an hour and at most a year. */
  passMinSeconds: 3_600,
  passMaxSeconds: 366 * 86_400,
  /** Telegram's bounds for a Stars invoice we keep to. */
  starsMin: 1,
  starsMax: 10_000,
  /** The card price in the store currency's major units (Stripe's ceiling is 999,999.99 of most). */
  cardMax: 10_000,
} as const;

/** A title: one line (runs of blanks become one space), 1…64 characters. */
export function parseProductTitle(text: string): string | null {
  const value = text.replace(/\s+/g, ' ').trim();
  const length = [...value].length;
  return length === 0 || length > PRODUCT_LIMITS.titleMax ? null : value;
}

/** Digits, or digits in groups of three ("1 000", "1,000"): "1,5" is not read as 15. */
const WHOLE = /^(\d{1,9}|\d{1,3}(?:[ ,'_]\d{3}){1,2})$/;

function whole(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const value = Number(trimmed.replace(/[ ,'_]/g, ''));
  return value >= min && value <= max ? value : null;
}

/** The credits of a pack: a whole number 1…100000. */
export const parsePackCredits = (text: string): number | null =>
  whole(text, PRODUCT_LIMITS.creditsMin, PRODUCT_LIMITS.creditsMax);

/** The Stars price: a whole number 1…10000. */
export const parseStarsPrice = (text: string): number | null =>
  whole(text, PRODUCT_LIMITS.starsMin, PRODUCT_LIMITS.starsMax);

/** A pass's length in seconds (`12h`, `7d`, `1w`, `1d 12h`), from an hour to a year. */
export function parsePassLength(text: string): number | null {
  const seconds = parseDuration(text);
  return seconds !== null &&
    seconds >= PRODUCT_LIMITS.passMinSeconds &&
    seconds <= PRODUCT_LIMITS.passMaxSeconds
    ? seconds
    : null;
}

/**
 * A card price in `currency`, typed in major units (`4.99`, `4,99`, `12`), as minor units: at most as
 * many decimals as the currency has, more than zero and at most `cardMax`. `0` (or `-`) means "not sold by
 * card" (`{ none: true }`); anything else that does not fit is null.
 */
export function parseCardPrice(text: string, currency: string): { minor: number } | { none: true } | null {
  const trimmed = text.trim();
  if (trimmed === '-' || /^0+(?:[.,]0+)?$/.test(trimmed)) return { none: true };
  const digits = minorUnitDigits(currency);
  const m = /^(\d{1,7})(?:[.,](\d+))?$/.exec(trimmed);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor <= 0 || minor > PRODUCT_LIMITS.cardMax * 10 ** digits)
    return null;
  return { minor };
}
