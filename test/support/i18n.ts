import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TextArg } from '../../src/app/ports/index.ts';
import { createTexts, LOCALES_DIR } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/domain/shared/index.ts';

/** The real catalogue, for assertions: what a reader of `locale` sees for `key`. */
const { translator } = createTexts();
export const tr = (locale: Locale, key: string, args?: Record<string, TextArg | Date>) =>
  translator.t(locale, key, args);
/** English, the one language tests read texts in (see README: assert on keys, or on English through this). */
export const en = (key: string, args?: Record<string, TextArg | Date>) => tr('en', key, args);

export interface CatalogueEntry {
  locale: string;
  /** Path inside the locale folder (`admin/commands.ftl`). */
  file: string;
  key: string;
  /** The message's source, for its variables. */
  source: string;
}

/** Every message of every locale file, read as text (the parse check compares it with Fluent's own). */
export function readCatalogue(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const locale of readdirSync(LOCALES_DIR)) {
    const dir = join(LOCALES_DIR, locale);
    if (!statSync(dir).isDirectory()) continue;
    for (const path of walk(dir)) {
      const lines = readFileSync(path, 'utf8').split('\n');
      let current: CatalogueEntry | null = null;
      for (const line of lines) {
        const m = /^(-?[a-zA-Z][\w-]*)\s*=/.exec(line);
        if (m) {
          current = { locale, file: relative(dir, path), key: m[1]!, source: line };
          out.push(current);
        } else if (current && /^[\s}]/.test(line)) current.source += `\n${line}`;
        else current = null;
      }
    }
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.ftl') ? [path] : [];
  });
}
