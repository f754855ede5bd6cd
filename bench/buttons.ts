/**
 * `npm run bench:buttons`: how fast a control-center button answers. The owner opens `/admin` and presses
 * through Dashboard → Refresh → Back → System → Refresh → Back… one press at a time, as a person does,
 * through the webhook against the fake Bot API. For each press: the time from the POST to the
 * `answerCallbackQuery` reaching the fake (the spinner stops: the hub answers before any other work) and
 * to the screen's edit reaching it. Reference in the same run: a bare grammY bot that answers and edits at
 * once (bench/bare-child.ts), no database. PGlite always; PostgreSQL when one answers (BENCH_DATABASE_URL,
 * default 127.0.0.1:5432). `--presses N` (default 120).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Update, User } from 'grammy/types';
import { hubData } from '../src/bot/callback-data/hub.ts';
import { startFakeTelegram, type FakeTelegram } from '../test/support/fake-telegram/index.ts';
import { SENTINELS } from '../test/support/sentinels.ts';
import { callbackQuery, command, fanUser, privateText } from '../test/support/updates.ts';
import { startAppChild, webhookAppEnv, type AppChild } from './child.ts';
import { createBenchDatabase, DEFAULT_SERVER_URL, serverAnswers, type BenchDatabase } from './database.ts';
import { percentile } from './load.ts';

const { values } = parseArgs({ options: { presses: { type: 'string', default: '120' } } });
const PRESSES = Number(values.presses);
const GROUP_ID = -1009876543210;
const OWNER_ID = 900001;
const SECRET = SENTINELS.benchWebhookSecret;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;

type Engine = 'bare' | 'pglite' | 'postgres';
interface Result {
  engine: Engine;
  answerMs: number[];
  screenMs: number[];
}
type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };

async function post(child: AppChild, update: Update): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${child.port}/telegram-webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await res.text();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(fn: () => T | null | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The next button to press on a hub screen: into Dashboard or System from the hub, else Refresh, then Back. */
function nextPress(markup: Markup, step: number): string {
  const buttons = markup.inline_keyboard.flat().filter((b) => b.callback_data);
  const data = buttons.flatMap((b) => {
    const d = hubData.unpack(b.callback_data);
    return d ? [d] : [];
  });
  const pick = (f: (d: (typeof data)[number]) => boolean) => {
    const d = data.find(f);
    return d ? hubData.pack(d) : null;
  };
  // The hub has only Close; a category's screen has Back (to home) too.
  const onHub = !data.some((d) => d.cat === 'home' && d.act === 'main');
  if (onHub) return pick((d) => d.cat === (step % 2 === 0 ? 'dashboard' : 'system'))!;
  // Inside a category: Refresh once, then Back (Back leads home).
  return step % 3 === 1
    ? (pick((d) => d.cat !== 'home' && d.act === 'main') ??
        pick((d) => d.cat === 'home' && d.act === 'main'))!
    : pick((d) => d.cat === 'home' && d.act === 'main')!;
}

async function run(engine: Engine): Promise<Result> {
  const fake: FakeTelegram = await startFakeTelegram({ flood: false });
  fake.addForumGroup(GROUP_ID, { title: 'Bench inbox' });
  let db: BenchDatabase | null = null;
  let child: AppChild | null = null;
  try {
    if (engine === 'postgres') db = await createBenchDatabase(SERVER_URL);
    child = await startAppChild(
      webhookAppEnv({
        fake,
        secret: SECRET,
        groupId: GROUP_ID,
        ownerId: OWNER_ID,
        databaseUrl: db?.url,
        extra: { BENCH_PGLITE_MEMORY: '1' },
      }),
      { kind: engine === 'bare' ? 'bare' : 'app' },
    );
    const owner: User = fanUser(OWNER_ID, { first_name: 'Owner' });
    await sleep(500); // startup work (command menus, pg-boss) settles
    // The message the presses act on: the hub (app), or the bare bot's reply.
    await post(child, engine === 'bare' ? privateText(owner, 'hello', { fake }) : command(owner, '/admin'));
    const menu = await until(
      () =>
        fake
          .messagesIn(owner.id)
          .filter((m) => m.from_bot)
          .at(-1),
      'the menu message',
    );
    let markup: Markup = menu.reply_markup ?? {
      inline_keyboard: [[{ text: 'go', callback_data: 'bench' }]],
    };
    const answerMs: number[] = [];
    const screenMs: number[] = [];
    for (let i = 0; i < PRESSES; i++) {
      const data = engine === 'bare' ? 'bench' : nextPress(markup, i);
      const update = callbackQuery(owner, data, menu, { id: `bench-${engine}-${i}` });
      const seen = fake.calls.length;
      const started = Date.now();
      await post(child, update);
      const answered = await until(
        () =>
          fake.calls
            .slice(seen)
            .find(
              (c) =>
                c.method === 'answerCallbackQuery' && c.payload.callback_query_id === `bench-${engine}-${i}`,
            ),
        'the answer',
      );
      const edited = await until(
        () => fake.calls.slice(seen).find((c) => c.method === 'editMessageText'),
        'the screen',
      );
      if (!edited.ok && !String(edited.error?.description).includes('not modified'))
        throw new Error(`edit failed: ${JSON.stringify(edited.error)}`);
      answerMs.push(answered.at - started);
      screenMs.push(edited.at - started);
      markup = (edited.payload.reply_markup as Markup | undefined) ?? markup;
    }
    return { engine, answerMs, screenMs };
  } finally {
    await child?.stop().catch(() => {});
    await db?.drop().catch(() => {});
    await fake.close();
  }
}

const fmt = (v: number) => `${v.toFixed(0)} ms`;
const line = (r: Result, ref: Result | null) => {
  const a50 = percentile(r.answerMs, 50);
  const a95 = percentile(r.answerMs, 95);
  const s50 = percentile(r.screenMs, 50);
  const s95 = percentile(r.screenMs, 95);
  const ratio = (v: number, b: number) => (ref ? ` (${(v / Math.max(b, 1)).toFixed(1)}×)` : '');
  return `${r.engine.padEnd(9)} answer p50 ${fmt(a50)}${ratio(a50, percentile(ref?.answerMs ?? [1], 50))}, p95 ${fmt(a95)}${ratio(a95, percentile(ref?.answerMs ?? [1], 95))}, max ${fmt(Math.max(...r.answerMs))} · screen p50 ${fmt(s50)}${ratio(s50, percentile(ref?.screenMs ?? [1], 50))}, p95 ${fmt(s95)}${ratio(s95, percentile(ref?.screenMs ?? [1], 95))}`;
};

console.log(
  `bench:buttons — ${PRESSES} presses per engine, one at a time (load average ${loadavg()[0]!.toFixed(2)})`,
);
const bare = await run('bare');
console.log(line(bare, null));
console.log(line(await run('pglite'), bare));
if (await serverAnswers(SERVER_URL)) console.log(line(await run('postgres'), bare));
else console.log('postgres  skipped: no server at BENCH_DATABASE_URL');
console.log(`(load average ${loadavg()[0]!.toFixed(2)} at the end)`);
