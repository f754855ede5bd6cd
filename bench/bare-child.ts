/**
 * The reference: a bare grammY relay with no database, in its own process like bench/app-child.ts and on
 * the same HTTP stack (grammY's `webhookCallback` on Hono, served by @hono/node-server). For each fan's
 * private text it copies the message into the fan's topic of the admin group (one topic per fan, created
 * on the fan's first message and kept in memory) and answers the fan with a short receipt, both before the
 * webhook is acknowledged (what a plain grammY bot does). No flood control, no retries, nothing persisted.
 *
 * Environment: BOT_TOKEN, TELEGRAM_API_ROOT, WEBHOOK_SECRET, ADMIN_GROUP_ID. Same IPC as app-child.ts.
 */
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { ChildStats, FromChild, ToChild } from './ipc.ts';

function stats(): ChildStats {
  const cpu = process.cpuUsage();
  return {
    userMicros: cpu.user,
    systemMicros: cpu.system,
    maxRssKb: process.resourceUsage().maxRSS,
    rssBytes: process.memoryUsage().rss,
  };
}

function send(msg: FromChild): void {
  process.send?.(msg);
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`bench/bare-child.ts: ${name} is required`);
  return v;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/bare-child.ts must be started with child_process.fork');
  const groupId = Number(required('ADMIN_GROUP_ID'));
  const bot = new Bot(required('BOT_TOKEN'), { client: { apiRoot: required('TELEGRAM_API_ROOT') } });
  const topics = new Map<number, Promise<number>>();

  bot.chatType('private').on('message:text', async (ctx) => {
    const fanId = ctx.chat.id;
    let topic = topics.get(fanId);
    if (!topic) {
      topic = ctx.api
        .createForumTopic(groupId, ctx.from.first_name.slice(0, 120) || String(fanId))
        .then((t) => t.message_thread_id);
      topics.set(fanId, topic);
      topic.catch(() => topics.delete(fanId));
    }
    await ctx.api.copyMessage(groupId, fanId, ctx.msg.message_id, { message_thread_id: await topic });
    await ctx.reply('Delivered ✓');
  });
  // The reference for a control-center press (bench/buttons.ts): answer, then edit the message in place.
  let presses = 0;
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`press ${++presses}`, {
      reply_markup: { inline_keyboard: [[{ text: 'again', callback_data: ctx.callbackQuery.data }]] },
    });
  });
  bot.catch((err) => process.stderr.write(`bare relay: ${String(err.error)}\n`));
  await bot.init();

  const app = new Hono();
  app.post('/telegram-webhook', webhookCallback(bot, 'hono', { secretToken: required('WEBHOOK_SECRET') }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
    }));
  process.on('message', (raw: ToChild) => {
    if (raw.type === 'stats') send({ type: 'stats', stats: stats() });
    else if (raw.type === 'stop') {
      void stop().then(() => {
        send({ type: 'stopped', stats: stats() });
        process.disconnect();
        setTimeout(() => process.exit(0), 50).unref();
      });
    }
  });
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
  const port = (server.address() as AddressInfo).port;
  send({ type: 'ready', port, engine: 'none', stats: stats(), adminGroupIds: [groupId] });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: (err as Error)?.stack ?? String(err) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100).unref();
});
