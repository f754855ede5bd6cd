import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DROP_CONNECTION, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { startTestApp, WEBHOOK_SECRET, type TestApp } from '../../support/app.ts';
import { command, fanUser } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTelegram();
  t = await startTestApp(fake);
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
afterEach(() => fake.assertNoViolations());

describe('POST /telegram-webhook', () => {
  it('registered the webhook with the secret and the update types at start', () => {
    expect(fake.webhook).toMatchObject({
      url: 'https://bot.example.com/telegram-webhook',
      secret_token: expect.any(String),
      allowed_updates: expect.arrayContaining(['message', 'callback_query', 'pre_checkout_query']),
    });
  });

  it('rejects a missing or wrong secret with 401 and processes nothing', async () => {
    fake.reset();
    const update = command(fanUser(5001), '/start');
    expect((await t.post(update, { secret: null })).status).toBe(401);
    expect((await t.post(update, { secret: 'wrong-secret-wrong-secret-000000' })).status).toBe(401);
    expect(fake.callsTo('sendMessage')).toHaveLength(0);
    // The same update with the right secret is still processed: nothing was recorded for it.
    expect((await t.post(update)).status).toBe(200);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers malformed JSON with 400 and non-updates with 400', async () => {
    expect((await t.post(null, { raw: '{"update_id": 1, ' })).status).toBe(400);
    expect((await t.post(null, { raw: '[1,2,3]' })).status).toBe(400);
    expect((await t.post({ hello: 'world' })).status).toBe(400);
  });

  it('answers bodies over 1 MiB with 413', async () => {
    const res = await t.post(null, {
      raw: JSON.stringify({ update_id: 1, pad: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
  });

  it('a chunked body (no declared length) is held to the same 1 MiB as it streams', async () => {
    const chunked = (body: string) => {
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024)
            controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      });
      return fetch(`${t.baseUrl}/telegram-webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body: stream,
        duplex: 'half',
      });
    };
    const over = await chunked(JSON.stringify({ update_id: 2, pad: 'x'.repeat(1024 * 1024 + 10) }));
    expect(over.status).toBe(413);
    fake.reset();
    const update = command(fanUser(5003), '/help');
    const ok = await chunked(JSON.stringify(update));
    expect(ok.status).toBe(200);
    await t.updatesSettled(update.update_id);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('processes a redelivered update only once', async () => {
    fake.reset();
    const update = command(fanUser(5002), '/help');
    expect((await t.post(update)).status).toBe(200);
    expect((await t.post(update)).status).toBe(200);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers unknown update types without crashing', async () => {
    const res = await t.post({ update_id: 990001, some_future_update: { id: 1 } });
    expect(res.status).toBe(200);
  });
});

describe('GET /health', () => {
  it('is healthy while the database answers', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'healthy' });
  });

  it('unknown routes are 404 JSON', async () => {
    const res = await fetch(`${t.baseUrl}/nope`);
    expect(res.status).toBe(404);
  });
});

describe('start-up calls', () => {
  it('setWebhook is retried once when the connection drops (a stale keep-alive socket)', async () => {
    const other = await startFakeTelegram();
    try {
      other.failNext('setWebhook', DROP_CONNECTION);
      const app = await startTestApp(other);
      await app.stop();
      expect(other.callsTo('setWebhook').map((c) => c.ok)).toEqual([false, true]);
      expect(other.webhook?.url).toBe('https://bot.example.com/telegram-webhook');
    } finally {
      await other.close();
    }
  });

  it('gives up after three attempts with the network error', async () => {
    const other = await startFakeTelegram();
    try {
      other.failNext('setWebhook', DROP_CONNECTION, { times: 3 });
      await expect(startTestApp(other)).rejects.toThrow(/Network request for 'setWebhook' failed/);
      expect(other.callsTo('setWebhook')).toHaveLength(3);
    } finally {
      await other.close();
    }
  });
});
