/**
 * A fan's relay is sent where the claim found their topic (the sender reads no row of its own). If the
 * send fails for good and the topic has moved since (the fan was placed in another admin group), the
 * message is sent again where the topic is now, not refunded; with the topic where it was, it is given up
 * on (refunded, the fan told) as before.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import type { ClaimedItem } from '../../../src/app/ports/index.ts';
import { DEFAULT_RENDER_TIMINGS } from '../../../src/app/relay/refresh.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { outboxDispatch } from '../../../src/db/repos/outbox.ts';
import { systemClock } from '../../../src/domain/shared/index.ts';
import { SendError, type SenderContext } from '../../../src/jobs/outbox/context.ts';
import { fail } from '../../../src/jobs/outbox/failures.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const G1 = -100_901;
const G2 = -100_902;
const FAN = 95_001;

function context(): SenderContext {
  const uow = createUnitOfWork(t.database);
  const dispatch = outboxDispatch(t.database.db);
  return {
    deps: {
      uow,
      dispatch,
      guard: { onRetryAfter: async () => new Date() } as unknown as SenderContext['deps']['guard'],
      api: {} as SenderContext['deps']['api'],
      views: {} as SenderContext['deps']['views'],
      logger: createLogger('silent'),
      clock: systemClock,
    },
    log: createLogger('silent'),
    timings: DEFAULT_RENDER_TIMINGS,
    maxAttempts: 10,
    topicCreationStaleMs: 120_000,
    tally: { posted: 0, topicCreated: false },
    cardsAsked: new Map(),
    call: () => Promise.reject(new Error('no calls here')),
  };
}

const claimOne = async (): Promise<ClaimedItem> => {
  const claim = await outboxDispatch(t.database.db).claim({
    limit: 8,
    now: new Date(Date.now() + 1000),
    leaseMs: 30_000,
    budgets: defaultBudgets(1000),
    excludeLanes: [],
  });
  expect(claim.items).toHaveLength(1);
  return claim.items[0]!;
};
const itemState = async () =>
  (
    (await t.database.db.execute(
      sql`select status, attempts from outbox where idempotency_key = 'relay.in:failures-test'`,
    )) as { rows: { status: string; attempts: number }[] }
  ).rows[0];
const refunds = async () =>
  (
    (await t.database.db.execute(
      sql`select count(*)::int as n from ledger_entries where user_id = ${FAN} and reason = 'refund'`,
    )) as { rows: { n: number }[] }
  ).rows[0]!.n;

describe('a relay that fails for good, sent where the claim found the topic', () => {
  it('is sent again where the topic is now when it moved meanwhile; given up on when it had not', async () => {
    const ctx = context();
    const r = ctx.deps.uow.repos;
    await r.users.upsert({ id: FAN, firstName: 'Moved' }, new Date());
    await r.topics.reserve(FAN, G2, 'Moved');
    await r.topics.setThread(FAN, 77, 'Moved');
    await ctx.deps.uow.run((tx) =>
      tx.outbox.enqueue([
        {
          lane: `in:${FAN}`,
          chatId: G2,
          sortKey: 1,
          idempotencyKey: 'relay.in:failures-test',
          payload: { kind: 'relay.in', userId: FAN, fromChatId: FAN, messageId: 1, cost: 1, mode: 'copy' },
        },
      ]),
    );
    const item = await claimOne();
    // The claim read the topic for the sender.
    expect(item.topic).toEqual({ groupId: G2, threadId: 77, cardOwed: true });
    // Group 2 is taken out meanwhile: the fan's next message moved them to group 1 (a topic to create).
    await r.topics.move(FAN, G1, 'Moved');
    const gone = new SendError({ type: 'permanent', reason: 'the admin group no longer exists' }, 77);
    await fail(ctx, item, gone, { posted: 0, topicCreated: false });
    expect(await itemState()).toEqual({ status: 'pending', attempts: 1 });
    expect(await refunds()).toBe(0);

    // Claimed again, the topic has no thread yet: the claim passes none, the sender reads (and creates).
    const again = await claimOne();
    expect(again.topic).toBeUndefined();
    await fail(ctx, again, gone, { posted: 0, topicCreated: false });
    expect((await itemState())?.status).toBe('dead');
    expect(await refunds()).toBe(1);
  });
});
