import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.boundaries.js';

/**
 * The layer rules (eslint.boundaries.js, part of eslint.config.js) on one fixture per forbidden crossing:
 * each must be an error, and the allowed imports next to them must not. The fixtures are linted as if
 * they stood at the given path; nothing is written.
 */
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      plugins: { '@typescript-eslint': tseslint.plugin },
      languageOptions: { parser: tseslint.parser },
    },
    ...boundaries,
  ],
});

async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.message);
}

const forbidden: Array<[string, string, string]> = [
  ['domain → app', 'src/domain/ledger/x.ts', "import { fanNotice } from '../../app/system/notices.ts';"],
  ['domain → framework', 'src/domain/ledger/x.ts', "import { Bot } from 'grammy';"],
  ['domain → Node I/O', 'src/domain/shared/x.ts', "import { readFileSync } from 'node:fs';"],
  ['domain → db', 'src/domain/ledger/x.ts', "import { users } from '../../db/schema/index.ts';"],
  ['app → bot', 'src/app/relay/x.ts', "import { createCardKeyboard } from '../../bot/keyboards/admin.ts';"],
  ['app → db', 'src/app/relay/x.ts', "import { createRepos } from '../../db/repos/index.ts';"],
  ['app → jobs', 'src/app/billing/x.ts', "import { QUEUES } from '../../jobs/queues.ts';"],
  [
    'app → integrations',
    'src/app/billing/x.ts',
    "import { createStarsRefunds } from '../../integrations/telegram/stars.ts';",
  ],
  ['app → the composition root', 'src/app/system/x.ts', "import { createDeps } from '../../deps.ts';"],
  ['app → framework', 'src/app/relay/x.ts', "import { sql } from 'drizzle-orm';"],
  ['http → bot', 'src/http/routes/x.ts', "import { createBot } from '../../bot/index.ts';"],
  ['http → jobs', 'src/http/routes/x.ts', "import { uuidFromKey } from '../../jobs/ids.ts';"],
  ['db → jobs', 'src/db/repos/x.ts', "import { jobsPort } from '../../jobs/port.ts';"],
  [
    'integrations → db',
    'src/integrations/telegram/x.ts',
    "import { outboxDispatch } from '../../db/repos/outbox.ts';",
  ],
  [
    'integrations → bot',
    'src/integrations/telegram/x.ts',
    "import { createCardKeyboard } from '../../bot/keyboards/admin.ts';",
  ],
  [
    'jobs → integrations',
    'src/jobs/workers/x.ts',
    "import { toBillingEvent } from '../../integrations/stripe/events.ts';",
  ],
  ['jobs → db', 'src/jobs/outbox/x.ts', "import { createRepos } from '../../db/repos/index.ts';"],
  ['bot → db', 'src/bot/features/x.ts', "import { createRepos } from '../../db/repos/index.ts';"],
  ['bot → jobs', 'src/bot/features/x.ts', "import { QUEUES } from '../../jobs/queues.ts';"],
  ['bot → the composition root', 'src/bot/x.ts', "import { startApp } from '../server.ts';"],
  ['i18n → bot', 'src/i18n/x.ts', "import { createBot } from '../bot/index.ts';"],
];

const allowed: Array<[string, string, string]> = [
  ['domain → domain', 'src/domain/ledger/x.ts', "import { formatMoney } from '../shared/index.ts';"],
  ['app → domain', 'src/app/relay/x.ts', "import { quoteMessage } from '../../domain/pricing/index.ts';"],
  ['app → its ports', 'src/app/relay/x.ts', "import type { Repos } from '../ports/index.ts';"],
  ['app → Node', 'src/app/relay/x.ts', "import { createHash } from 'node:crypto';"],
  ['bot → app', 'src/bot/features/x.ts', "import { creatorTextFor } from '../../app/system/settings.ts';"],
  ['jobs → app', 'src/jobs/outbox/x.ts', "import * as delivery from '../../app/relay/delivery.ts';"],
  [
    'jobs → integrations, a type',
    'src/jobs/outbox/x.ts',
    "import type { FloodGuard } from '../../integrations/telegram/flood-guard.ts';",
  ],
  ['jobs → db, a type', 'src/jobs/x.ts', "import type { DbOrTx } from '../db/client.ts';"],
  ['db → app', 'src/db/repos/x.ts', "import { BUDGETED_METHODS } from '../../app/outbox/policy.ts';"],
  ['an adapter → config', 'src/bot/x.ts', "import type { Config } from '../config.ts';"],
  ['the composition root → anything', 'src/deps.ts', "import { createRepos } from './db/repos/index.ts';"],
];

describe('the layers are enforced by lint', () => {
  it.each(forbidden)('%s is an error', async (_name, path, code) => {
    expect(await errorsOf(path, code)).toHaveLength(1);
  });

  it.each(allowed)('%s is allowed', async (_name, path, code) => {
    expect(await errorsOf(path, code)).toEqual([]);
  });
});
