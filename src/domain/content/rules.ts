import { err, ok, type Result } from '../shared/index.ts';

/** What a content item may hold: the media kinds Telegram can send back by file id. */
export const CONTENT_MEDIA_TYPES = ['photo', 'video', 'document', 'audio'] as const;
export type ContentMediaType = (typeof CONTENT_MEDIA_TYPES)[number];

/** Limits of an item. Stars: Telegram's bounds for paid media and invoices we keep to (1…10000). */
export const CONTENT_LIMITS = {
  titleMax: 64,
  creditsMin: 1,
  creditsMax: 100_000,
  starsMin: 1,
  starsMax: 10_000,
  /** An album holds at most 10 items (and paid media at most 10). */
  mediaMax: 10,
} as const;

export type FieldError = { code: 'invalid'; detail: string };

/**
 * A title as typed: trimmed, 1…64 characters (code points, as PostgreSQL's char_length counts them),
 * one line (newlines become spaces: it is shown on buttons and invoice titles).
 */
export function parseTitle(text: string): Result<{ value: string }, FieldError> {
  const value = text.replace(/\s+/g, ' ').trim();
  const length = [...value].length;
  if (length === 0 || length > CONTENT_LIMITS.titleMax)
    return err({ code: 'invalid', detail: `a title of 1 to ${CONTENT_LIMITS.titleMax} characters` });
  return ok({ value });
}

/** Digits, or digits in groups of three ("1 000", "1,000"): "1,5" is not read as 15. */
const WHOLE = /^(\d{1,9}|\d{1,3}(?:[ ,'_]\d{3}){1,2})$/;

function parseWhole(text: string, min: number, max: number, unit: string) {
  const trimmed = text.trim();
  const detail = `a whole number of ${unit} from ${min} to ${max}`;
  if (!WHOLE.test(trimmed)) return err({ code: 'invalid', detail });
  const value = Number(trimmed.replace(/[ ,'_]/g, ''));
  if (value < min || value > max) return err({ code: 'invalid', detail });
  return ok({ value });
}

/** A price in credits: a whole number 1…100000 ("1 000" and "1,000" read as 1000). */
export function parseCredits(text: string): Result<{ value: number }, FieldError> {
  return parseWhole(text, CONTENT_LIMITS.creditsMin, CONTENT_LIMITS.creditsMax, 'credits');
}

/** A price in Telegram Stars: a whole number 1…10000. */
export function parseStars(text: string): Result<{ value: number }, FieldError> {
  return parseWhole(text, CONTENT_LIMITS.starsMin, CONTENT_LIMITS.starsMax, 'Stars');
}

/** Prices checked again where they are stored, so a bug upstream cannot store a price out of range. */
export function isValidPrice(kind: 'credits' | 'stars', n: number): boolean {
  const [min, max] =
    kind === 'credits'
      ? [CONTENT_LIMITS.creditsMin, CONTENT_LIMITS.creditsMax]
      : [CONTENT_LIMITS.starsMin, CONTENT_LIMITS.starsMax];
  return Number.isSafeInteger(n) && n >= min && n <= max;
}

const VISUAL: ReadonlySet<ContentMediaType> = new Set(['photo', 'video']);

/**
 * Whether the media can go out together as one album (Telegram's rule for sendMediaGroup): photos and
 * videos mix; documents only with documents, audio only with audio. One item always can.
 */
export function canGroup(types: readonly ContentMediaType[]): boolean {
  if (types.length <= 1) return true;
  if (types.length > CONTENT_LIMITS.mediaMax) return false;
  if (types.every((t) => VISUAL.has(t))) return true;
  return types.every((t) => t === types[0]);
}

/**
 * Telegram paid media (a post the fan unlocks with Stars, blurred until paid) takes photos and videos
 * only, up to 10. Items with files or audio are sold in Stars through an invoice instead.
 */
export function isPaidMediaEligible(types: readonly ContentMediaType[]): boolean {
  return types.length >= 1 && types.length <= CONTENT_LIMITS.mediaMax && types.every((t) => VISUAL.has(t));
}

const LABELS: Record<ContentMediaType, [string, string]> = {
  photo: ['photo', 'photos'],
  video: ['video', 'videos'],
  document: ['file', 'files'],
  audio: ['audio track', 'audio tracks'],
};

/** "2 photos, 1 video": what an item holds, in the order of first appearance. */
export function describeMedia(types: readonly ContentMediaType[]): string {
  const counts = new Map<ContentMediaType, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${n} ${LABELS[t][n === 1 ? 0 : 1]}`).join(', ');
}
