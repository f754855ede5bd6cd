import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { DROP_CONNECTION, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { SENTINEL_MARKER, secretPart } from '../../support/sentinels.ts';
import { command, fanUser, groupTopicMessage, privateText } from '../../support/updates.ts';

/**
 * What an operator sees when the network to Telegram fails: the app runs as `node src/main.ts` in polling
 * mode (debug logs) against the fake Bot API, which drops connections of polls, direct answers, owner
 * alerts and outbox sends. Neither stdout nor stderr may contain the bot token in any form.
 */
const root = process.cwd();
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

let fake: FakeTelegram;
let dir: string;
const out = { stdout: '', stderr: '' };

function runApp(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/main.ts')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (b: Buffer) => (out.stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    async stop(): Promise<number | null> {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const logLines = () =>
  out.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanbridge-leak-'));
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('network failures towards Telegram', () => {
  it('never print the bot token: not in logs, not from the runner, in no encoding', async () => {
    const fan = fanUser(8101, { first_name: 'Nina' });
    const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
    fake.failNext('getUpdates', DROP_CONNECTION, { times: 3 });
    fake.failNext('setMyCommands', DROP_CONNECTION);
    // The /start answer, the apology and the owners' error alert.
    fake.failNext('sendMessage', DROP_CONNECTION, {
      times: 3,
      match: (p) => p.chat_id === fan.id || p.chat_id === OWNER_ID,
    });
    // Outbox sends, both ways: retried until they go through.
    fake.failNext('copyMessage', DROP_CONNECTION, { times: 2 });

    const app = runApp({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: join(dir, 'data'),
      PORT: '0',
      ADMIN_GROUP_ID: String(ADMIN_GROUP_ID),
      ADMIN_USER_IDS: String(OWNER_ID),
      LOG_LEVEL: 'debug',
    });
    let code: number | null;
    try {
      await fake.waitForPoll(45_000); // past the dropped polls
      fake.pushUpdate(command(fan, '/start'));
      fake.pushUpdate(privateText(fan, 'hello?', { fake }));
      const copied = await eventually(
        () => fake.callsTo('copyMessage').find((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID),
        20_000,
        "the fan's message in the topic",
      );
      const threadId = copied.payload.message_thread_id as number;
      fake.pushUpdate(groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, 'hi Nina', { fake }));
      await eventually(
        () => fake.callsTo('copyMessage').some((c) => c.ok && c.payload.chat_id === fan.id),
        20_000,
        "the admin's reply at the fan",
      );
    } finally {
      code = await app.stop();
    }

    const token = fake.token;
    const secret = secretPart(token);
    const forms = {
      raw: token,
      'secret part': secret,
      'URL-encoded': encodeURIComponent(token),
      base64: Buffer.from(token).toString('base64').slice(0, -4),
      base64url: Buffer.from(token).toString('base64url').slice(0, -4),
      'secret part in base64': Buffer.from(secret).toString('base64').slice(0, -4),
      marker: SENTINEL_MARKER,
    };
    const found = (text: string) =>
      Object.entries(forms)
        .filter(([, form]) => text.includes(form))
        .map(([name]) => name);
    // Only the names of the forms found are reported: a failure must not print the token either.
    expect({ stdout: found(out.stdout), stderr: found(out.stderr) }).toEqual({ stdout: [], stderr: [] });

    // Not vacuous: the failures happened and were logged, through the logger only.
    expect(code).toBe(0);
    expect(out.stderr).not.toMatch(/grammY runner/);
    const lines = logLines();
    const httpErrors = lines.map((l) => l.err).filter((e) => e?.type === 'HttpError');
    expect(httpErrors).toContainEqual(expect.objectContaining({ method: 'getUpdates' }));
    expect(httpErrors).toContainEqual(expect.objectContaining({ method: 'sendMessage' }));
    expect(httpErrors).toContainEqual(expect.objectContaining({ method: 'setMyCommands' }));
    expect(lines.some((l) => l.msg === 'stopped cleanly')).toBe(true);
  }, 120_000);
});
