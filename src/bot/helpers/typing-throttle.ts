import type { Transformer } from 'grammy';

/** One typing indicator per chat at most this often (it shows for ~5 s anyway). */
export const TYPING_INTERVAL_MS = 5_000;

/**
 * Drops a `sendChatAction` to a chat that got one less than `intervalMs` ago (answering as Telegram
 * would), so a fan writing fast costs one call per 5 s instead of one per message. Other calls pass.
 */
export function typingThrottle(opts: { intervalMs?: number; now?: () => number } = {}): Transformer {
  const interval = opts.intervalMs ?? TYPING_INTERVAL_MS;
  const now = opts.now ?? Date.now;
  const last = new Map<string, number>();
  return (prev, method, payload, signal) => {
    if (method !== 'sendChatAction') return prev(method, payload, signal);
    const p = payload as { chat_id: number | string; message_thread_id?: number };
    const key = `${p.chat_id}:${p.message_thread_id ?? ''}`;
    const at = now();
    const before = last.get(key);
    if (before !== undefined && at - before < interval)
      return Promise.resolve({ ok: true as const, result: true as never });
    if (last.size >= 10_000) for (const [k, t] of last) if (at - t >= interval) last.delete(k);
    last.set(key, at);
    return prev(method, payload, signal);
  };
}
