import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/shared/index.ts';
import { LOCALES_DIR } from '../../src/i18n/index.ts';
import { readCatalogue, tr } from '../support/i18n.ts';

/**
 * The text catalogue (locales/): every file parses, fans and the team read every text in all four languages, no
 * language has keys English lacks, a message's variables are the same in every language, every key the
 * code uses exists and every English key is used, and plurals follow each language's rules.
 */
const catalogue = readCatalogue().filter((e) => !e.key.startsWith('-'));
const byLocale = (locale: string) =>
  new Map(catalogue.filter((e) => e.locale === locale).map((e) => [e.key, e]));
const english = byLocale('en');
const variables = (source: string) =>
  [...new Set([...source.matchAll(/\{\s*\$([a-zA-Z_][\w-]*)/g)].map((m) => m[1]!))].sort();

describe('the text catalogue', () => {
  it('has the four languages', () => {
    for (const locale of LOCALES) expect(byLocale(locale).size, locale).toBeGreaterThan(0);
  });

  it('parses without losing a message (Fluent drops what it cannot parse, silently)', () => {
    for (const locale of LOCALES) {
      const dir = join(LOCALES_DIR, locale);
      const files = readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ftl') && statSync(join(dir, f)).isFile());
      for (const file of files) {
        const source = readFileSync(join(dir, file), 'utf8');
        const parsed = new FluentResource(source).body.map((m) => m.id).sort();
        const written = catalogue
          .filter((e) => e.locale === locale && e.file === file)
          .map((e) => e.key)
          .sort();
        expect(parsed, `${locale}/${file}`).toEqual(written);
      }
    }
  });

  it('gives fans and the team every text in every language', () => {
    const keys = [...english.values()].map((e) => e.key);
    for (const locale of LOCALES) {
      const have = byLocale(locale);
      expect(
        keys.filter((k) => !have.has(k)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it('has no key outside English, and every message uses the same variables in every language', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of byLocale(locale)) {
        const en = english.get(key);
        expect(en, `${locale} has ${key}, English does not`).toBeDefined();
        expect(variables(entry.source), `${locale}: ${key}`).toEqual(variables(en!.source));
      }
    }
  });

  it('every key the code uses exists in English, and every English key is used', () => {
    const code = readdirSync(join(LOCALES_DIR, '../src'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(LOCALES_DIR, '../src', f), 'utf8'))
      .join('\n');
    const literals = new Set(
      [...code.matchAll(/['"`]([a-z][a-z0-9]*(?:-[a-z0-9]+)+)['"`]/g)].map((m) => m[1]!),
    );
    // Keys built from a name at run time: `command-<name>`, `duration-<unit>`, and their families.
    const dynamic = [/^command-/, /^admin-command-/, /^duration-/];
    const used = (key: string) => literals.has(key) || dynamic.some((d) => d.test(key));
    expect(
      [...english.keys()].filter((k) => !used(k)),
      'English keys no code uses',
    ).toEqual([]);
    const areas = new Set([...english.keys()].map((k) => k.split('-', 1)[0]!));
    const keyLike = [...literals].filter((l) => areas.has(l.split('-', 1)[0]!));
    expect(
      keyLike.filter((k) => !english.has(k)),
      'keys the code uses that English lacks',
    ).toEqual([]);
  });

  it('follows each language’s plural rules', () => {
    const wait = (locale: (typeof LOCALES)[number], n: number) =>
      /\d+ \S+(?=\.$)/.exec(tr(locale, 'common-slow-down', { seconds: n }))![0];
    // Russian: one (1, 21), few (2–4, 22), many (5–20, 11–14, 25).
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => wait('ru', n))).toEqual([
      '1 секунду',
      '2 секунды',
      '5 секунд',
      '21 секунду',
      '22 секунды',
      '25 секунд',
      '11 секунд',
    ]);
    expect([1, 2].map((n) => wait('en', n))).toEqual(['1 second', '2 seconds']);
    expect([1, 2].map((n) => wait('es', n))).toEqual(['1 segundo', '2 segundos']);
    // Brazilian Portuguese counts 0 as one.
    expect([0, 1, 2].map((n) => wait('pt-BR', n))).toEqual(['0 segundo', '1 segundo', '2 segundos']);
    expect(tr('ru', 'balance-low', { threshold: 2 })).toMatch(/меньше 2 кредитов/);
  });
});
