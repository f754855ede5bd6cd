import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Update } from 'grammy/types';

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Telegram waits about this long; an update still running then is answered 200 and finishes here. */
export const WEBHOOK_ANSWER_WITHIN_MS = 9_000;

/** What the route needs from the bot (bot/processor.ts implements it). */
export interface UpdateHandler {
  /** One attempt: `retry` when the update should be delivered again. */
  handle(update: Update): Promise<'done' | 'retry'>;
  /** Finish (and retry) in the background an update whose request was answered already. */
  detach(update: Update, first: Promise<'done' | 'retry'>): void;
}

export interface TelegramWebhookDeps {
  processor: UpdateHandler;
  secret: string;
  answerWithinMs?: number;
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
 * can never work gets a 4xx, or Telegram would retry it forever). An update that failed before its
 * effects committed is answered 503, so Telegram delivers it again (the update lifecycle counts the
 * attempts and parks it after the last); one still running after `answerWithinMs` is answered 200 and
 * retried in-process if it fails, so a slow handler neither triggers a redelivery storm nor gets lost.
 */
export function telegramWebhookRoute(deps: TelegramWebhookDeps): Hono {
  const within = deps.answerWithinMs ?? WEBHOOK_ANSWER_WITHIN_MS;
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
      const run = deps.processor.handle(body);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), within);
      });
      const outcome = await Promise.race([run, late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        deps.processor.detach(body, run);
        return c.json({ ok: true });
      }
      if (outcome === 'retry') return c.json({ ok: false, error: 'temporarily unavailable: retry' }, 503);
      return c.json({ ok: true });
    },
  );
}
