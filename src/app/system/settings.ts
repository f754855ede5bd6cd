import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../domain/shared/index.ts';
import { DEFAULT_MESSAGE_COSTS, MAX_TIER_DISCOUNT } from '../../domain/pricing/index.ts';
import { isTimeZone } from '../../domain/stats/index.ts';

/**
 * A text the creator writes (welcome, terms, payment support, privacy), per language. A fan reads it in
 * their language, else in the creator's default language; where the creator wrote nothing, the
 * catalogue's own text (in the fan's language) is used. A plain string (stored before languages) is the
 * creator's default.
 */
export type CreatorTexts = Partial<Record<Locale | 'default', string>>;

const creatorText = (max: number) =>
  z
    .union([
      z
        .string()
        .trim()
        .min(1)
        .max(max)
        .transform((s): CreatorTexts => ({ default: s })),
      z.partialRecord(z.enum([...LOCALES, 'default']), z.string().trim().min(1).max(max)),
    ])
    .default({});

const locale = z.enum(LOCALES);

/** The longest text the creator may write for each of their texts (characters, per language). */
export const CREATOR_TEXT_MAX = {
  welcome_text: 3000,
  terms_text: 4000,
  paysupport_text: 4000,
  privacy_text: 4000,
  response_time_text: 120,
} as const;

/** Every owner-editable setting: its type, bounds and default. Absent from the database = default. */
export const SETTINGS = {
  /** The creator's own language: their texts' fallback, and their admin screens' until they pick one. */
  default_language: locale.default(DEFAULT_LOCALE),
  /** What the bot writes in the shared admin group (cards, the inbox, notes) is in this language. */
  group_language: locale.default(DEFAULT_LOCALE),
  welcome_text: creatorText(CREATOR_TEXT_MAX.welcome_text),
  /** Credits per message type; null = that type cannot be sent. */
  message_costs: z
    .record(z.string().regex(/^[a-z_]{1,32}$/), z.number().int().min(0).max(100_000).nullable())
    .default({ ...DEFAULT_MESSAGE_COSTS }),
  /** Below this many credits the fan sees a low-balance alert. */
  low_credit_threshold: z.number().int().min(0).max(1_000_000).default(5),
  /** Free credits for a new fan; the first ledger entry. */
  new_fan_bonus: z.number().int().min(0).max(100_000).default(3),
  /** A new fan who finishes the quick tour of `/start` gets `tutorial_bonus` credits, once. */
  tutorial_bonus_enabled: z.boolean().default(true),
  /** Credits for finishing the quick tour (0: the tour pays nothing). */
  tutorial_bonus: z.number().int().min(0).max(100_000).default(5),
  /** After each accepted message: a receipt every time, only when low, or never. */
  receipt_mode: z.enum(['every', 'low', 'off']).default('every'),
  /** `/terms`: what the fan buys and the rules of the line. */
  terms_text: creatorText(CREATOR_TEXT_MAX.terms_text),
  /** `/paysupport`: how to get help with a payment (Telegram expects this from bots that sell in Stars). */
  paysupport_text: creatorText(CREATOR_TEXT_MAX.paysupport_text),
  /** `/privacy`: what the bot keeps about a fan and why. */
  privacy_text: creatorText(CREATOR_TEXT_MAX.privacy_text),
  /** Most a fan's auto-recharges may charge per calendar month (UTC), in the catalog's currency units. */
  auto_recharge_monthly_cap: z.number().min(0).max(100_000).default(100),
  /** How a fan's message lands in their topic. */
  relay_mode: z.enum(['copy', 'forward']).default('copy'),
  /**
   * New fan topics per minute. Each costs four of the admin group's 20 sends a minute (topic and message,
   * then card and pin when the budget has room), so a burst of new accounts beyond this waits (charged,
   * queued) and existing conversations keep moving.
   */
  topic_creations_per_minute: z.number().int().min(1).max(20).default(3),
  /** Edits of one fan message mirrored into the topic (0: none). Each costs a send of the group's budget. */
  edit_mirror_limit: z.number().int().min(0).max(50).default(3),
  /** The creator's time zone (IANA name): the dashboard's days start at its midnight. */
  timezone: z
    .string()
    .trim()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid')
    .default('UTC'),
  /** The one store currency (ISO 4217, lower case): card prices of every product are in it. */
  store_currency: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, 'must be a three-letter currency code such as usd or eur')
    .default('usd'),
  /**
   * The line is paused: fans' messages are not taken (a notice says so, nothing is charged); buying,
   * /balance and the rest keep working.
   */
  line_paused: z.boolean().default(false),
  /** "Usually answers within …", shown in receipts (per language; empty = not shown). */
  response_time_text: creatorText(CREATOR_TEXT_MAX.response_time_text),
  /** Card payments offered (only meaningful when Stripe is configured; Stars are always on). */
  card_payments_enabled: z.boolean().default(true),
  /** Fans may turn on auto-recharge (those who did keep their setting while it is off, but nothing runs). */
  auto_recharge_enabled: z.boolean().default(true),
  /** Premium content is browsable and unlockable. */
  premium_content_enabled: z.boolean().default(true),
  /**
   * Days a relayed message's text (or caption) is kept for the control center's search; a daily job
   * clears older ones. 0: texts are not kept at all.
   */
  search_retention_days: z.number().int().min(0).max(3650).default(90),
  /**
   * Lifetime spend (credits debited for messages and unlocks) at which a fan becomes Regular and VIP.
   * Promotion is automatic and never goes down by itself; a tier set by hand sticks until cleared.
   */
  tier_thresholds: z
    .object({
      regular: z.number().int().min(1).max(10_000_000),
      vip: z.number().int().min(2).max(100_000_000),
    })
    .refine((t) => t.vip > t.regular, 'the VIP threshold must be above the Regular one')
    .default({ regular: 100, vip: 1000 }),
  /**
   * Tier perks: percent off every message's cost per tier (0–90; the cost is rounded half up and never
   * below 1 credit, domain/pricing). A fan promoted to a tier is told once, with its perk.
   */
  tier_discounts: z
    .object({
      new: z.number().int().min(0).max(MAX_TIER_DISCOUNT),
      regular: z.number().int().min(0).max(MAX_TIER_DISCOUNT),
      vip: z.number().int().min(0).max(MAX_TIER_DISCOUNT),
    })
    .default({ new: 0, regular: 0, vip: 0 }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]> };

/**
 * Settings resolved from a frozen stored object, kept with it: the settings cache (db/settings-cache.ts)
 * serves one frozen object until a change or its expiry, and every message resolved it again (every
 * setting through its schema; docs/BENCHMARKS.md, "Where a fan's message goes").
 */
const resolvedOnce = new WeakMap<object, Settings>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Stored values that no longer validate (an older version, a manual edit) fall back to the default.
 * The result of a frozen `stored` is shared by every caller, and frozen too: read it, never change it.
 */
export function resolveSettings(stored: Record<string, unknown>): Settings {
  const frozen = Object.isFrozen(stored);
  if (frozen) {
    const hit = resolvedOnce.get(stored);
    if (hit) return hit;
  }
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SETTINGS)) {
    const parsed = schema.safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  if (!frozen) return out as Settings;
  const settings = deepFreeze(out as Settings);
  resolvedOnce.set(stored, settings);
  return settings;
}

export type CreatorTextKey =
  'welcome_text' | 'terms_text' | 'paysupport_text' | 'privacy_text' | 'response_time_text';

/** The creator's text in `locale`, else in their default language; null where they wrote none. */
export function creatorTextFor(settings: Settings, key: CreatorTextKey, locale: Locale): string | null {
  const texts: CreatorTexts = settings[key];
  return texts[locale] ?? texts[settings.default_language] ?? texts.default ?? null;
}
