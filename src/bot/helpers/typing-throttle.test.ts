import { describe, expect, it } from 'vitest';
import { typingThrottle } from './typing-throttle.ts';

describe('typing indicators', () => {
  const setup = () => {
    let now = 0;
    const calls: Array<[string, unknown]> = [];
    const t = typingThrottle({ now: () => now });
    const prev = ((method: string, payload: unknown) => {
      calls.push([method, payload]);
      return Promise.resolve({ ok: true, result: true });
    }) as Parameters<typeof t>[0];
    const call = (method: string, payload: Record<string, unknown>) =>
      t(prev, method as never, payload as never, undefined);
    return { calls, call, advance: (ms: number) => (now += ms) };
  };

  it('at most one per chat per 5 s; the dropped ones still answer ok', async () => {
    const s = setup();
    for (let i = 0; i < 10; i++) {
      expect(await s.call('sendChatAction', { chat_id: 1, action: 'typing' })).toMatchObject({ ok: true });
      s.advance(400);
    }
    expect(s.calls).toHaveLength(1);
    s.advance(1_000);
    await s.call('sendChatAction', { chat_id: 1, action: 'typing' });
    expect(s.calls).toHaveLength(2);
  });

  it('each chat has its own; other methods are never held back', async () => {
    const s = setup();
    await s.call('sendChatAction', { chat_id: 1, action: 'typing' });
    await s.call('sendChatAction', { chat_id: 2, action: 'typing' });
    await s.call('sendMessage', { chat_id: 1, text: 'a' });
    await s.call('sendMessage', { chat_id: 1, text: 'b' });
    expect(s.calls.map((c) => c[0])).toEqual([
      'sendChatAction',
      'sendChatAction',
      'sendMessage',
      'sendMessage',
    ]);
  });
});
