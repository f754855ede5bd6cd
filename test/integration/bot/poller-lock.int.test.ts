import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PollerLockedError } from '../../../src/db/poller-lock.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { command, fanUser } from '../../support/updates.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';

/**
 * One poller per database. On PGlite the DATA_DIR lock already admits a single process
 * (test/integration/db/lock.int.test.ts); on PostgreSQL a session advisory lock does it.
 */
describe.skipIf(!TEST_DATABASE_URL)(
  'a second poller on the same PostgreSQL database (PostgreSQL only)',
  () => {
    let fake: FakeTelegram;
    let db: TestDatabase;
    const running: TestApp[] = [];

    beforeAll(async () => {
      fake = await startFakeTelegram();
      db = await createTestDatabase();
    });
    afterAll(async () => {
      for (const t of running) await t.stop();
      await fake.close();
      await db.dispose();
    });

    it('is refused with a clear message before it polls; a webhook replica is not; after the first stops, it may', async () => {
      const first = await startTestApp(fake, { mode: 'polling', db });
      running.push(first);
      await fake.waitForPoll(5_000);
      const deleteWebhook = fake.callsTo('deleteWebhook').length;
      const err = await startTestApp(fake, { mode: 'polling', db }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PollerLockedError);
      expect((err as Error).message).toMatch(
        /^another fanbridge process is already polling Telegram with this database/,
      );
      expect((err as Error).message).toMatch(/WEBHOOK_URL/);
      // It asked Telegram for nothing (no deleteWebhook that would disturb the running poller's mode).
      expect(fake.callsTo('deleteWebhook').length).toBe(deleteWebhook);

      // A webhook replica on the same database takes no poller lock.
      const hook = await startTestApp(fake, { db });
      await hook.stop();

      await first.stop();
      running.splice(0);
      const second = await startTestApp(fake, { mode: 'polling', db });
      running.push(second);
      const fan = fanUser(8901);
      fake.pushUpdate(command(fan, '/start'));
      await eventually(
        () => fake.callsTo('sendMessage').some((c) => c.payload.chat_id === fan.id),
        10_000,
        'the second poller answers',
      );
    });
  },
);
