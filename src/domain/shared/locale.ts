/**
 * The languages fanbridge speaks. A fan's is taken from Telegram's `language_code` on first contact
 * (matched on the primary subtag: any Portuguese is Brazilian Portuguese; anything unknown is English),
 * and they can change it with /language.
 */
export const LOCALES = ['en', 'es', 'ru', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The locale for a Telegram `language_code` (`es-MX` → `es`, `pt` → `pt-BR`, `de` → `en`). */
export function negotiateLocale(languageCode: string | null | undefined): Locale {
  if (!languageCode) return DEFAULT_LOCALE;
  if (isLocale(languageCode)) return languageCode;
  const primary = languageCode.toLowerCase().split(/[-_]/, 1)[0]!;
  if (primary === 'pt') return 'pt-BR';
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

/** What Telegram's `setMyCommands` takes as `language_code`: the two-letter language. */
export const telegramLanguageCode = (locale: Locale): string => locale.split('-', 1)[0]!;
