/**
 * The use cases in process, on a real unit of work (a fresh database per call: in-memory PGlite, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set), without HTTP, pg-boss, the outbox worker or the bot.
 * Jobs the use cases enqueue are recorded instead of queued; the outbox rows they write stay in the table
 * for the test to read (`outboxRows`).
 *
 *   const s = await createServiceStack();
 *   afterAll(() => s.dispose());
 *   await s.services.getBalance(42);
 */
import { asc } from 'drizzle-orm';
import type { JobsPort, Translator, UnitOfWork } from '../../src/app/ports/index.ts';
import type { OutboxPayload } from '../../src/app/ports/outbox.ts';
import { createServices, type ServiceDeps, type Services } from '../../src/app/services.ts';
import { createUnitOfWork } from '../../src/db/repos/index.ts';
import { outbox } from '../../src/db/schema/index.ts';
import type { Clock } from '../../src/domain/shared/index.ts';
import { createTexts } from '../../src/i18n/index.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from './config.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

/** A clock a test moves by hand (`advance`, `set`); starts at the wall clock's now. */
export interface TestClock extends Clock {
  set(at: Date | string | number): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string | number = Date.now()): TestClock {
  let ms = new Date(start).getTime();
  return {
    now: () => new Date(ms),
    set: (at) => void (ms = new Date(at).getTime()),
    advance: (by) => void (ms += by),
  };
}

/** One job the use cases asked for: its method and arguments. */
export interface RecordedJob {
  method: keyof JobsPort;
  args: unknown[];
}

/** A JobsPort that records every call (committed or not: the test reads what was asked for). */
export function recordingJobs(into: RecordedJob[]): JobsPort {
  return new Proxy({} as JobsPort, {
    get:
      (_, method) =>
      async (...args: unknown[]) =>
        void into.push({ method: method as keyof JobsPort, args }),
  });
}

export interface ServiceStack {
  db: TestDatabase;
  uow: UnitOfWork;
  services: Services;
  clock: TestClock;
  /** Jobs enqueued through the unit of work, in order. */
  jobs: RecordedJob[];
  translator: Translator;
  /** The first admin group (null: none set up). */
  adminGroupId: number | null;
  /** Every admin group, in configuration order. */
  adminGroupIds: number[];
  adminUserIds: number[];
  /** How often a committed transaction woke the outbox worker (it queued items). */
  outboxSignals(): number;
  /** Every outbox row so far, oldest first (payload, status, lane). */
  outboxRows(): Promise<
    Array<{
      id: number;
      chatId: number;
      payload: OutboxPayload;
      status: string;
      lane: string;
      /** Priority class, 1 first (app/outbox/policy.ts). */
      priority: number;
      idempotencyKey: string;
    }>
  >;
  /** A fan's stored account (null when unknown). */
  user(id: number): Promise<Awaited<ReturnType<UnitOfWork['repos']['users']['get']>>>;
  /** Credits added (or removed) through the ledger, like an owner's adjustment. */
  grant(userId: number, credits: number): Promise<void>;
  /** A fan as the first update from them creates them (profile, new-fan bonus); `languageCode` optional. */
  ensureFan(id: number, opts?: { firstName?: string; languageCode?: string }): Promise<void>;
  /** Sets or clears a time pass directly. */
  setPass(userId: number, until: Date | null): Promise<void>;
  dispose(): Promise<void>;
}

export interface ServiceStackOptions {
  /** `null`: the admin group is not set up yet. */
  adminGroupId?: number | null;
  /** Several admin groups (wins over `adminGroupId`). */
  adminGroupIds?: number[];
  adminUserIds?: number[];
  clock?: TestClock;
  /** Anything else the services take (cards, starsRefunds, access…). */
  deps?: Partial<Omit<ServiceDeps, 'uow' | 'clock' | 'adminGroupIds' | 'adminUserIds'>>;
  /** Seed the default catalog (the app does at start); true by default. */
  seedCatalog?: boolean;
}

let grants = 0;
/** Update ids for `ensureFan` (far from the ids `test/support/updates.ts` hands out). */
let updates = 700_000_000;

export async function createServiceStack(opts: ServiceStackOptions = {}): Promise<ServiceStack> {
  const db = await createTestDatabase();
  const jobs: RecordedJob[] = [];
  // Wakes of the outbox sender: every committed transaction that queued items.
  let signals = 0;
  const uow = createUnitOfWork(db.database, () => recordingJobs(jobs), undefined, {
    notify: () => void signals++,
  });
  const clock = opts.clock ?? testClock();
  const adminGroupIds =
    opts.adminGroupIds ??
    (opts.adminGroupId === undefined
      ? [ADMIN_GROUP_ID]
      : opts.adminGroupId === null
        ? []
        : [opts.adminGroupId]);
  const adminGroupId = adminGroupIds[0] ?? null;
  const adminUserIds = opts.adminUserIds ?? [OWNER_ID];
  const services = createServices({
    identity: { botUsername: 'fanbridge_test_bot' },
    ...opts.deps,
    uow,
    clock,
    adminGroupIds,
    adminUserIds,
  });
  if (opts.seedCatalog !== false) await services.seedDefaultCatalog();
  const { translator } = createTexts();
  return {
    db,
    uow,
    services,
    clock,
    jobs,
    translator,
    adminGroupId,
    adminGroupIds,
    adminUserIds,
    outboxSignals: () => signals,
    async outboxRows() {
      const rows = await db.database.db.select().from(outbox).orderBy(asc(outbox.id));
      return rows.map((r) => ({
        id: Number(r.id),
        chatId: Number(r.chatId),
        payload: r.payload as OutboxPayload,
        status: String(r.status),
        lane: String(r.lane),
        priority: Number(r.priority),
        idempotencyKey: String(r.idempotencyKey),
      }));
    },
    user: (id) => uow.repos.users.get(id),
    async grant(userId, credits) {
      await uow.run((r) =>
        r.ledger.apply({
          userId,
          delta: credits,
          reason: 'adjustment',
          idempotencyKey: `test-grant:${userId}:${++grants}:${Date.now()}`,
          actor: 'test',
        }),
      );
    },
    async ensureFan(id, o = {}) {
      // Through the first step of every update: the profile, and the new-fan bonus.
      const begun = await services.updates.begin(++updates, {
        id,
        firstName: o.firstName ?? `Fan ${id}`,
        languageCode: o.languageCode,
      });
      if (begun.duplicate) throw new Error('ensureFan: duplicate update id');
    },
    setPass: (userId, until) => uow.repos.users.setPassUntil(userId, until),
    dispose: () => db.dispose(),
  };
}
