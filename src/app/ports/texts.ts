/** Texts: use cases say what to tell someone as a key and its arguments; adapters render them. */

import type { Locale } from '../../domain/shared/index.ts';

export type { Locale };

/**
 * An argument of a text. Strings are plain text (escaped where the text is HTML); `html` is markup the
 * app built and trusts; `date` is an ISO moment, `money` an amount in minor units, `duration` a length
 * of time in milliseconds (all formatted for the reader's language).
 */
export type TextArg =
  | string
  | number
  | { date: string }
  | { money: { minor: number; currency: string } }
  /** A length of time in milliseconds ("2 h 30 min"). */
  | { duration: number }
  | { html: string };

/** A text from the catalogue (`locales/`): its key and arguments. Plain JSON, so the outbox can store it. */
export interface TextRef {
  key: string;
  args?: Record<string, TextArg>;
}

/** Renders catalogue texts in a language (the i18n adapter implements it). */
export interface Translator {
  t(locale: Locale, key: string, args?: Record<string, TextArg | Date>): string;
}
