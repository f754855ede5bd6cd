/**
 * `npm run bench:reply`: how long an admin's reply takes to reach a fan who keeps writing, so that the
 * fan always has receipts and notices waiting (issue 13: "Admin reply → fan p95 < 1.5 s while that fan has
 * receipts pending"). Real Telegram limits in the fake Bot API (1 message a second per private chat, 20 a
 * minute per group, 30 a second overall) and the app's own pacing at scale 1, as in production.
 *
 * Load: `--fans` fans (default 5) each write one text a second for the whole run; once every fan has a
 * topic, the owner replies in each fan's topic every `--every` ms (default 2,000), `--replies` times
 * (default 10). For each reply: the time from its POST to the fake's record of the copy to the fan. Each
 * reply is also classed by whether a receipt to that fan was still owed when it was posted (the fan had
 * messages relayed or accepted whose receipt the fake had not seen yet): the target is about those.
 *
 * No bare reference here: the figure is bounded by Telegram's per-chat limit, not by the app's own cost,
 * and a bare relay with no pacing gets 429s at these limits instead of a latency. The target is absolute.
 * PGlite always; PostgreSQL when one answers (BENCH_DATABASE_URL, default 127.0.0.1:5432).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Update, User } from 'grammy/types';
import {
  REAL_FLOOD_LIMITS,
  startFakeTelegram,
  type FakeTelegram,
} from '../test/support/fake-telegram/index.ts';
import { SENTINELS } from '../test/support/sentinels.ts';
import { fanUser, groupTopicMessage, privateText } from '../test/support/updates.ts';
import { startAppChild, webhookAppEnv, type AppChild } from './child.ts';
import { createBenchDatabase, DEFAULT_SERVER_URL, serverAnswers, type BenchDatabase } from './database.ts';
import { percentile } from './load.ts';

const { values } = parseArgs({
  options: {
    fans: { type: 'string', default: '5' },
    replies: { type: 'string', default: '10' },
    every: { type: 'string', default: '2000' },
  },
});
const FANS = Number(values.fans);
const REPLIES = Number(values.replies);
const EVERY_MS = Number(values.every);
const GROUP_ID = -1009876543210;
const OWNER_ID = 900001;
const FIRST_FAN_ID = 6_000_001;
const SECRET = SENTINELS.benchWebhookSecret;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;

type Engine = 'pglite' | 'postgres';
interface Reply {
  fan: number;
  postedAt: number;
  /** A receipt to this fan was owed when the reply was posted. */
  receiptsOwed: boolean;
  /** From the POST to the webhook's acknowledgement (the reply stored and queued). */
  ackMs: number;
  latencyMs: number | null;
}
interface Result {
  engine: Engine;
  replies: Reply[];
  fanMessages: number;
  receipts: number;
  tooManyRequests: number;
  earlyRetries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(child: AppChild, update: Update): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${child.port}/telegram-webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await res.text();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

/** The fan's topic, from the first copy of one of their messages into the group. */
function topicOf(fake: FakeTelegram, fanId: number): number | undefined {
  const copy = fake.calls.find(
    (c) =>
      c.ok &&
      c.method === 'copyMessage' &&
      Number(c.payload.chat_id) === GROUP_ID &&
      Number(c.payload.from_chat_id) === fanId,
  );
  return copy ? Number(copy.payload.message_thread_id) : undefined;
}

/** The bot's texts to a fan other than the relayed replies: receipts and notices. */
const receiptsTo = (fake: FakeTelegram, fanId: number) =>
  fake.calls.filter((c) => c.ok && c.method === 'sendMessage' && Number(c.payload.chat_id) === fanId);

async function run(engine: Engine): Promise<Result> {
  const fake = await startFakeTelegram({ flood: REAL_FLOOD_LIMITS });
  fake.addForumGroup(GROUP_ID, { title: 'Bench inbox' });
  let db: BenchDatabase | null = null;
  let child: AppChild | null = null;
  let writing = true;
  try {
    if (engine === 'postgres') db = await createBenchDatabase(SERVER_URL);
    child = await startAppChild(
      webhookAppEnv({
        fake,
        secret: SECRET,
        groupId: GROUP_ID,
        ownerId: OWNER_ID,
        databaseUrl: db?.url,
        extra: { BENCH_SCALE: '1', BENCH_BONUS: '100000', BENCH_PGLITE_MEMORY: '1' },
      }),
      { kind: 'app' },
    );
    const app = child;
    const owner: User = fanUser(OWNER_ID, { first_name: 'Owner' });
    const fans: User[] = Array.from({ length: FANS }, (_, i) => fanUser(FIRST_FAN_ID + i));
    await sleep(500); // startup work (command menus, pg-boss) settles
    fake.reset();
    fake.resetStats();

    // Every fan writes one text a second until the replies are done: there is always a receipt owed.
    const posted = new Map<number, number>(fans.map((f) => [f.id, 0]));
    const lastAckAt = new Map<number, number>();
    const writers = fans.map(async (fan, f) => {
      for (let m = 0; writing; m++) {
        const started = Date.now();
        await post(app, privateText(fan, `fan ${f} message ${m}`, { fake }));
        posted.set(fan.id, m + 1);
        lastAckAt.set(fan.id, Date.now());
        await sleep(Math.max(0, 1000 - (Date.now() - started)));
      }
    });

    // New fans' topics first (content class: they come before receipts and cards).
    const deadline = Date.now() + 120_000;
    const topics = new Map<number, number>();
    while (topics.size < fans.length) {
      for (const fan of fans) {
        const t = topicOf(fake, fan.id);
        if (t !== undefined) topics.set(fan.id, t);
      }
      if (Date.now() > deadline) throw new Error(`only ${topics.size}/${fans.length} topics after 120 s`);
      await sleep(50);
    }

    const replies: Reply[] = [];
    const pending: Array<{ reply: Reply; messageId: number }> = [];
    for (let r = 0; r < REPLIES; r++) {
      const roundStart = Date.now();
      for (const fan of fans) {
        const update = groupTopicMessage(GROUP_ID, topics.get(fan.id)!, owner, `reply ${r} to ${fan.id}`, {
          fake,
        });
        const reply: Reply = {
          fan: fan.id,
          postedAt: Date.now(),
          // Receipts owed: the fan had a message accepted after the last receipt the fake saw (pending
          // receipts to one fan coalesce, so any message after the last receipt is owed one).
          receiptsOwed: (lastAckAt.get(fan.id) ?? 0) > (receiptsTo(fake, fan.id).at(-1)?.at ?? 0),
          ackMs: 0,
          latencyMs: null,
        };
        await post(app, update);
        reply.ackMs = Date.now() - reply.postedAt;
        replies.push(reply);
        pending.push({ reply, messageId: update.message!.message_id });
      }
      await sleep(Math.max(0, EVERY_MS - (Date.now() - roundStart)));
    }

    // Each reply's arrival: the copy of the admin's message into the fan's chat.
    const waitUntil = Date.now() + 30_000;
    while (Date.now() < waitUntil) {
      for (const p of pending) {
        if (p.reply.latencyMs !== null) continue;
        const call = fake.calls.find(
          (c) =>
            c.ok &&
            c.method === 'copyMessage' &&
            Number(c.payload.chat_id) === p.reply.fan &&
            Number(c.payload.from_chat_id) === GROUP_ID &&
            Number(c.payload.message_id) === p.messageId,
        );
        if (call) p.reply.latencyMs = call.at - p.reply.postedAt;
      }
      if (pending.every((p) => p.reply.latencyMs !== null)) break;
      await sleep(50);
    }
    writing = false;
    await Promise.all(writers);
    if (process.env.BENCH_TRACE) {
      // The first fan's chat, call by call: when each reply was posted and what the bot sent there.
      const fan = fans[0]!.id;
      const t0 = replies[0]?.postedAt ?? 0;
      const rows = [
        ...replies.filter((x) => x.fan === fan).map((x) => ({ at: x.postedAt, what: 'reply posted' })),
        ...fake.calls
          .filter((c) => Number(c.payload.chat_id) === fan)
          .map((c) => ({ at: c.at, what: `${c.method}${c.ok ? '' : ` ✗ ${c.error?.error_code}`}` })),
      ].sort((a, b) => a.at - b.at);
      for (const r of rows) console.log(`  ${String(r.at - t0).padStart(7)} ms  ${r.what}`);
    }
    const fanIds = new Set(fans.map((f) => f.id));
    return {
      engine,
      replies,
      fanMessages: [...posted.values()].reduce((a, b) => a + b, 0),
      receipts: fake.calls.filter(
        (c) => c.ok && c.method === 'sendMessage' && fanIds.has(Number(c.payload.chat_id)),
      ).length,
      tooManyRequests: fake.stats.tooManyRequests,
      earlyRetries: fake.stats.earlyRetries,
    };
  } finally {
    writing = false;
    await child?.stop().catch(() => {});
    await db?.drop().catch(() => {});
    await fake.close();
  }
}

function line(r: Result): string {
  const owed = r.replies.filter((x) => x.receiptsOwed);
  const arrived = owed.flatMap((x) => (x.latencyMs === null ? [] : [x.latencyMs]));
  const lost = r.replies.filter((x) => x.latencyMs === null).length;
  const p = (q: number) => (arrived.length ? `${percentile(arrived, q).toFixed(0)} ms` : 'n/a');
  const acks = owed.map((x) => x.ackMs);
  const a = (q: number) => (acks.length ? `${percentile(acks, q).toFixed(0)} ms` : 'n/a');
  return (
    `${r.engine.padEnd(9)} replies ${r.replies.length} (${owed.length} with receipts owed): ` +
    `p50 ${p(50)}, p95 ${p(95)}, max ${arrived.length ? Math.max(...arrived) : 'n/a'} ms ` +
    `(target p95 < 1500 ms; of which the webhook ack p50 ${a(50)}, p95 ${a(95)}) · ` +
    `never arrived ${lost} · fan messages ${r.fanMessages}, ` +
    `receipts and notices ${r.receipts} · 429s ${r.tooManyRequests}, early retries ${r.earlyRetries}`
  );
}

console.log(
  `bench:reply — ${FANS} fans writing 1 text/s, ${REPLIES} replies per fan every ${EVERY_MS} ms, ` +
    `real limits (load average ${loadavg()[0]!.toFixed(2)})`,
);
const results: Result[] = [await run('pglite')];
console.log(line(results[0]!));
if (await serverAnswers(SERVER_URL)) {
  results.push(await run('postgres'));
  console.log(line(results[1]!));
} else console.log('postgres  skipped: no server at BENCH_DATABASE_URL');
console.log(`(load average ${loadavg()[0]!.toFixed(2)} at the end)`);
const bad = results.some((r) => r.replies.some((x) => x.latencyMs === null) || r.earlyRetries > 0);
process.exit(bad ? 1 : 0);
