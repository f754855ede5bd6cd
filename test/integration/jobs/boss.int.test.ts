import { toBillingEvent } from '../../../src/integrations/stripe/events.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../src/app/services.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { processedUpdates } from '../../../src/db/schema/index.ts';
import { fixedClock } from '../../../src/domain/shared/index.ts';
import { createJobs, type Jobs } from '../../../src/jobs/boss.ts';
import { QUEUES, SCHEDULES } from '../../../src/jobs/queues.ts';
import { startWorkers } from '../../../src/jobs/workers/index.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
let jobs: Jobs;
const logger = createLogger('silent');

beforeAll(async () => {
  t = await createTestDatabase();
  jobs = createJobs(t.database, logger);
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop();
  await t.dispose();
});

describe('pg-boss on the app database', () => {
  it('creates every queue and the schedules of its engine at start (the backup on the embedded one only)', async () => {
    for (const def of Object.values(QUEUES)) expect(await jobs.boss.getQueue(def.name)).toBeTruthy();
    const engine = t.database.engine;
    const names = (await jobs.boss.getSchedules()).map((s) => s.name);
    const mine = SCHEDULES.filter((s) => !s.engines || s.engines.includes(engine)).map((s) => s.queue);
    expect(names).toEqual(expect.arrayContaining(mine));
    expect(names.includes(QUEUES.backup.name)).toBe(engine === 'pglite');
  });

  it('enqueues inside a transaction: committed with it, or not at all', async () => {
    const db = t.database.db;
    const committed = await db.transaction(async (tx) => {
      await tx.insert(processedUpdates).values({ updateId: 1 });
      return jobs.send('housekeeping', {}, { tx });
    });
    expect(committed).toBeTruthy();
    expect(await jobs.boss.getJobById(QUEUES.housekeeping.name, committed!)).toBeTruthy();

    let rolledBackId: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(processedUpdates).values({ updateId: 2 });
        rolledBackId = await jobs.send('housekeeping', {}, { tx, singletonKey: 'rb' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(rolledBackId).toBeTruthy();
    expect(await jobs.boss.getJobById(QUEUES.housekeeping.name, rolledBackId!)).toBeNull();
  });

  it('runs the housekeeping worker, which prunes old update ids', async () => {
    const uow = createUnitOfWork(t.database);
    await uow.repos.updates.claim(77);
    const services = createServices({
      uow,
      clock: fixedClock('2031-01-01T00:00:00Z'),
      adminGroupIds: [],
      adminUserIds: [],
    });
    await startWorkers({ jobs, services, logger, toBillingEvent });
    const id = await jobs.send('housekeeping', {}, { singletonKey: 'manual' });
    const deadline = Date.now() + 20_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      state = (await jobs.boss.getJobById(QUEUES.housekeeping.name, id!))?.state;
      if (state === 'completed' || state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('completed');
    expect(await uow.repos.updates.claim(77)).toBe(true);
  });
});
