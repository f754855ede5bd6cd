import { fileURLToPath } from 'node:url';
import type { FluentNumber } from '@fluent/bundle';
import { FluentDateTime } from '@fluent/bundle';
import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { TextArg, Translator } from '../app/ports/index.ts';
import { durationParts } from '../domain/entitlement/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../domain/shared/index.ts';
import { escapeHtml } from './html.ts';

/** The catalogue: `locales/<locale>/*.ftl`, one `## Feature` section per feature (admin texts under `admin/`). */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

type FluentArg = string | number | FluentNumber | FluentDateTime;

/** Moments are shown in UTC, with the zone named, in the reader's own format. */
const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
};

/**
 * Arguments as Fluent takes them: plain strings are escaped (every text is sent as HTML), numbers stay
 * numbers (for plural rules), moments and money are formatted in the reader's language.
 */
function toFluent(
  i18n: I18n<Context & { locale?: Locale }>,
  locale: Locale,
  args: Record<string, TextArg | Date> | undefined,
): Record<string, FluentArg> {
  const out: Record<string, FluentArg> = {};
  for (const [key, v] of Object.entries(args ?? {})) {
    if (typeof v === 'string') out[key] = escapeHtml(v);
    else if (typeof v === 'number') out[key] = v;
    else if (v instanceof Date) out[key] = new FluentDateTime(v.getTime(), DATE_OPTIONS);
    else if ('date' in v) out[key] = new FluentDateTime(Date.parse(v.date), DATE_OPTIONS);
    else if ('money' in v)
      out[key] = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: v.money.currency.toUpperCase(),
      }).format(v.money.minor / 10 ** minorDigits(v.money.currency));
    else if ('duration' in v)
      out[key] = durationParts(v.duration)
        .map((p) => i18n.t(locale, `duration-${p.unit}`, { n: p.count }))
        .join(' ');
    else out[key] = v.html;
  }
  return out;
}

const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits ?? 2;

export interface Texts {
  /** The grammY plugin (ctx.t) for the bot. */
  i18n: I18n<Context & { locale?: Locale }>;
  /** The same catalogue for everything that renders outside an update (the outbox worker). */
  translator: Translator;
}

/**
 * Loads the catalogue once. Fluent's bidi isolation marks are off (Telegram shows them as stray
 * characters); a key missing in a language falls back to English, and `onMissing` hears about it.
 */
export function createTexts(opts: { onMissing?: (what: string) => void } = {}): Texts {
  const i18n = new I18n<Context & { locale?: Locale }>({
    defaultLocale: DEFAULT_LOCALE,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: {
      warningHandler: (w) => opts.onMissing?.(`${w.type}: ${w.path} (${w.locales.join(',')})`),
    },
    localeNegotiator: (ctx) => ctx.locale ?? DEFAULT_LOCALE,
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  return {
    i18n,
    translator: { t: (locale, key, args) => i18n.t(locale, key, toFluent(i18n, locale, args)) },
  };
}
