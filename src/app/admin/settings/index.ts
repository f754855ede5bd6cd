import type { z } from 'zod';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, AuditRecord, UnitOfWork } from '../../ports/index.ts';
import { resolveSettings, SETTINGS, type SettingKey, type Settings } from '../../system/settings.ts';

export interface SettingsAdminDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  /** Stripe (absent when it is not configured: card payments cannot be switched on). */
  cards?: unknown;
}

/** The audit action of a setting changed from the control center (details: key, old, new). */
export const SETTING_CHANGED = 'setting_changed';

/** Why a value does not fit its setting, as data (the adapter says it in the reader's language). */
export type SettingIssue =
  | { code: 'too_small'; min: number; text: boolean }
  | { code: 'too_big'; max: number; text: boolean }
  /** A rule of its own (a time zone, a currency code, VIP above Regular) or the wrong kind of value. */
  | { code: 'invalid' };

export type SettingsView =
  | {
      ok: true;
      settings: Settings;
      stripeConfigured: boolean;
      /** `settings.money` (owners): whether the money settings (`MONEY_SETTINGS`) may change. */
      moneyAllowed: boolean;
    }
  | { ok: false; code: 'not_allowed' };

export type SetSettingResult =
  | { ok: true; key: SettingKey; old: unknown; value: unknown; changed: boolean }
  | { ok: false; code: 'not_allowed' }
  /** Card payments cannot be switched on without Stripe. */
  | { ok: false; code: 'stripe_off' }
  | { ok: false; code: 'invalid'; key: SettingKey; issue: SettingIssue };

export interface SettingChange {
  actorId: number;
  /** Their name or @username as the bot last saw it (null: never seen). */
  actorName: string | null;
  key: string;
  old: unknown;
  value: unknown;
  at: Date;
}

/** The zod issue of a refused value, as a {@link SettingIssue}. */
function issueOf(issues: readonly z.core.$ZodIssue[]): SettingIssue {
  const first = issues[0];
  if (first?.code === 'too_small' && typeof first.minimum === 'number')
    return { code: 'too_small', min: first.minimum, text: first.origin === 'string' };
  if (first?.code === 'too_big' && typeof first.maximum === 'number')
    return { code: 'too_big', max: first.maximum, text: first.origin === 'string' };
  return { code: 'invalid' };
}

/** Whether a value fits its setting (the same check `set` makes), without writing anything. */
export function checkSetting(
  key: SettingKey,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; issue: SettingIssue } {
  const parsed = SETTINGS[key].safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issue: issueOf(parsed.error.issues) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The Settings category of the control center (`settings.edit`): every value, a change (validated by
 * the setting's schema, written through the settings repo so every replica sees it, audited with the old
 * and new value in the same transaction) and the last changes.
 */
/** A setting's new value, or how to make it from the settings as they stand when it is saved. */
export type SettingValue = ((current: Settings) => unknown) | string | number | boolean | null | object;

/**
 * Settings that move money or give it away (a bonus for every new account, what auto-recharge may
 * charge, the currency, the card and auto-recharge switches): owners only (`settings.money`); managers
 * run the rest of the line.
 */
export const MONEY_SETTINGS: ReadonlySet<SettingKey> = new Set<SettingKey>([
  'new_fan_bonus',
  'tutorial_bonus',
  'tutorial_bonus_enabled',
  'auto_recharge_monthly_cap',
  'store_currency',
  'card_payments_enabled',
  'auto_recharge_enabled',
]);

export function createSettingsAdminServices(deps: SettingsAdminDeps) {
  const stripeConfigured = deps.cards !== undefined;
  return {
    async view(actorId: number): Promise<SettingsView> {
      if (!(await deps.access.can(actorId, 'settings.edit'))) return { ok: false, code: 'not_allowed' };
      return {
        ok: true,
        settings: resolveSettings(await deps.uow.repos.settings.all()),
        stripeConfigured,
        moneyAllowed: await deps.access.can(actorId, 'settings.money'),
      };
    },

    /**
     * Sets `key` to `value`, or to what `value(current)` makes of the settings as they stand inside the
     * transaction (a part of a setting: one message price of `message_costs`, one language of a text),
     * so that two members changing two parts at once both keep their change.
     */
    async set(actorId: number, key: SettingKey, value: SettingValue): Promise<SetSettingResult> {
      if (!(await deps.access.can(actorId, 'settings.edit'))) return { ok: false, code: 'not_allowed' };
      if (MONEY_SETTINGS.has(key) && !(await deps.access.can(actorId, 'settings.money')))
        return { ok: false, code: 'not_allowed' };
      return deps.uow.run(async (r): Promise<SetSettingResult> => {
        // One change of the control center at a time (the lock /claim and team changes take too).
        await r.claimCodes.lock();
        const current = resolveSettings(await r.settings.all());
        const raw = typeof value === 'function' ? (value as (c: Settings) => unknown)(current) : value;
        if (key === 'card_payments_enabled' && raw === true && !stripeConfigured)
          return { ok: false, code: 'stripe_off' };
        const checked = checkSetting(key, raw);
        if (!checked.ok) return { ok: false, code: 'invalid', key, issue: checked.issue };
        const next = checked.value;
        const old = current[key];
        if (same(old, next)) return { ok: true, key, old, value: next, changed: false };
        await r.settings.set(key, next, actorId);
        await r.admin.audit({
          actorId,
          userId: null,
          action: SETTING_CHANGED,
          details: { key, old, new: next },
        });
        return { ok: true, key, old, value: next, changed: true };
      });
    },

    /** The last `limit` changes of settings (newest first), or null for someone without the permission. */
    async recent(actorId: number, limit = 10): Promise<SettingChange[] | null> {
      if (!(await deps.access.can(actorId, 'settings.edit'))) return null;
      const { repos } = deps.uow;
      const rows: AuditRecord[] = await repos.admin.recentAudits([SETTING_CHANGED], limit);
      const names = new Map<number, string | null>();
      for (const id of new Set(rows.map((a) => a.actorId))) {
        const u = await repos.users.get(id);
        names.set(id, u ? [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username : null);
      }
      return rows.map((a) => ({
        actorId: a.actorId,
        actorName: names.get(a.actorId) ?? null,
        key: typeof a.details.key === 'string' ? a.details.key : '?',
        old: a.details.old,
        value: a.details.new,
        at: a.createdAt,
      }));
    },
  };
}
