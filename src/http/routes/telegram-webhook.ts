import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Update } from 'grammy/types';

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** What the route needs from the bot (bot/inbound.ts implements it). */
export interface UpdateInbox {
  /** Stores the update for the drainer (false: stored already); throws when it could not be stored. */
  accept(update: Update): Promise<boolean>;
}

export interface TelegramWebhookDeps {
  inbox: UpdateInbox;
  secret: string;
}

function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function looksLikeUpdate(body: unknown): body is Update {
  return (
    typeof body === 'object' &&
    body !== null &&
    Number.isSafeInteger((body as { update_id?: unknown }).update_id)
  );
}

/**
 * Telegram's webhook. The secret, size and JSON are checked before the bot sees anything (a body that
 * can never work gets a 4xx, or Telegram would retry it forever). A valid update is stored and answered
 * 200 at once: the drainer (bot/inbound.ts) handles it behind the answer, in order within its chat, and
 * retries it there. Only an update that could not be stored (the database is away) is answered 503, so
 * that Telegram delivers it again.
 */
export function telegramWebhookRoute(deps: TelegramWebhookDeps): Hono {
  // The rest of the body is never read, so the connection cannot be reused: close it.
  const tooLarge = (c: Context) =>
    c.json({ ok: false, error: 'body over 1 MiB' }, 413, { connection: 'close' });
  const streamedLimit = bodyLimit({ maxSize: MAX_WEBHOOK_BODY_BYTES, onError: tooLarge });
  return new Hono().post(
    '/',
    async (c, next) => {
      if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token'), deps.secret)) {
        return c.json({ ok: false, error: 'wrong or missing secret token' }, 401);
      }
      await next();
    },
    // The size: from the declared length when there is one (Node's parser holds the body to it), so the
    // body is then read straight from the socket by @hono/node-server; hono's bodyLimit (which builds a
    // web Request and its stream to look at the body) only for a chunked body, which it counts as it
    // streams (docs/BENCHMARKS.md, "The webhook's body without a web Request").
    async (c, next) => {
      const length = c.req.header('Content-Length');
      if (length === undefined || c.req.header('Transfer-Encoding') !== undefined)
        return streamedLimit(c, next);
      if (Number(length) > MAX_WEBHOOK_BODY_BYTES) return tooLarge(c);
      await next();
    },
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ ok: false, error: 'body is not valid JSON' }, 400);
      }
      if (!looksLikeUpdate(body)) return c.json({ ok: false, error: 'body is not a Telegram update' }, 400);
      try {
        await deps.inbox.accept(body);
      } catch {
        return c.json({ ok: false, error: 'temporarily unavailable: retry' }, 503);
      }
      return c.json({ ok: true });
    },
  );
}
