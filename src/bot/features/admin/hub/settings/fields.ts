import type { SettingIssue } from '../../../../../app/admin/settings/index.ts';
import {
  CREATOR_TEXT_MAX,
  SETTINGS,
  type CreatorTextKey,
  type SettingKey,
  type Settings,
} from '../../../../../app/system/settings.ts';
import { MESSAGE_TYPES, type MessageType } from '../../../../../domain/pricing/index.ts';
import { isLocale, LOCALES } from '../../../../../domain/shared/index.ts';
import { TIERS, type Tier } from '../../../../../domain/tiers/index.ts';
import type { Context } from '../../../../context.ts';
import { typeLabel } from '../../../fan-relay.ts';
import { cut } from '../screen.ts';

/**
 * What the Settings category edits: every setting of `SETTINGS` as one or more fields (a message type's
 * price, a tier's threshold), each with how it is typed or chosen, its bounds (read from the setting's
 * schema) and how it is shown. Field ids are words without `-` (they go in callback data, where `-`
 * separates a field from a value or a language).
 */

/** The screens that group fields (one button each on the Settings screen). */
export const GROUPS = ['texts', 'prices', 'money', 'messages', 'language', 'tiers', 'switches'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_TITLES: Record<Group, string> = {
  texts: 'admin-settings-group-texts',
  prices: 'admin-settings-group-prices',
  money: 'admin-settings-group-money',
  messages: 'admin-settings-group-messages',
  language: 'admin-settings-group-language',
  tiers: 'admin-settings-group-tiers',
  switches: 'admin-settings-group-switches',
};

/** Each setting's name on the screens and in the change log. */
export const LABELS: Record<SettingKey, string> = {
  default_language: 'admin-settings-label-language',
  group_language: 'admin-settings-label-group-language',
  welcome_text: 'admin-settings-label-welcome',
  message_costs: 'admin-settings-label-costs',
  low_credit_threshold: 'admin-settings-label-low',
  new_fan_bonus: 'admin-settings-label-bonus',
  tutorial_bonus_enabled: 'admin-settings-label-tutorial',
  tutorial_bonus: 'admin-settings-label-tutorial-bonus',
  receipt_mode: 'admin-settings-label-receipts',
  terms_text: 'admin-settings-label-terms',
  paysupport_text: 'admin-settings-label-paysupport',
  privacy_text: 'admin-settings-label-privacy',
  auto_recharge_monthly_cap: 'admin-settings-label-cap',
  relay_mode: 'admin-settings-label-relay',
  topic_creations_per_minute: 'admin-settings-label-topics',
  edit_mirror_limit: 'admin-settings-label-edits',
  timezone: 'admin-settings-label-timezone',
  store_currency: 'admin-settings-label-currency',
  line_paused: 'admin-settings-label-paused',
  response_time_text: 'admin-settings-label-response-time',
  card_payments_enabled: 'admin-settings-label-card',
  auto_recharge_enabled: 'admin-settings-label-auto',
  premium_content_enabled: 'admin-settings-label-premium',
  tier_thresholds: 'admin-settings-label-tiers',
  search_retention_days: 'admin-settings-label-search-retention',
  tier_discounts: 'admin-settings-label-discounts',
};

export const TEXT_KEYS = Object.keys(CREATOR_TEXT_MAX) as CreatorTextKey[];
export const isTextKey = (key: string): key is CreatorTextKey => TEXT_KEYS.includes(key as CreatorTextKey);

/** How a field's new value is given. */
export type FieldInput =
  | { kind: 'int'; min: number; max: number }
  /** An amount in the store currency (decimals allowed). */
  | { kind: 'amount'; min: number; max: number }
  | { kind: 'timezone' }
  | { kind: 'currency' }
  /** One of a few values, a button each. */
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'switch' };

export interface Field {
  id: string;
  key: SettingKey;
  group: Group;
  input: FieldInput;
  /** Its value now (part of the setting's). */
  get(s: Settings): unknown;
  /** The setting's whole new value with this field set to `v`. */
  put(s: Settings, v: unknown): unknown;
  /** A line under the question (what it does), if any. */
  hint?: string;
}

const num = (key: SettingKey) => {
  const schema = (SETTINGS[key] as unknown as { unwrap(): { minValue: number; maxValue: number } }).unwrap();
  return { min: schema.minValue, max: schema.maxValue };
};

const top = (key: SettingKey, group: Group, input: FieldInput, hint?: string): Field => ({
  id: key,
  key,
  group,
  input,
  get: (s) => s[key],
  put: (_s, v) => v,
  ...(hint ? { hint } : {}),
});

const costBounds = SETTINGS.message_costs.unwrap().valueType.unwrap();
const tierShape = SETTINGS.tier_thresholds.unwrap().shape;
const discountShape = SETTINGS.tier_discounts.unwrap().shape;

const costField = (type: MessageType): Field => ({
  id: `cost_${type}`,
  key: 'message_costs',
  group: 'prices',
  input: { kind: 'int', min: costBounds.minValue ?? 0, max: costBounds.maxValue ?? 0 },
  get: (s) => s.message_costs[type] ?? null,
  put: (s, v) => ({ ...s.message_costs, [type]: v }),
});

const tierField = (tier: 'regular' | 'vip'): Field => ({
  id: `tier_${tier}`,
  key: 'tier_thresholds',
  group: 'tiers',
  input: { kind: 'int', min: tierShape[tier].minValue ?? 1, max: tierShape[tier].maxValue ?? 1 },
  get: (s) => s.tier_thresholds[tier],
  put: (s, v) => ({ ...s.tier_thresholds, [tier]: v }),
  hint: 'admin-settings-tiers-hint',
});

const discountField = (tier: Tier): Field => ({
  id: `disc_${tier}`,
  key: 'tier_discounts',
  group: 'tiers',
  input: { kind: 'int', min: discountShape[tier].minValue ?? 0, max: discountShape[tier].maxValue ?? 0 },
  get: (s) => s.tier_discounts[tier],
  put: (s, v) => ({ ...s.tier_discounts, [tier]: v }),
  hint: 'admin-settings-discounts-hint',
});

/** Every field but the texts (those are per language: see `TEXT_KEYS`), in screen order. */
export const FIELDS: readonly Field[] = [
  ...MESSAGE_TYPES.map(costField),
  top('low_credit_threshold', 'money', { kind: 'int', ...num('low_credit_threshold') }),
  top('new_fan_bonus', 'money', { kind: 'int', ...num('new_fan_bonus') }),
  top(
    'tutorial_bonus',
    'money',
    { kind: 'int', ...num('tutorial_bonus') },
    'admin-settings-tutorial-bonus-hint',
  ),
  top('store_currency', 'money', { kind: 'currency' }),
  top(
    'auto_recharge_monthly_cap',
    'money',
    { kind: 'amount', ...num('auto_recharge_monthly_cap') },
    'admin-settings-cap-hint',
  ),
  top('receipt_mode', 'messages', { kind: 'choice', options: ['every', 'low', 'off'] }),
  top('relay_mode', 'messages', { kind: 'choice', options: ['copy', 'forward'] }),
  top(
    'edit_mirror_limit',
    'messages',
    { kind: 'int', ...num('edit_mirror_limit') },
    'admin-settings-edits-hint',
  ),
  top(
    'topic_creations_per_minute',
    'messages',
    { kind: 'int', ...num('topic_creations_per_minute') },
    'admin-settings-topics-hint',
  ),
  top(
    'search_retention_days',
    'messages',
    { kind: 'int', ...num('search_retention_days') },
    'admin-settings-search-retention-hint',
  ),
  top('default_language', 'language', { kind: 'choice', options: LOCALES }, 'admin-settings-language-hint'),
  top(
    'group_language',
    'language',
    { kind: 'choice', options: LOCALES },
    'admin-settings-group-language-hint',
  ),
  top('timezone', 'language', { kind: 'timezone' }),
  tierField('regular'),
  tierField('vip'),
  ...TIERS.map(discountField),
  top('line_paused', 'switches', { kind: 'switch' }, 'admin-settings-pause-hint'),
  top('card_payments_enabled', 'switches', { kind: 'switch' }, 'admin-settings-card-hint'),
  top('auto_recharge_enabled', 'switches', { kind: 'switch' }, 'admin-settings-auto-hint'),
  top('premium_content_enabled', 'switches', { kind: 'switch' }, 'admin-settings-premium-hint'),
  top('tutorial_bonus_enabled', 'switches', { kind: 'switch' }, 'admin-settings-tutorial-hint'),
];

export const fieldById = (id: string): Field | undefined => FIELDS.find((f) => f.id === id);

/** A field's name on its screen. */
export function fieldLabel(ctx: Context, f: Field): string {
  if (f.id.startsWith('cost_'))
    return ctx.t('admin-settings-label-cost', { type: typeLabel(ctx.t, f.id.slice('cost_'.length)) });
  if (f.id === 'tier_regular') return ctx.t('admin-settings-label-tier-regular');
  if (f.id === 'tier_vip') return ctx.t('admin-settings-label-tier-vip');
  if (f.id.startsWith('disc_'))
    return ctx.t('admin-settings-label-discount', {
      tier: ctx.t('tier-name', { tier: f.id.slice('disc_'.length) }),
    });
  return ctx.t(LABELS[f.key]);
}

const CHOICE_LABELS: Record<string, string> = {
  'receipt_mode:every': 'admin-settings-receipts-every',
  'receipt_mode:low': 'admin-settings-receipts-low',
  'receipt_mode:off': 'admin-settings-receipts-off',
  'relay_mode:copy': 'admin-settings-relay-copy',
  'relay_mode:forward': 'admin-settings-relay-forward',
};

const credits = (ctx: Context, n: unknown) =>
  typeof n === 'number' ? ctx.t('admin-settings-credits', { count: n }) : ctx.t('admin-settings-none');

/** A value of a field or a whole setting, as plain text (escaped by the caller). */
export function formatValue(ctx: Context, key: string, v: unknown, currency: string): string {
  if (v === undefined) return ctx.t('admin-settings-none');
  if (typeof v === 'boolean') return ctx.t(v ? 'admin-settings-on' : 'admin-settings-off');
  switch (key) {
    case 'message_costs':
      return v === null ? ctx.t('admin-settings-cannot-send') : credits(ctx, v);
    case 'low_credit_threshold':
    case 'new_fan_bonus':
    case 'tutorial_bonus':
    case 'tier_thresholds':
      return credits(ctx, v);
    case 'tier_discounts':
      return typeof v === 'number' ? ctx.t('admin-settings-percent', { value: v }) : plain(v);
    case 'edit_mirror_limit':
      return v === 0 ? ctx.t('admin-settings-edits-off') : plain(v);
    case 'search_retention_days':
      return typeof v === 'number' ? ctx.t('admin-settings-search-retention-days', { days: v }) : plain(v);
    case 'default_language':
    case 'group_language':
      return isLocale(v) ? ctx.translate(v, 'language-name') : plain(v);
    case 'store_currency':
      return plain(v).toUpperCase();
    case 'auto_recharge_monthly_cap':
      return `${plain(v)} ${currency.toUpperCase()}`;
  }
  const choice = CHOICE_LABELS[`${key}:${plain(v)}`];
  if (choice) return ctx.t(choice);
  return v === null ? ctx.t('admin-settings-none') : plain(v);
}

/** A scalar as it is; anything else (a value from an older version) as JSON. */
const plain = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A change as the log shows it (plain text): the setting's name and its old and new value; for a setting
 * made of parts (prices, texts per language, tiers) only the parts that changed.
 */
export function describeChange(
  ctx: Context,
  key: string,
  before: unknown,
  after: unknown,
  currency: string,
): { label: string; old: string; new: string } {
  const label = key in LABELS ? ctx.t(LABELS[key as SettingKey]) : key;
  if (isRecord(before) && isRecord(after)) {
    const parts = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (p) => JSON.stringify(before[p]) !== JSON.stringify(after[p]),
    );
    const name = (p: string) =>
      key === 'message_costs'
        ? typeLabel(ctx.t, p)
        : key === 'tier_discounts'
          ? ctx.t('tier-name', { tier: p })
          : isLocale(p)
            ? ctx.translate(p, 'language-name')
            : p;
    const show = (v: unknown) =>
      typeof v === 'string'
        ? `“${cut(v, 40)}”`
        : key === 'message_costs'
          ? formatValue(ctx, key, v === undefined ? null : v, currency)
          : formatValue(ctx, key, v, currency);
    const side = (rec: Record<string, unknown>) => parts.map((p) => `${name(p)} ${show(rec[p])}`).join(', ');
    return { label, old: side(before), new: side(after) };
  }
  return { label, old: formatValue(ctx, key, before, currency), new: formatValue(ctx, key, after, currency) };
}

/** Why a value was refused, in the member's language (HTML). */
export function issueText(ctx: Context, key: SettingKey, issue: SettingIssue, value: unknown): string {
  if (issue.code === 'too_small')
    return issue.text
      ? ctx.t('admin-settings-error-empty')
      : ctx.t('admin-settings-error-min', { min: issue.min });
  if (issue.code === 'too_big') {
    if (!issue.text) return ctx.t('admin-settings-error-max', { max: issue.max });
    const longest = isRecord(value)
      ? Math.max(...Object.values(value).map((v) => (typeof v === 'string' ? v.trim().length : 0)))
      : 0;
    return ctx.t('admin-settings-error-too-long', { length: longest, max: issue.max });
  }
  switch (key) {
    case 'timezone':
      return ctx.t('admin-settings-error-timezone');
    case 'store_currency':
      return ctx.t('admin-settings-error-currency');
    case 'tier_thresholds': {
      const t = isRecord(value) ? value : {};
      return ctx.t('admin-settings-error-tiers', { regular: Number(t.regular), vip: Number(t.vip) });
    }
    default:
      return ctx.t('admin-settings-error-invalid');
  }
}
