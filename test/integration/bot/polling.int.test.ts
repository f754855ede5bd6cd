import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { command, fanUser } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTelegram();
  t = await startTestApp(fake, { mode: 'polling' });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
afterEach(() => fake.assertNoViolations());

describe('long polling mode', () => {
  it('drops any old webhook, then answers updates fetched with getUpdates', async () => {
    expect(t.app.mode).toBe('polling');
    expect(fake.callsTo('deleteWebhook')).toHaveLength(1);
    const alice = fanUser(7001);
    fake.pushUpdate(command(alice, '/start'));
    fake.pushUpdate(command(alice, '/balance'));
    await eventually(
      () => fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === alice.id).length === 2,
      10_000,
      'two answers',
    );
    const texts = fake.callsTo('sendMessage').map((c) => String(c.payload.text));
    expect(texts[0]).toMatch(/Welcome/);
    expect(texts[1]).toMatch(/Credits:/);
    // The webhook route is not mounted in polling mode.
    expect((await fetch(`${t.baseUrl}/telegram-webhook`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('stops cleanly: no more getUpdates after stop', async () => {
    await t.stop();
    // A poll aborted by stop() may still reach the fake a moment later; after that, silence.
    await new Promise((r) => setTimeout(r, 100));
    const polls = fake.callsTo('getUpdates').length;
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('getUpdates').length).toBe(polls);
  });
});
