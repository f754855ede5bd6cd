import { z } from 'zod';

/**
 * What `t.me/<bot>?start=<payload>` asks for. Telegram passes the payload as typed in the link (anyone
 * can make one), so it is validated here: at most 64 characters of `A-Z a-z 0-9 _ -`, ids positive and
 * at most nine digits. (`admin` opens the control center, before /start: bot/features/admin/hub.)
 */
export type StartPayload =
  | { kind: 'none' }
  /** Back from Stripe Checkout: the payment's status. */
  | { kind: 'paid'; id: number }
  | { kind: 'autorecharge' }
  /** A pack or pass to buy (creators' links in their channels and broadcasts). */
  | { kind: 'buy'; id: number }
  /** A premium content item. */
  | { kind: 'content'; id: number }
  /** Something else, or a known prefix with a bad id. */
  | { kind: 'invalid' };

const id = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

const payload = z.union([
  z.literal('').transform((): StartPayload => ({ kind: 'none' })),
  z.literal('autorecharge').transform((): StartPayload => ({ kind: 'autorecharge' })),
  z
    .string()
    .regex(/^(paid|buy|content)_/)
    .transform((s, ctx): StartPayload => {
      const [prefix, rest] = [s.slice(0, s.indexOf('_')), s.slice(s.indexOf('_') + 1)];
      const parsed = id.safeParse(rest);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'bad id' });
        return z.NEVER;
      }
      return { kind: prefix as 'paid' | 'buy' | 'content', id: parsed.data };
    }),
]);

/** The deep link's request; `invalid` for anything that is not one of ours. */
export function parseStartPayload(raw: string): StartPayload {
  const text = raw.trim();
  if (text.length > 64 || !/^[A-Za-z0-9_-]*$/.test(text)) return { kind: 'invalid' };
  const res = payload.safeParse(text);
  return res.success ? res.data : { kind: 'invalid' };
}

/** The link that opens `what` in the bot (shown to creators in the control center to copy). */
export const startLink = (botUsername: string, what: `buy_${number}` | `content_${number}`) =>
  `https://t.me/${botUsername}?start=${what}`;
