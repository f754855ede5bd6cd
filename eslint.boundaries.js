/**
 * The floors of the house (docs/ARCHITECTURE.md, "Layers"), enforced on import paths:
 * - domain imports nothing outside domain (and no framework, no Node built-in);
 * - app (use cases, ports) imports domain and app only, and no framework;
 * - the adapters (bot, http, jobs, db, integrations, i18n) never import one another, except types: the
 *   composition root (main.ts, server.ts, deps.ts, config.ts, cli/) wires them together.
 * Kept in its own file so test/lint/boundaries.test.ts runs exactly these rules on fixtures.
 */
const FRAMEWORKS = [
  'grammy',
  'grammy/*',
  '@grammyjs/*',
  'hono',
  'hono/*',
  '@hono/*',
  // Anchored: a bare `stripe` pattern (gitignore syntax) would also match app/billing/stripe/.
  '/stripe',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  'pg-boss',
  '@electric-sql/*',
  '@fluent/*',
  'pino',
  'prom-client',
];
const ADAPTERS = ['bot', 'http', 'jobs', 'db', 'integrations', 'i18n'];

/** A relative import that climbs out to a top-level folder or file of src/ (`../../bot/x.ts`). */
const outTo = (dirs, files = []) =>
  `^(\\.\\./)+(${[...dirs.map((d) => `${d}/`), ...files.map((f) => `${f}\\.ts$`)].join('|')})`;
const ROOT_FILES = ['main', 'server', 'deps', 'config'];

const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export const boundaries = [
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      {
        regex: outTo(['app', 'logging', 'cli', ...ADAPTERS], [...ROOT_FILES, 'logger']),
        message: 'domain/ is pure: it imports nothing outside domain/ (STYLE.md §4).',
      },
      { group: [...FRAMEWORKS, 'node:*'], message: 'domain/ is pure: no framework, no I/O.' },
    ]),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict([
      {
        regex: outTo(['logging', 'cli', ...ADAPTERS], ROOT_FILES),
        message: 'app/ imports domain/ and app/ only: reach the outside through a port (app/ports).',
      },
      { group: FRAMEWORKS, message: 'app/ is framework-free: go through a port.' },
    ]),
  },
  ...ADAPTERS.map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: restrict([
      {
        regex: outTo(
          ['cli', ...ADAPTERS.filter((a) => a !== layer)],
          ROOT_FILES.filter((f) => f !== 'config'),
        ),
        allowTypeImports: true,
        message: `${layer}/ does not import another adapter (or the composition root): take it as a dependency the composition root wires (a type import is fine).`,
      },
    ]),
  })),
];
