import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/app/system/rate-limits.ts';
import { createServices } from '../../../src/app/services.ts';
import { openDatabase } from '../../../src/db/client.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { rateLimits } from '../../../src/db/schema/index.ts';
import { fixedClock, type Clock } from '../../../src/domain/shared/index.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const [BURST, SUSTAINED] = RATE_LIMITS.interaction;
const [EXPORT] = RATE_LIMITS.export;

const servicesOn = (database: TestDatabase['database'], clock: Clock) =>
  createServices({
    uow: createUnitOfWork(database),
    clock,
    adminGroupIds: [],
    adminUserIds: [],
  });

/** The user's counters (every window), by key. */
const countsOf = (userId: number) =>
  t.database.db
    .select({ key: rateLimits.key, hits: rateLimits.hits })
    .from(rateLimits)
    .where(like(rateLimits.key, `%:${userId}`))
    .orderBy(rateLimits.key);

describe('rate_limits', () => {
  it('is an UNLOGGED table on this engine too', async () => {
    // node-postgres and PGlite both answer raw SQL with `{ rows }`.
    const res: unknown = await t.database.db.execute(
      sql`select relpersistence from pg_class where relname = 'rate_limits'`,
    );
    expect((res as { rows: unknown[] }).rows).toEqual([{ relpersistence: 'u' }]);
  });

  it('two service instances on one database share the count; a new window starts over', async () => {
    const clock = fixedClock('2030-03-01T10:00:00.500Z');
    const a = servicesOn(t.database, clock);
    const b = servicesOn(t.database, clock);
    const outcomes = [];
    for (let i = 0; i < BURST.limit + 5; i++)
      outcomes.push(await (i % 2 ? a : b).limits.hit(7001, 'interaction'));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(BURST.limit);
    expect(outcomes.filter((o) => !o.allowed && o.notify)).toHaveLength(1);
    expect(outcomes[BURST.limit]).toEqual({ allowed: false, notify: true, retryAfterSeconds: 10 });
    // Another user has a count of their own.
    expect(await a.limits.hit(7002, 'interaction')).toEqual({ allowed: true });
    // The next burst window: allowed again (the 10-minute count goes on).
    const next = servicesOn(t.database, fixedClock('2030-03-01T10:00:10.000Z'));
    expect(await next.limits.hit(7001, 'interaction')).toEqual({ allowed: true });
  });

  it('a heavy bucket counts in the interaction windows too', async () => {
    const s = servicesOn(t.database, fixedClock('2030-03-01T11:00:00Z'));
    for (let i = 0; i < EXPORT.limit; i++) expect((await s.limits.hit(7003, 'export')).allowed).toBe(true);
    expect(await s.limits.hit(7003, 'export')).toEqual({
      allowed: false,
      notify: true,
      retryAfterSeconds: EXPORT.windowMs / 1000,
    });
    expect(await s.limits.hit(7003, 'export')).toMatchObject({ allowed: false, notify: false });
    // Commands are still fine: 5 of the burst's 20 are used.
    expect(await s.limits.hit(7003, 'interaction')).toEqual({ allowed: true });
    const rows = await countsOf(7003);
    expect(rows).toEqual([
      { key: 'burst:7003', hits: EXPORT.limit + 3 },
      { key: 'export:7003', hits: EXPORT.limit + 2 },
      { key: 'sustained:7003', hits: EXPORT.limit + 3 },
    ]);
    expect(SUSTAINED.limit).toBeGreaterThan(BURST.limit);
  });

  it('housekeeping prunes windows an hour old', async () => {
    const uow = createUnitOfWork(t.database);
    await uow.repos.rateLimits.hit([{ key: 'burst:7004', windowStart: new Date('2030-04-01T00:00:00Z') }]);
    await uow.repos.rateLimits.hit([{ key: 'burst:7004', windowStart: new Date('2030-04-01T00:59:50Z') }]);
    const later = servicesOn(t.database, fixedClock('2030-04-01T01:00:05Z'));
    expect((await later.runHousekeeping()).prunedRateLimits).toBeGreaterThanOrEqual(1);
    expect(await countsOf(7004)).toHaveLength(1);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'postgres-only: concurrent hits from two connection pools are each counted once',
    async () => {
      const other = await openDatabase({ databaseUrl: t.url, dataDir: null, poolSize: 5 });
      try {
        const clock = fixedClock('2030-05-01T00:00:00.100Z');
        const a = servicesOn(t.database, clock);
        const b = servicesOn(other, clock);
        const outcomes = await Promise.all(
          Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).limits.hit(7005, 'checkout')),
        );
        expect((await countsOf(7005)).map((r) => r.hits)).toEqual([60, 60, 60]);
        expect(outcomes.filter((o) => o.allowed)).toHaveLength(RATE_LIMITS.checkout[0].limit);
        expect(outcomes.filter((o) => !o.allowed && o.notify)).toHaveLength(1);
      } finally {
        await other.close();
      }
    },
  );
});
