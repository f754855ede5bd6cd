import type { Message } from 'grammy/types';
import {
  checkSetting,
  MONEY_SETTINGS,
  type SetSettingResult,
  type SettingChange,
} from '../../../../../app/admin/settings/index.ts';
import { escapeHtml } from '../../../../../app/messages.ts';
import { receipt } from '../../../../../app/relay/receipt.ts';
import {
  CREATOR_TEXT_MAX,
  type CreatorTextKey,
  type SettingKey,
  type Settings,
} from '../../../../../app/system/settings.ts';
import { MESSAGE_TYPES } from '../../../../../domain/pricing/index.ts';
import { isLocale, LOCALES, type Locale } from '../../../../../domain/shared/index.ts';
import type { Context } from '../../../../context.ts';
import { typeLabel } from '../../../fan-relay.ts';
import {
  cut,
  escapeCut,
  type HubButton,
  type HubCategory,
  type HubInputResult,
  type HubScreen,
} from '../screen.ts';
import {
  describeChange,
  fieldById,
  fieldLabel,
  FIELDS,
  formatValue,
  GROUP_TITLES,
  GROUPS,
  isTextKey,
  issueText,
  LABELS,
  TEXT_KEYS,
  type Field,
  type Group,
} from './fields.ts';

/**
 * Settings (`settings.edit`, managers and owners): every value of `SETTINGS` on one compact screen, a
 * screen per group, a guided change per field (typed with its bounds shown, or chosen with a button),
 * the texts fans read per language with a preview before saving, the switches (pausing the line among
 * them) and the last ten changes. Every change goes through the use case (validated by the setting's
 * schema, audited, written through the settings cache so every replica sees it within a couple of
 * seconds; this process at once).
 *
 * Actions: `main`; `g` (a group); `f` (a field, or a text's languages); `set` (`<field>-<value>`, a
 * button's value); `pause` (`1`/`0`, from the main screen); `nc` (a type that cannot be sent); `t`
 * (`<text>-<locale>`, type a text); `save` / `clr` (`<text>-<locale>`); `recent`. Typed answers: `v`
 * (`<field>`), `text` (`<text>-<locale>`), `draft` (the preview's question: its argument carries the
 * draft, so Save finds it on any replica and a new version replaces it).
 */
const CAT = 'settings';

const to = (act: string, arg: string | number = 0) => ({ cat: CAT, act, arg });
const esc = (s: string) => escapeHtml(s);

/** Splits `<field>-<rest>` (field ids have no `-`; a locale such as `pt-BR` may). */
function split(arg: string): [string, string] | null {
  const i = arg.indexOf('-');
  return i > 0 ? [arg.slice(0, i), arg.slice(i + 1)] : null;
}

/** What the screens depend on besides the values: Stripe configured, and whether money settings may change. */
interface Env {
  stripe: boolean;
  /** `settings.money` (owners): the bonus, the store currency, the auto-recharge cap, card and auto-recharge switches. */
  money: boolean;
}

export const settingsCategory: HubCategory = {
  id: CAT,
  permission: 'settings.edit',
  titleKey: 'admin-hub-category-settings',
  async screen(ctx, act, arg) {
    const view = await ctx.services.settingsAdmin.view(ctx.from!.id);
    if (!view.ok) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    const s = view.settings;
    const env: Env = { stripe: view.stripeConfigured, money: view.moneyAllowed };
    switch (act) {
      case 'main':
        return arg === '0' ? mainScreen(ctx, s) : null;
      case 'g':
        return isGroup(arg) ? groupScreen(ctx, arg, s, env) : null;
      case 'f': {
        if (isTextKey(arg)) return languagesScreen(ctx, arg, s);
        const f = fieldById(arg);
        return f ? fieldScreen(ctx, f, s, env) : null;
      }
      case 'set': {
        const parts = split(arg);
        const f = parts && fieldById(parts[0]);
        if (!parts || !f) return null;
        const value = choiceValue(f, parts[1]);
        if (value === undefined) return null;
        return afterSet(ctx, f, await set(ctx, f, value), env);
      }
      case 'pause': {
        if (arg !== '1' && arg !== '0') return null;
        const res = await ctx.services.settingsAdmin.set(ctx.from!.id, 'line_paused', arg === '1');
        return withResult(ctx, res, s, (next) => mainScreen(ctx, next));
      }
      case 'nc': {
        const f = fieldById(arg);
        if (!f?.id.startsWith('cost_')) return null;
        return afterSet(ctx, f, await set(ctx, f, null), env);
      }
      case 't': {
        const target = textTarget(arg);
        return target ? textScreen(ctx, target.key, target.locale, s) : null;
      }
      case 'clr': {
        const target = textTarget(arg);
        if (!target) return null;
        const res = await ctx.services.settingsAdmin.set(ctx.from!.id, target.key, (current: Settings) =>
          withoutLocale(current, target.key, target.locale),
        );
        const cleared = ctx.t('admin-settings-text-cleared', {
          label: ctx.t(LABELS[target.key]),
          language: languageName(ctx, target.locale),
        });
        return withResult(ctx, res, s, (next, notice) =>
          languagesScreen(ctx, target.key, next, res.ok && res.changed ? cleared : notice),
        );
      }
      case 'save':
        return saveDraft(ctx, arg, s);
      case 'recent': {
        if (arg !== '0') return null;
        const changes = await ctx.services.settingsAdmin.recent(ctx.from!.id, 10);
        if (!changes) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
        return recentScreen(ctx, changes, s.store_currency);
      }
      default:
        return null;
    }
  },

  async input(ctx, act, arg, message) {
    const view = await ctx.services.settingsAdmin.view(ctx.from!.id);
    if (!view.ok) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    const s = view.settings;
    if (act === 'v') {
      const f = fieldById(arg);
      if (!f) return null;
      return typedValue(ctx, f, s, message, {
        stripe: view.stripeConfigured,
        money: view.moneyAllowed,
      });
    }
    if (act === 'text') {
      const target = textTarget(arg);
      return target ? typedText(ctx, target.key, target.locale, s, message) : null;
    }
    if (act === 'draft') {
      const draft = parseDraft(arg);
      return draft ? typedText(ctx, draft.key, draft.locale, s, message) : null;
    }
    return null;
  },
};

const isGroup = (g: string): g is Group => (GROUPS as readonly string[]).includes(g);

// ---------------------------------------------------------------------------------------------------
// The main screen, groups and fields

function mainScreen(ctx: Context, s: Settings, notice?: string): HubScreen {
  const v = (key: SettingKey, value: unknown = s[key]) => esc(formatValue(ctx, key, value, s.store_currency));
  const prices = MESSAGE_TYPES.map((type) => {
    const cost = s.message_costs[type];
    return `${typeLabel(ctx.t, type)} ${cost === undefined || cost === null ? '🚫' : cost}`;
  }).join(' · ');
  const texts = TEXT_KEYS.flatMap((key) => {
    const langs = Object.keys(s[key]).map((l) => (isLocale(l) ? l : s.default_language));
    return langs.length ? [`${ctx.t(LABELS[key])} (${[...new Set(langs)].join(', ')})`] : [];
  });
  const lines = [
    ...(notice ? [notice, ''] : []),
    ctx.t('admin-settings-title'),
    ctx.t(s.line_paused ? 'admin-settings-line-paused' : 'admin-settings-line-open'),
    '',
    ctx.t('admin-settings-overview-prices', { list: prices }),
    ctx.t('admin-settings-overview-money', {
      low: s.low_credit_threshold,
      bonus: s.new_fan_bonus,
      currency: s.store_currency.toUpperCase(),
      cap: formatValue(ctx, 'auto_recharge_monthly_cap', s.auto_recharge_monthly_cap, s.store_currency),
    }),
    ctx.t('admin-settings-overview-messages', {
      receipts: formatValue(ctx, 'receipt_mode', s.receipt_mode, s.store_currency),
      relay: s.relay_mode,
      edits: formatValue(ctx, 'edit_mirror_limit', s.edit_mirror_limit, s.store_currency),
      topics: s.topic_creations_per_minute,
    }),
    ctx.t('admin-settings-overview-search', {
      days: formatValue(ctx, 'search_retention_days', s.search_retention_days, s.store_currency),
    }),
    ctx.t('admin-settings-overview-language', {
      language: formatValue(ctx, 'default_language', s.default_language, s.store_currency),
      group: formatValue(ctx, 'group_language', s.group_language, s.store_currency),
      timezone: s.timezone,
    }),
    ctx.t('admin-settings-overview-tiers', {
      regular: s.tier_thresholds.regular,
      vip: s.tier_thresholds.vip,
    }),
    ctx.t('admin-settings-overview-discounts', { ...s.tier_discounts }),
    ctx.t('admin-settings-overview-switches', {
      card: v('card_payments_enabled'),
      auto: v('auto_recharge_enabled'),
      premium: v('premium_content_enabled'),
    }),
    ctx.t('admin-settings-overview-texts', {
      list: texts.length ? texts.join(' · ') : ctx.t('admin-settings-texts-none'),
    }),
  ];
  const groupButtons: HubButton[] = GROUPS.map((g) => ({ text: ctx.t(GROUP_TITLES[g]), to: to('g', g) }));
  const rows: HubButton[][] = [
    [
      s.line_paused
        ? { text: ctx.t('admin-settings-resume-button'), to: to('pause', 0) }
        : { text: ctx.t('admin-settings-pause-button'), to: to('pause', 1) },
    ],
  ];
  for (let i = 0; i < groupButtons.length; i += 2) rows.push(groupButtons.slice(i, i + 2));
  rows.push([{ text: ctx.t('admin-settings-recent-button'), to: to('recent') }]);
  return { text: lines.join('\n'), rows };
}

function groupScreen(ctx: Context, g: Group, s: Settings, env: Env, notice?: string): HubScreen {
  if (g === 'texts') return textsScreen(ctx, s, notice);
  if (g === 'switches') return switchesScreen(ctx, s, env, notice);
  const fields = FIELDS.filter((f) => f.group === g);
  const lines = fields.map((f) =>
    ctx.t('admin-settings-field-line', {
      label: fieldLabel(ctx, f),
      value: formatValue(ctx, f.key, f.get(s), s.store_currency),
    }),
  );
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      ctx.t('admin-settings-group-title', { title: ctx.t(GROUP_TITLES[g]) }),
      '',
      ...lines,
      ...(!env.money && fields.some((f) => MONEY_SETTINGS.has(f.key))
        ? ['', ctx.t('admin-settings-owner-only')]
        : []),
    ].join('\n'),
    rows: fields
      .filter((f) => env.money || !MONEY_SETTINGS.has(f.key))
      .map((f) => [{ text: fieldLabel(ctx, f), to: to('f', f.id) }]),
    back: to('main'),
  };
}

function switchesScreen(ctx: Context, s: Settings, env: Env, notice?: string): HubScreen {
  const fields = FIELDS.filter(
    (f) => f.group === 'switches' && (env.stripe || f.key !== 'card_payments_enabled'),
  );
  const lines: string[] = [];
  const rows: HubButton[][] = [];
  for (const f of fields) {
    const on = f.get(s) === true;
    const label = fieldLabel(ctx, f);
    lines.push(
      ctx.t('admin-settings-switch-line', { label, value: formatValue(ctx, f.key, on, s.store_currency) }),
    );
    if (f.hint) lines.push(`<i>${ctx.t(f.hint)}</i>`);
    if (!env.money && MONEY_SETTINGS.has(f.key)) continue;
    rows.push([
      {
        text: ctx.t(on ? 'admin-settings-switch-off-button' : 'admin-settings-switch-on-button', { label }),
        to: to('set', `${f.id}-${on ? 0 : 1}`),
      },
    ]);
  }
  if (!env.money) lines.push(ctx.t('admin-settings-owner-only'));
  if (!env.stripe) lines.push(ctx.t('admin-settings-stripe-off'));
  lines.push(ctx.t('admin-settings-stars-always'));
  return {
    text: [...(notice ? [notice, ''] : []), ctx.t('admin-settings-switches-title'), '', ...lines].join('\n'),
    rows,
    back: to('main'),
  };
}

/** A field's value given with a button (a choice, a switch, "cannot be sent"): its decoded value. */
function choiceValue(f: Field, raw: string): unknown {
  if (f.input.kind === 'switch') return raw === '1' ? true : raw === '0' ? false : undefined;
  if (f.input.kind === 'choice') return f.input.options.includes(raw) ? raw : undefined;
  // Edit mirroring's on/off buttons: off is 0, on is the setting's default.
  if (f.key === 'edit_mirror_limit' && /^\d{1,2}$/.test(raw)) return Number(raw);
  return undefined;
}

const DEFAULT_EDIT_MIRRORS = 3;

function fieldScreen(ctx: Context, f: Field, s: Settings, env: Env, retry?: string): HubScreen {
  const label = fieldLabel(ctx, f);
  const now = f.get(s);
  const lines = [
    ctx.t('admin-settings-current', { label, value: formatValue(ctx, f.key, now, s.store_currency) }),
    ...(f.hint ? [`<i>${ctx.t(f.hint)}</i>`] : []),
    '',
  ];
  const rows: HubButton[][] = [];
  const back = to('g', f.group);
  if (!env.money && MONEY_SETTINGS.has(f.key))
    return { text: [...lines, ctx.t('admin-settings-owner-only')].join('\n'), rows: [], back };
  const input = f.input;
  if (input.kind === 'switch') {
    if (f.key === 'card_payments_enabled' && !env.stripe)
      return { text: ctx.t('admin-settings-stripe-off'), rows: [], back };
    return switchesScreen(ctx, s, env);
  }
  if (input.kind === 'choice') {
    lines.push(ctx.t('admin-settings-choose'));
    for (const option of input.options) {
      const text = formatValue(ctx, f.key, option, s.store_currency);
      rows.push([
        {
          text: option === now ? ctx.t('admin-settings-choice-current', { label: text }) : text,
          to: to('set', `${f.id}-${option}`),
        },
      ]);
    }
    return { text: lines.join('\n'), rows, back };
  }
  if (retry) lines.push(retry);
  if (input.kind === 'int' && f.id.startsWith('cost_')) {
    lines.push(ctx.t('admin-settings-ask-cost', { min: input.min, max: input.max }));
    if (now !== null) rows.push([{ text: ctx.t('admin-settings-cost-refuse-button'), to: to('nc', f.id) }]);
  } else if (input.kind === 'int') {
    lines.push(ctx.t('admin-settings-ask-int', { min: input.min, max: input.max }));
    if (f.key === 'edit_mirror_limit')
      rows.push([
        now === 0
          ? {
              text: ctx.t('admin-settings-edits-on-button', { limit: DEFAULT_EDIT_MIRRORS }),
              to: to('set', `${f.id}-${DEFAULT_EDIT_MIRRORS}`),
            }
          : { text: ctx.t('admin-settings-edits-off-button'), to: to('set', `${f.id}-0`) },
      ]);
  } else if (input.kind === 'amount')
    lines.push(
      ctx.t('admin-settings-ask-amount', {
        currency: s.store_currency.toUpperCase(),
        min: input.min,
        max: input.max,
      }),
    );
  else if (input.kind === 'timezone') lines.push(ctx.t('admin-settings-ask-timezone'));
  else lines.push(ctx.t('admin-settings-ask-currency'));
  return { text: lines.join('\n'), rows, back, ask: { act: 'v', arg: f.id } };
}

/** Parses a typed number: digits (spaces and thin spaces between groups allowed), a decimal point or comma. */
function parseNumber(text: string, int: boolean): number | null {
  const clean = text.trim().replace(/[\s\u202f']/g, '');
  const re = int ? /^-?\d{1,12}$/ : /^-?\d{1,12}(?:[.,]\d{1,2})?$/;
  return re.test(clean) ? Number(clean.replace(',', '.')) : null;
}

async function typedValue(
  ctx: Context,
  f: Field,
  s: Settings,
  message: Message,
  env: Env,
): Promise<HubInputResult> {
  const text = message.text?.trim() ?? '';
  const tryAgain = (error: string) => ({ retry: `${error}\n${ctx.t('admin-settings-try-again')}` });
  let value: unknown;
  switch (f.input.kind) {
    case 'int':
    case 'amount': {
      const n = parseNumber(text, f.input.kind === 'int');
      if (n === null)
        return tryAgain(
          ctx.t(f.input.kind === 'int' ? 'admin-settings-error-number' : 'admin-settings-error-amount'),
        );
      value = n;
      break;
    }
    case 'timezone':
    case 'currency':
      if (!text) return tryAgain(ctx.t('admin-settings-error-text'));
      value = text;
      break;
    default:
      return { retry: ctx.t('admin-settings-choose') };
  }
  const res = await ctx.services.settingsAdmin.set(ctx.from!.id, f.key, (current: Settings) =>
    f.put(current, value),
  );
  if (!res.ok && res.code === 'invalid') return tryAgain(issueText(ctx, f.key, res.issue, f.put(s, value)));
  return afterSet(ctx, f, res, env);
}

/** Sets a field: its setting as it stands when saved, with this part changed. */
function set(ctx: Context, f: Field, value: unknown): Promise<SetSettingResult> {
  return ctx.services.settingsAdmin.set(ctx.from!.id, f.key, (current: Settings) => f.put(current, value));
}

/** What a change says (saved, unchanged, refused) above the screen `next` builds from the new values. */
async function withResult(
  ctx: Context,
  res: SetSettingResult,
  s: Settings,
  next: (s: Settings, notice?: string) => HubScreen,
): Promise<HubScreen> {
  if (!res.ok) {
    if (res.code === 'not_allowed') return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    if (res.code === 'stripe_off') return next(s, ctx.t('admin-settings-not-allowed-card'));
    return next(s, issueText(ctx, res.key, res.issue, null));
  }
  const view = await ctx.services.settingsAdmin.view(ctx.from!.id);
  const now = view.ok ? view.settings : s;
  const change = describeChange(ctx, res.key, res.old, res.value, now.store_currency);
  const notice = res.changed
    ? ctx.t('admin-settings-saved', { label: change.label, old: change.old, new: change.new })
    : ctx.t('admin-settings-unchanged', { label: change.label, value: change.new });
  return next(now, notice);
}

async function afterSet(ctx: Context, f: Field, res: SetSettingResult, env: Env): Promise<HubScreen> {
  const s = await ctx.services.settingsAdmin.view(ctx.from!.id);
  if (!s.ok) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
  return withResult(ctx, res, s.settings, (next, notice) => groupScreen(ctx, f.group, next, env, notice));
}

// ---------------------------------------------------------------------------------------------------
// Texts fans read, per language

const languageName = (ctx: Context, l: Locale) => ctx.translate(l, 'language-name');

/** The text of `key` written for `locale` (a text stored before languages counts as the default one's). */
function ownText(s: Settings, key: CreatorTextKey, locale: Locale): string | undefined {
  const texts = s[key];
  return texts[locale] ?? (locale === s.default_language ? texts.default : undefined);
}

function withoutLocale(s: Settings, key: CreatorTextKey, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [l, text] of Object.entries(s[key]))
    if (text !== undefined && l !== locale && !(l === 'default' && locale === s.default_language))
      out[l] = text;
  return out;
}

function textTarget(arg: string): { key: CreatorTextKey; locale: Locale } | null {
  const parts = split(arg);
  if (!parts || !isTextKey(parts[0]) || !isLocale(parts[1])) return null;
  return { key: parts[0], locale: parts[1] };
}

function textsScreen(ctx: Context, s: Settings, notice?: string): HubScreen {
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      ctx.t('admin-settings-texts-title', { language: languageName(ctx, s.default_language) }),
    ].join('\n'),
    rows: TEXT_KEYS.map((key) => [{ text: ctx.t(LABELS[key]), to: to('f', key) }]),
    back: to('main'),
  };
}

function languagesScreen(ctx: Context, key: CreatorTextKey, s: Settings, notice?: string): HubScreen {
  const rows = LOCALES.map((l) => [
    {
      text: ctx.t(ownText(s, key, l) ? 'admin-settings-text-lang-own' : 'admin-settings-text-lang-builtin', {
        language: languageName(ctx, l),
      }),
      to: to('t', `${key}-${l}`),
    },
  ]);
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      ctx.t('admin-settings-text-languages', { label: ctx.t(LABELS[key]) }),
      ...(key === 'response_time_text' ? [`<i>${ctx.t('admin-settings-response-time-hint')}</i>`] : []),
    ].join('\n'),
    rows,
    back: to('g', 'texts'),
  };
}

/** How much of a stored text its screen shows (the rest of the 4,096 is the screen's own words). */
const OWN_TEXT_SHOWN = 3000;

function textScreen(ctx: Context, key: CreatorTextKey, locale: Locale, s: Settings): HubScreen {
  const own = ownText(s, key, locale);
  const args = { label: ctx.t(LABELS[key]), language: languageName(ctx, locale) };
  const head = own
    ? // Cut before it is wrapped (escaping lengthens it): the screen must keep its closing tag.
      `${ctx.t('admin-settings-text-current-own', args)}\n<blockquote>${escapeCut(own, OWN_TEXT_SHOWN)}</blockquote>`
    : key === 'response_time_text'
      ? ctx.t('admin-settings-text-current-none', args)
      : `${ctx.t('admin-settings-text-current-builtin', args)}\n<blockquote>${rendered(ctx, key, locale, null)}</blockquote>`;
  return {
    text: [head, '', ctx.t('admin-settings-text-ask', { max: CREATOR_TEXT_MAX[key] })].join('\n'),
    rows: own
      ? [[{ text: ctx.t('admin-settings-text-clear-button'), to: to('clr', `${key}-${locale}`) }]]
      : [],
    back: to('f', key),
    ask: { act: 'text', arg: `${key}-${locale}` },
  };
}

/**
 * The text as a fan reading `locale` sees it where it is shown (`own` null: the built-in one): the
 * welcome as /start sends it, terms and privacy inside their command's frame, payment support as a bare
 * /paysupport answers, the response time under a sample receipt.
 */
function rendered(ctx: Context, key: CreatorTextKey, locale: Locale, own: string | null): string {
  const t = (k: string, args?: Parameters<Context['translate']>[2]) => ctx.translate(locale, k, args);
  switch (key) {
    case 'welcome_text':
      return own !== null ? esc(own) : t('start-welcome-default');
    case 'terms_text':
      return t('legal-terms', { text: { html: own !== null ? esc(own) : t('legal-terms-default') } });
    case 'privacy_text':
      return t('legal-privacy', { text: { html: own !== null ? esc(own) : t('legal-privacy-default') } });
    case 'paysupport_text':
      return `${t('legal-paysupport', {
        text: { html: own !== null ? esc(own) : t('legal-paysupport-default') },
      })}\n\n${t('legal-paysupport-ask')}`;
    case 'response_time_text': {
      const r = receipt({
        cost: 1,
        free: false,
        balance: 9,
        lastTopUp: 10,
        low: false,
        threshold: 0,
        passLeftMs: 0,
        ...(own ? { responseTime: own } : {}),
      });
      return t(r.key, r.args);
    }
  }
}

interface Draft {
  key: CreatorTextKey;
  locale: Locale;
  text: string;
}

function parseDraft(arg: string): Draft | null {
  try {
    const d = JSON.parse(arg) as { k?: unknown; l?: unknown; v?: unknown };
    if (typeof d.k !== 'string' || !isTextKey(d.k) || !isLocale(d.l) || typeof d.v !== 'string') return null;
    return { key: d.k, locale: d.l, text: d.v };
  } catch {
    return null;
  }
}

/** A typed text: checked against the setting's bounds, then shown as fans will see it (Save / Edit / Cancel). */
async function typedText(
  ctx: Context,
  key: CreatorTextKey,
  locale: Locale,
  s: Settings,
  message: Message,
): Promise<HubInputResult> {
  const tryAgain = (error: string) => ({ retry: `${error}\n${ctx.t('admin-settings-try-again')}` });
  if (message.text === undefined) return tryAgain(ctx.t('admin-settings-error-text'));
  const text = message.text.trim();
  const whole = { ...s[key], [locale]: text };
  const checked = checkSetting(key, whole);
  if (!checked.ok) return tryAgain(issueText(ctx, key, checked.issue, whole));
  const arg = `${key}-${locale}`;
  return {
    text: [
      ctx.t('admin-settings-preview', { language: languageName(ctx, locale) }),
      '',
      rendered(ctx, key, locale, text),
      '',
      `<i>${ctx.t('admin-settings-preview-hint')}</i>`,
    ].join('\n'),
    rows: [
      [{ text: ctx.t('admin-settings-preview-save'), to: to('save', arg) }],
      [
        { text: ctx.t('admin-settings-preview-edit'), to: to('t', arg) },
        { text: ctx.t('admin-settings-preview-cancel'), to: to('f', key) },
      ],
    ],
    back: to('f', key),
    ask: { act: 'draft', arg: JSON.stringify({ k: key, l: locale, v: text }) },
  };
}

/** Save on a preview: the draft is the open question's (gone if cancelled, answered or replaced). */
async function saveDraft(ctx: Context, arg: string, s: Settings): Promise<HubScreen | null> {
  const target = textTarget(arg);
  if (!target) return null;
  const ask = await ctx.services.hub.pendingAsk(ctx.from!.id);
  const draft = ask?.cat === CAT && ask.act === 'draft' ? parseDraft(ask.arg) : null;
  if (!draft || draft.key !== target.key || draft.locale !== target.locale)
    return languagesScreen(ctx, target.key, s, ctx.t('admin-settings-draft-gone'));
  const res = await ctx.services.settingsAdmin.set(ctx.from!.id, draft.key, (current: Settings) => ({
    ...current[draft.key],
    [draft.locale]: draft.text,
  }));
  return withResult(ctx, res, s, (next, notice) => languagesScreen(ctx, draft.key, next, notice));
}

// ---------------------------------------------------------------------------------------------------
// Recent changes

function recentScreen(ctx: Context, changes: SettingChange[], currency: string): HubScreen {
  const lines = changes.map((c) => {
    const d = describeChange(ctx, c.key, c.old, c.value, currency);
    return ctx.t('admin-settings-recent-line', {
      at: c.at,
      who: c.actorName ?? String(c.actorId),
      label: d.label,
      old: cut(d.old, 120),
      new: cut(d.new, 120),
    });
  });
  return {
    text: [
      ctx.t('admin-settings-recent-title', { count: changes.length }),
      '',
      ...(lines.length ? lines : [ctx.t('admin-settings-recent-empty')]),
    ].join('\n'),
    rows: [],
    back: to('main'),
  };
}
