export { DomainError, isDomainError } from './domain-error.ts';
export { type Clock, systemClock, fixedClock } from './clock.ts';
export { type Ok, type Err, type Result, ok, err } from './result.ts';
export { formatMoney, minorUnitDigits } from './money.ts';
export {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  isLocale,
  negotiateLocale,
  telegramLanguageCode,
} from './locale.ts';
