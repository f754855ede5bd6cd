import { z } from 'zod';

/** Every owner-editable setting: its type, bounds and default. Absent from the database = default. */
export const SETTINGS = {
  welcome_text: z
    .string()
    .trim()
    .min(1)
    .max(3000)
    .default(
      '👋 Welcome! This is a private, paid line to me. Buy credits or a time pass, then just write here: every message reaches me personally, and I answer right in this chat.',
    ),
  /** Credits per message type; null = that type cannot be sent. */
  message_costs: z
    .record(z.string().regex(/^[a-z_]{1,32}$/), z.number().int().min(0).max(100_000).nullable())
    .default({
      text: 1,
      photo: 3,
      voice: 5,
      video: 5,
      video_note: 5,
      document: 3,
      audio: 3,
      animation: 2,
      sticker: 1,
    }),
  /** Below this many credits the fan sees a low-balance alert. */
  low_credit_threshold: z.number().int().min(0).max(1_000_000).default(5),
  /** Free credits for a new fan; the first ledger entry. */
  new_fan_bonus: z.number().int().min(0).max(100_000).default(3),
  /** After each accepted message: a receipt every time, only when low, or never. */
  receipt_mode: z.enum(['every', 'low', 'off']).default('every'),
  /** `/terms`: what the fan buys and the rules of the line. */
  terms_text: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default(
      'Terms: credits and time passes are digital goods used to send messages to the creator through this bot. Each message costs credits by type as shown in /help; a time pass makes messages free until it ends. Purchases are final once used; unused purchases can be refunded on request through /paysupport. Abusive messages may lead to a ban without refund of used credits.',
    ),
  /** `/paysupport`: how to get help with a payment (Telegram expects this from bots that sell in Stars). */
  paysupport_text: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default(
      'Payment support: if a purchase did not arrive or you want a refund, send /paysupport followed by a short description (the date and what you bought). It reaches the team free of charge, and we answer here within 48 hours; refunds of Telegram Stars go back to your Stars balance.',
    ),
  /** Most a fan's auto-recharges may charge per calendar month (UTC), in the catalog's currency units. */
  auto_recharge_monthly_cap: z.number().min(0).max(100_000).default(100),
  /** How a fan's message lands in their topic. */
  relay_mode: z.enum(['copy', 'forward']).default('copy'),
  /**
   * New fan topics per minute. Each costs four of the admin group's 20 sends a minute (topic, card, pin,
   * message), so a burst of new accounts beyond this waits (charged, queued) and existing conversations
   * keep moving.
   */
  topic_creations_per_minute: z.number().int().min(1).max(20).default(3),
  /** Edits of one fan message mirrored into the topic (0: none). Each costs a send of the group's budget. */
  edit_mirror_limit: z.number().int().min(0).max(50).default(3),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]> };

/** Stored values that no longer validate (an older version, a manual edit) fall back to the default. */
export function resolveSettings(stored: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SETTINGS)) {
    const parsed = schema.safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return out as Settings;
}
