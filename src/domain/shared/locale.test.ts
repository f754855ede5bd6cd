import { describe, expect, it } from 'vitest';
import { negotiateLocale, telegramLanguageCode } from './locale.ts';

describe('negotiateLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['pt', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['de', 'en'],
    ['uk', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%j → %s', (code, locale) => {
    expect(negotiateLocale(code)).toBe(locale);
  });

  it("gives Telegram's setMyCommands the two-letter language", () => {
    expect(telegramLanguageCode('pt-BR')).toBe('pt');
    expect(telegramLanguageCode('ru')).toBe('ru');
  });
});
