import { Api, GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatHeld } from '../../../src/app/outbox/policy.ts';
import { outboxDispatch } from '../../../src/db/repos/outbox.ts';
import { systemClock } from '../../../src/domain/shared/index.ts';
import { createFloodGuard, type FloodGuard } from '../../../src/integrations/telegram/flood-guard.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanUser, privateChatOf } from '../../support/updates.ts';

/**
 * Two replicas' flood guards (each with its own memory) on one PostgreSQL: a 429 one of them was given
 * holds the other's sends to that chat, direct answers and outbox sends alike, and calls to one chat
 * never overlap across the two. PGlite is one process (its DATA_DIR admits no second one), so there is
 * nothing to share there.
 */
describe.skipIf(!TEST_DATABASE_URL)(
  'the flood guard across replicas (PostgreSQL only: needs two processes)',
  () => {
    let db: TestDatabase;
    let fake: FakeTelegram;
    const floods: Array<{ path: string; seconds: number }> = [];

    function replica(): { guard: FloodGuard; api: Api } {
      const guard = createFloodGuard({
        store: outboxDispatch(db.database.db),
        clock: systemClock,
        logger: createLogger('silent'),
        shared: true,
        leaseMs: 2_000,
        metrics: { tooManyRequests: (path, seconds) => floods.push({ path, seconds }) },
      });
      const api = new Api(fake.token, { apiRoot: fake.apiRoot });
      api.config.use(guard.transformer());
      return { guard, api };
    }

    beforeAll(async () => {
      db = await createTestDatabase();
      fake = await startFakeTelegram();
    });
    afterAll(async () => {
      await fake.close();
      await db.dispose();
    });

    it('a direct answer on one replica waits out the retry_after another replica was given, to the millisecond', async () => {
      const fan = fanUser(8801);
      fake.registerChat(privateChatOf(fan));
      const a = replica();
      const b = replica();
      fake.failNext(
        'sendMessage',
        { error_code: 429, description: 'Too Many Requests: retry after 2', retry_after: 2 },
        { match: (p) => p.chat_id === fan.id },
      );
      const refused = await a.api.sendMessage(fan.id, 'from A').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(GrammyError);
      const refusedAt = fake.callsTo('sendMessage').at(-1)!.at;
      // B knows nothing in memory; the database tells it.
      expect(b.guard.blockedUntil(fan.id)).toBe(0);
      await b.api.sendMessage(fan.id, 'from B');
      const sent = fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === fan.id);
      expect(sent.map((c) => c.payload.text)).toEqual(['from B']);
      expect(sent[0]!.at - refusedAt).toBeGreaterThanOrEqual(2_000 - 5);
      expect(fake.stats.earlyRetries).toBe(0);
      expect(floods).toContainEqual({ path: 'direct', seconds: 2 });
    });

    it("an outbox send on one replica is refused at once while another replica's 429 runs (rescheduled for its end)", async () => {
      const fan = fanUser(8802);
      fake.registerChat(privateChatOf(fan));
      const a = replica();
      const b = replica();
      const until = await a.guard.onTooManyRequests(fan.id, 3, 'outbox');
      let called = false;
      const err = await b.guard
        .outboxCall(fan.id, async () => {
          called = true;
        })
        .catch((e: unknown) => e);
      expect(called).toBe(false);
      expect(err).toBeInstanceOf(ChatHeld);
      expect((err as ChatHeld).until).toBe(until.getTime());
    });

    it('calls to one chat from two replicas never overlap: the second waits for the first to be answered', async () => {
      const fan = fanUser(8803);
      fake.registerChat(privateChatOf(fan));
      const a = replica();
      const b = replica();
      const spans: Array<{ who: string; start: number; end: number }> = [];
      const call = (who: string, guard: FloodGuard) =>
        guard.outboxCall(fan.id, async () => {
          const start = performance.now();
          await new Promise((r) => setTimeout(r, 150));
          spans.push({ who, start, end: performance.now() });
        });
      await Promise.all([call('a1', a.guard), call('b1', b.guard), call('a2', a.guard), call('b2', b.guard)]);
      expect(spans).toHaveLength(4);
      const sorted = [...spans].sort((x, y) => x.start - y.start);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    });

    it("a replica that died holding a chat's lease holds it only until the lease ends", async () => {
      const fan = fanUser(8804);
      fake.registerChat(privateChatOf(fan));
      const store = outboxDispatch(db.database.db);
      const now = new Date();
      // The dead replica's lease: taken, never given back.
      expect(await store.takeChat(fan.id, now, new Date(now.getTime() + 600))).toEqual({ taken: true });
      const b = replica();
      const started = Date.now();
      await b.api.sendMessage(fan.id, 'after the lease');
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
      expect(fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === fan.id)).toHaveLength(1);
    });
  },
);
