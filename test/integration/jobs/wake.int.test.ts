import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { BACKSTOP_POLL_SECONDS, createJobs, type Jobs } from '../../../src/jobs/boss.ts';
import { jobsPort } from '../../../src/jobs/port.ts';
import { QUEUES } from '../../../src/jobs/queues.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
let jobs: Jobs;

beforeAll(async () => {
  t = await createTestDatabase();
  jobs = createJobs(t.database, createLogger('silent'));
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop();
  await t.dispose();
});

describe('workers poll only as a backstop: a job this process queues wakes its worker', () => {
  // A queue's worker, recording when each job ran; its poll is the backstop's (10 s), so a job that ran
  // within a couple of seconds was woken, not found by a poll.
  const ran: Array<{ key: string; at: number }> = [];
  let queueWorker: Promise<void> | undefined;
  const albumWorker = () =>
    (queueWorker ??= jobs
      .work(
        QUEUES.albumFlush.name,
        { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
        async ([job]) => {
          if (job) ran.push({ key: (job.data as { mediaGroupId: string }).mediaGroupId, at: Date.now() });
        },
      )
      .then(() => new Promise((r) => setTimeout(r, 1500)))); // the worker's first fetch is behind it
  /** A unit of work whose jobs wake this test's workers after the commit, as the app's does. */
  const withJobs = () => createUnitOfWork(t.database, (h, afterCommit) => jobsPort(jobs, h, afterCommit));
  const ranFor = async (key: string, withinMs: number) => {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      const hit = ran.find((r) => r.key === key);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 25));
    }
    return undefined;
  };

  it('after the transaction that queued it commits (never before: a rolled-back one never runs)', async () => {
    await albumWorker();
    const uow = withJobs();
    const sent = Date.now();
    await uow.run(async (r) => r.jobs.flushAlbumLater({ mediaGroupId: 'woken', direction: 'in' }, 0));
    const hit = await ranFor('woken', 3000);
    expect(hit, 'ran well before the backstop poll').toBeTruthy();
    expect(hit!.at - sent).toBeLessThan(BACKSTOP_POLL_SECONDS.live * 1000);

    await expect(
      uow.run(async (r) => {
        await r.jobs.flushAlbumLater({ mediaGroupId: 'rolled-back', direction: 'in' }, 0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ranFor('rolled-back', 1000)).toBeUndefined();
  });

  it('when a delayed job falls due, not before', async () => {
    await albumWorker();
    const uow = withJobs();
    const sent = Date.now();
    await uow.run(async (r) => r.jobs.flushAlbumLater({ mediaGroupId: 'delayed', direction: 'in' }, 1500));
    const hit = await ranFor('delayed', 5000);
    expect(hit, 'ran well before the backstop poll').toBeTruthy();
    expect(hit!.at - sent).toBeGreaterThanOrEqual(1400);
  });

  it('a delayed job queued before a restart: the new process follows it and runs it when due', async () => {
    // Queued while no worker of its queue runs here (as by the process before a restart).
    await jobs.send(
      'passNotice',
      { userId: 1, until: new Date().toISOString(), at: 'end' },
      { startAfter: new Date(Date.now() + 2000), singletonKey: 'restart' },
    );
    await jobs.stop();
    jobs = createJobs(t.database, createLogger('silent'));
    await jobs.start();
    const started = Date.now();
    const at = await new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('not run before the backstop poll')), 7000);
      void jobs.work(
        QUEUES.passNotice.name,
        { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
        async ([job]) => {
          if (!job) return;
          clearTimeout(timeout);
          resolve(Date.now());
        },
      );
    });
    // Its first fetch (at start) found it not yet due; the follow timer ran it, not the 10 s poll.
    expect(at - started).toBeLessThan(BACKSTOP_POLL_SECONDS.live * 1000);
  });
});
