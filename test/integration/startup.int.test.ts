import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_BOT_TOKEN } from '../support/config.ts';

/** Runs `src/main.ts` as the operator would, with a clean environment. */
function runMain(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'fanbridge-start-'));
  try {
    const r = spawnSync(
      process.execPath,
      [join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), join(process.cwd(), 'src/main.ts')],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    return { status: r.status, stderr: r.stderr.trim() };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

describe('start-up failures: one clear line and a non-zero exit', () => {
  it('missing BOT_TOKEN', () => {
    const r = runMain({});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^fanbridge: BOT_TOKEN is required: create a bot with @BotFather/);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });

  it('webhook mode without a secret', () => {
    const r = runMain({ BOT_TOKEN: TEST_BOT_TOKEN, WEBHOOK_URL: 'https://bot.example.com' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'fanbridge: WEBHOOK_SECRET is required when WEBHOOK_URL is set (webhook mode): set 16+ random characters, e.g. `openssl rand -hex 32`',
    );
  });

  it('database unreachable', () => {
    const r = runMain({ BOT_TOKEN: TEST_BOT_TOKEN, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nope' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^fanbridge: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nope: /);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });

  it('Telegram unreachable', () => {
    const r = runMain({
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:1',
      DATA_DIR: join(tmpdir(), `fb-${process.pid}-tg`),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^fanbridge: cannot reach the Telegram Bot API at http:\/\/127\.0\.0\.1:1/);
  });
});
