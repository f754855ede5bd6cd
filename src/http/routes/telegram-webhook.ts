import { timingSafeEqual } from 'node:crypto';
import { webhookCallback, type Bot } from 'grammy';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from '../../bot/context.ts';

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface TelegramWebhookDeps {
  bot: Bot<Context>;
  secret: string;
}

function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function looksLikeUpdate(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    Number.isSafeInteger((body as { update_id?: unknown }).update_id)
  );
}

/**
 * Telegram's webhook. The secret, size and JSON are checked before grammY sees the request: grammY's
 * adapter would answer malformed JSON with a 500, which makes Telegram retry a body that can never work.
 */
export function telegramWebhookRoute(deps: TelegramWebhookDeps): Hono {
  // A handler that outlives Telegram's patience keeps running; answering 200 stops a redelivery storm.
  const handle = webhookCallback(deps.bot, 'hono', {
    secretToken: deps.secret,
    onTimeout: 'return',
    timeoutMilliseconds: 9_000,
  });
  return new Hono().post(
    '/',
    async (c, next) => {
      if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token'), deps.secret)) {
        return c.json({ ok: false, error: 'wrong or missing secret token' }, 401);
      }
      await next();
    },
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      // The rest of the body is never read, so the connection cannot be reused: close it.
      onError: (c) => c.json({ ok: false, error: 'body over 1 MiB' }, 413, { connection: 'close' }),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ ok: false, error: 'body is not valid JSON' }, 400);
      }
      if (!looksLikeUpdate(body)) return c.json({ ok: false, error: 'body is not a Telegram update' }, 400);
      return handle(c);
    },
  );
}
