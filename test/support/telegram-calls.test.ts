import { describe, expect, it } from 'vitest';
import type { FakeTelegram } from './fake-telegram/index.ts';
import type { BotHarness } from './bot-harness.ts';
import {
  buttonsOf,
  callbackAnswers,
  lastTextTo,
  textsTo,
  waitText,
  type CallSource,
  type SentCall,
} from './telegram-calls.ts';

// Both recorders can be read by the same helpers.
type Assignable<T, U extends T> = U;
export type FakeIsSource = Assignable<CallSource, FakeTelegram>;
export type HarnessIsSource = Assignable<CallSource, BotHarness>;

function source(calls: SentCall[]): CallSource {
  return { callsTo: (m) => calls.filter((c) => c.method === m) };
}

const calls: SentCall[] = [
  { method: 'sendMessage', ok: true, payload: { chat_id: 1, text: '<b>Hi</b> there' } },
  { method: 'sendMessage', ok: false, payload: { chat_id: 1, text: 'refused' } },
  { method: 'sendMessage', ok: true, payload: { chat_id: 2, text: 'other chat' } },
  {
    method: 'sendMessage',
    ok: true,
    payload: {
      chat_id: 1,
      text: 'menu',
      reply_markup: {
        inline_keyboard: [[{ text: 'A', callback_data: 'a' }], [{ text: 'B', url: 'https://b' }]],
      },
    },
  },
  { method: 'answerCallbackQuery', ok: true, payload: { callback_query_id: '7', text: 'ok' } },
];

describe('telegram-calls helpers', () => {
  const src = source(calls);
  it('texts to a chat: successful sends only, in order; plain strips tags', () => {
    expect(textsTo(src, 1)).toEqual(['<b>Hi</b> there', 'menu']);
    expect(textsTo(src, 1, { plain: true })).toEqual(['Hi there', 'menu']);
    expect(textsTo(src, 1, { from: 2 })).toEqual(['menu']);
    expect(lastTextTo(src, 2)).toBe('other chat');
    expect(lastTextTo(src, 3)).toBeUndefined();
  });

  it('buttons, flattened; answers by query id', () => {
    expect(buttonsOf(calls[3])).toEqual([
      { text: 'A', callback_data: 'a' },
      { text: 'B', url: 'https://b' },
    ]);
    expect(buttonsOf(calls[0])).toEqual([]);
    expect(callbackAnswers(src, '7')).toHaveLength(1);
    expect(callbackAnswers(src, '8')).toHaveLength(0);
  });

  it('waitText finds a text that arrives later', async () => {
    const later = [...calls];
    setTimeout(
      () => later.push({ method: 'sendMessage', ok: true, payload: { chat_id: 9, text: 'paid ✓' } }),
      30,
    );
    expect(await waitText(source(later), 9, /paid/, 2000)).toBe('paid ✓');
    await expect(waitText(source(later), 9, /never/, 100)).rejects.toThrow(/timed out/);
  });
});
