/**
 * `npm run bench:broadcast`: a broadcast to 10,000 fans on the fake Bot API with Telegram's limits
 * (windows scaled down by `--scale`, as bench/relay.ts does; budgets unchanged), while live fans write and
 * admins answer, with a restart of the app in the middle. Prints: the share of the bot's global budget
 * the broadcast used out of what live traffic left, the admins' reply latency (p50/p95, POST → the fan's
 * copy at the fake), progress edits per minute, 429s and early retries, and duplicates (a fan who got it
 * twice). Exit 1 on a duplicate, a missed fan, an early retry or a 429.
 *
 * The app runs in this process (startApp against the fake), on PostgreSQL when 127.0.0.1:5432 answers
 * (`BENCH_DATABASE_URL` overrides), else on an in-memory PGlite (`--engine pglite`). Options: `--fans`,
 * `--scale`, `--live-fans`, `--engine`.
 */
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Update } from 'grammy/types';
import { defaultBudgets } from '../src/app/outbox/policy.ts';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { startTestApp, type TestApp } from '../test/support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../test/support/config.ts';
import type { TestDatabase } from '../test/support/db.ts';
import { grantCredits } from '../test/support/accounts.ts';
import { scaledFloodLimits, startFakeTelegram } from '../test/support/fake-telegram/index.ts';
import { FLOOD_COUNTED_METHODS } from '../test/support/fake-telegram/flood.ts';
import { fanUser, groupTopicMessage, privateText } from '../test/support/updates.ts';
import { DEFAULT_SERVER_URL, createBenchDatabase, serverAnswers } from './database.ts';
import { percentile } from './load.ts';

const { values: args } = parseArgs({
  options: {
    fans: { type: 'string', default: '10000' },
    scale: { type: 'string', default: '5' },
    'live-fans': { type: 'string', default: '6' },
    engine: { type: 'string' },
  },
});
const FANS = Number(args.fans);
const SCALE = Number(args.scale);
const LIVE = Number(args['live-fans']);
const TEXT = 'Bench broadcast';
const FIRST_FAN = 2_000_000;
const LIVE_FAN = 3_000_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);

async function main() {
  const load = loadavg()[0]!.toFixed(2);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const engine = args.engine ?? ((await serverAnswers(serverUrl)) ? 'postgres' : 'pglite');
  log(`bench:broadcast ${FANS} fans, scale ${SCALE}, ${LIVE} live fans, ${engine}, load ${load}`);

  const fake = await startFakeTelegram({ flood: scaledFloodLimits(SCALE) });
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  let db: TestDatabase;
  let drop: () => Promise<void> = async () => {};
  if (engine === 'postgres') {
    const bench = await createBenchDatabase(serverUrl);
    const database = await openDatabase({ databaseUrl: bench.url, dataDir: null });
    await migrateDatabase(database);
    db = { database, url: bench.url, dispose: () => database.close() };
    drop = () => bench.drop();
  } else {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateDatabase(database);
    db = { database, url: null, dispose: () => database.close() };
  }
  const budgets = defaultBudgets(SCALE);
  const start = () =>
    startTestApp(fake, { db, env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) }, outbox: { budgets } });
  let t: TestApp = await start();

  // The live fans first: each opens its topic with a first message.
  const live = Array.from({ length: LIVE }, (_, i) => fanUser(LIVE_FAN + i, { first_name: `Live ${i}` }));
  for (const f of live) await t.post(privateText(f, 'hello', { fake }));
  const threads = new Map<number, number>();
  while (threads.size < LIVE) {
    const rows = (await db.database.db.execute(
      sql`select user_id, thread_id from fan_topics where thread_id is not null`,
    )) as { rows: Array<{ user_id: number | string; thread_id: number | string }> };
    for (const r of rows.rows) threads.set(Number(r.user_id), Number(r.thread_id));
    await sleep(200);
  }
  // Live fans who can afford to keep writing (a fan out of credits is answered directly, off the budget).
  for (const f of live) await grantCredits(t, f.id, 100_000);
  await db.database.db.execute(
    sql.raw(
      `insert into users (id, first_name) select ${FIRST_FAN} + g, 'Fan ' || g from generate_series(0, ${FANS - 1}) g`,
    ),
  );
  log(`${LIVE} live topics open; ${FANS} fans seeded`);

  const svc = () => t.app.deps.services.campaigns;
  const draft = await svc().start(OWNER_ID, 'broadcast');
  if (!draft.ok) throw new Error(draft.code);
  await svc().compose(OWNER_ID, draft.id, { type: 'text', text: TEXT });
  const review = await svc().review(OWNER_ID, draft.id);
  if (!review.ok) throw new Error(review.code);
  fake.resetStats();
  const callsBefore = fake.calls.length;
  const res = await svc().confirm(OWNER_ID, draft.id, review.count, OWNER_ID);
  if (!res.ok) throw new Error(res.code);
  const id = res.campaign.id;
  const t0 = Date.now();
  log(`campaign #${id} confirmed for ${review.count}`);

  // Live traffic meanwhile: each live fan writes every 2 s, an admin answers one of them every second.
  const admin = fanUser(OWNER_ID, { first_name: 'Owner' });
  const replies: Array<{ fan: number; messageId: number; at: number; status: number }> = [];
  let running = true;
  let n = 0;
  // `t` is read on every turn, so the loop started again after the restart posts to the new app.
  const runTraffic = async () => {
    while (running) {
      const fan = live[n % LIVE]!;
      const jobs: Array<Promise<unknown>> = [];
      if (n % 2 === 0)
        for (const f of live) jobs.push(t.post(privateText(f, `live ${n}`, { fake })).catch(() => undefined));
      const u: Update = groupTopicMessage(ADMIN_GROUP_ID, threads.get(fan.id)!, admin, `reply ${n}`, {
        fake,
      });
      const reply = { fan: fan.id, messageId: u.message!.message_id, at: Date.now(), status: 0 };
      replies.push(reply);
      jobs.push(
        t
          .post(u)
          .then((res) => (reply.status = res.status))
          .catch(() => undefined),
      );
      await Promise.all(jobs);
      n++;
      await sleep(1000);
    }
  };
  const traffic = runTraffic();

  const status = async () =>
    (await svc().campaign(OWNER_ID, id)) as { ok: true; campaign: { status: string; sent: number } };
  // Restart in the middle.
  while ((await status()).campaign.sent < review.count / 2) await sleep(500);
  log('restarting the app in the middle');
  const pausedTraffic = running;
  running = false;
  await traffic;
  await t.stop();
  const restartAt = Date.now();
  t = await start();
  log(`restarted in ${Date.now() - restartAt} ms`);
  running = pausedTraffic;
  const traffic2 = runTraffic();
  while ((await status()).campaign.status !== 'done') await sleep(500);
  const took = Date.now() - t0;
  running = false;
  await traffic2;
  await sleep(3000);

  // Figures from the fake's record.
  const calls = fake.calls.slice(callsBefore);
  const bulk = calls.filter(
    (c) =>
      c.method === 'sendMessage' && c.ok && c.payload.text === TEXT && Number(c.payload.chat_id) !== OWNER_ID,
  );
  const perFan = new Map<number, number>();
  for (const c of bulk)
    perFan.set(Number(c.payload.chat_id), (perFan.get(Number(c.payload.chat_id)) ?? 0) + 1);
  const duplicates = [...perFan.values()].filter((v) => v > 1).length;
  const missed = review.count - perFan.size;
  const first = bulk[0]!.at;
  const last = bulk.at(-1)!.at;
  // The span without the restart's gap (nothing can be sent while the app is down).
  const gapStart = Math.max(...bulk.filter((c) => c.at < restartAt).map((c) => c.at));
  const gapEnd = Math.min(...bulk.filter((c) => c.at >= restartAt).map((c) => c.at));
  const span = last - first - (gapEnd - gapStart);
  const BUDGETED = new Set([
    'sendMessage',
    'copyMessage',
    'copyMessages',
    'editMessageText',
    'sendPhoto',
    'createForumTopic',
    'pinChatMessage',
    'editForumTopic',
    'sendMediaGroup',
    'editMessageReplyMarkup',
  ]);
  const inSpan = (c: { at: number }) => c.at >= first && c.at <= last && !(c.at > gapStart && c.at < gapEnd);
  const liveSends = calls.filter(
    (c) =>
      c.ok && BUDGETED.has(c.method) && inSpan(c) && !(c.method === 'sendMessage' && c.payload.text === TEXT),
  ).length;
  const budget = (span / budgets.global.windowMs) * budgets.global.limit;
  const share = bulk.length / (budget - liveSends);
  const latencies = replies
    .map((r) => {
      const copy = calls.find(
        (c) =>
          c.method === 'copyMessage' &&
          c.ok &&
          Number(c.payload.chat_id) === r.fan &&
          Number(c.payload.message_id) === r.messageId,
      );
      return copy ? copy.at - r.at : null;
    })
    .filter((x): x is number => x !== null && x >= 0);
  if (process.env.BENCH_DEBUG)
    for (const r of replies.slice(0, 400)) {
      const copies = calls.filter(
        (c) => c.method === 'copyMessage' && Number(c.payload.message_id) === r.messageId,
      );
      if (copies.some((c) => c.ok && Number(c.payload.chat_id) === r.fan)) continue;
      console.log(
        'undelivered',
        r.fan,
        r.messageId,
        r.at - t0,
        r.status,
        copies.map((c) => [c.ok, c.payload.chat_id, c.error?.description]),
      );
    }
  const edits = calls.filter(
    (c) => c.method === 'editMessageText' && Number(c.payload.chat_id) === OWNER_ID && c.ok,
  );
  const editsPerMinute = edits.length / (took / 60_000);
  // Where the 429s came from: the method, the chat's kind, and which window was full when it arrived.
  const counted = calls.filter((c) => c.ok && FLOOD_COUNTED_METHODS.has(c.method));
  const limits = scaledFloodLimits(SCALE);
  const tooMany: Record<string, number> = {};
  for (const c of calls) {
    if (c.ok || c.error?.error_code !== 429) continue;
    const chat = Number(c.payload.chat_id);
    const globalUsed = counted.filter((k) => k.at > c.at - limits.globalWindowMs && k.at <= c.at).length;
    const window = chat > 0 ? limits.privateWindowMs : limits.groupWindowMs;
    const chatUsed = counted.filter(
      (k) => Number(k.payload.chat_id) === chat && k.at > c.at - window && k.at <= c.at,
    ).length;
    const full = globalUsed >= limits.globalPerWindow ? 'global' : chatUsed > 0 ? 'chat' : 'neither';
    const key = `${c.method} ${chat === OWNER_ID ? 'owner' : chat >= LIVE_FAN ? 'live fan' : chat > 0 ? 'fan' : 'group'} ${full}`;
    tooMany[key] = (tooMany[key] ?? 0) + 1;
    if (process.env.BENCH_DEBUG) {
      const prev = counted.filter((k) => Number(k.payload.chat_id) === chat && k.at <= c.at).at(-1);
      console.log(
        '429',
        key,
        c.at - restartAt,
        chat,
        globalUsed,
        chatUsed,
        String(c.payload.text).slice(0, 30),
        '| prev',
        prev?.method,
        prev ? c.at - prev.at : null,
        String(prev?.payload.text).slice(0, 30),
      );
    }
  }
  const out = {
    engine,
    fans: review.count,
    scale: SCALE,
    loadAtStart: Number(load),
    loadAtEnd: Number(loadavg()[0]!.toFixed(2)),
    tookMs: took,
    bulkSends: bulk.length,
    liveSendsInSpan: liveSends,
    globalBudgetInSpan: Math.round(budget),
    shareOfWhatLiveLeft: Number((share * 100).toFixed(1)),
    adminReplies: replies.length,
    adminRepliesDelivered: latencies.length,
    adminReplyP50Ms: Math.round(percentile(latencies, 50)),
    adminReplyP95Ms: Math.round(percentile(latencies, 95)),
    progressEdits: edits.length,
    progressEditsPerMinute: Number(editsPerMinute.toFixed(1)),
    tooManyRequests: fake.stats.tooManyRequests,
    tooManyRequestsBy: tooMany,
    earlyRetries: fake.stats.earlyRetries,
    duplicates,
    missed,
  };
  console.log(JSON.stringify(out));
  await t.stop();
  await db.dispose();
  await drop();
  await fake.close();
  process.exit(duplicates || missed || out.earlyRetries || out.tooManyRequests ? 1 : 0);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
