import { Api } from 'grammy';
import { createChartRenderer } from './integrations/charts/renderer.ts';
import type { RenderTimings } from './app/relay/refresh.ts';
import { createServices, type Services } from './app/services.ts';
import type { Config } from './config.ts';
import { openDatabase, migrateDatabase, type Database } from './db/client.ts';
import { backupsDir, writeBackup } from './db/backup.ts';
import type { BackupRun } from './jobs/workers/backup.ts';
import { createUnitOfWork, type JobsFor } from './db/repos/index.ts';
import type { QueuedSend, Translator, UnitOfWork } from './app/ports/index.ts';
import { createTexts } from './i18n/index.ts';
import { resolveSettings, type Settings } from './app/system/settings.ts';
import { systemClock, type Clock, type Locale } from './domain/shared/index.ts';
import { defaultBudgets } from './app/outbox/policy.ts';
import { createPacer } from './app/outbox/pacer.ts';
import { createOutboxSender, type OutboxSender, type SenderOptions } from './jobs/outbox/index.ts';
import { createJobs, type Jobs } from './jobs/boss.ts';
import { outboxDispatch } from './db/repos/outbox.ts';
import { inboundUpdatesStore } from './db/repos/inbound.ts';
import { jobsPort } from './jobs/port.ts';
import { createOutboxViews } from './bot/views.ts';
import { createFloodGuard, type FloodGuard } from './integrations/telegram/flood-guard.ts';
import { callMetrics } from './integrations/telegram/call-metrics.ts';
import { createPrometheusMetrics } from './integrations/metrics/prometheus.ts';
import { NO_METRICS, type Metrics } from './app/ports/metrics.ts';
import { createStarsRefunds } from './integrations/telegram/stars.ts';
import { starsStatement } from './integrations/telegram/star-transactions.ts';
import type Stripe from 'stripe';
import type { Logger } from './logger.ts';
import { createSystemProbes } from './system-probes.ts';
import { createScrubber, secretValues } from './logging/redact.ts';

export interface Deps {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  jobs: Jobs;
  services: Services;
  /** The one outbound sender for everything that may wait (relays, receipts, notices). */
  outbox: OutboxSender;
  /** Flood state shared by the sender and direct answers. */
  guard: FloodGuard;
  /** The Stripe client, when card payments are configured. */
  stripe: Stripe | null;
  /** Filled in once the bot knows its username (links back to it from jobs). */
  identity: { botUsername: string };
  /** The text catalogue (locales/). */
  translator: Translator;
  /** The language of what the bot writes in the admin group (cached `group_language`). */
  groupLocale: () => Promise<Locale>;
  /** The embedded database's daily backup (DATA_DIR/backups); null on PostgreSQL. */
  backup: { dir: string; run: () => Promise<BackupRun> } | null;
  /** What the process counts (no-ops unless METRICS_TOKEN is set). */
  metrics: Metrics;
  /** The Prometheus exposition, when METRICS_TOKEN is set. */
  renderMetrics: (() => Promise<{ contentType: string; body: string }>) | null;
}

export interface DepsOverrides {
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  clock?: Clock;
  /** Sender tuning (tests scale the flood budgets down with the fake Bot API's). */
  outbox?: Partial<SenderOptions>;
  /** Card and inbox throttles (tests shorten them). */
  renderTimings?: RenderTimings;
  /**
   * Where the embedded database's backups go; null: none. Default: `DATA_DIR/backups` for an embedded
   * database opened from the config, none for one handed in (tests choose a directory, or none).
   */
  backupsDir?: string | null;
  /** How long a replica may hold a chat's send lease (PostgreSQL; tests shorten it). */
  chatLeaseMs?: number;
}

/** Settings read at most once per `ttlMs` (the sender asks on every claim). */
function cachedSettings(uow: UnitOfWork, ttlMs: number): () => Promise<Settings> {
  let value: { at: number; settings: Promise<Settings> } | null = null;
  return () => {
    const now = Date.now();
    if (!value || now - value.at > ttlMs) {
      const settings = uow.repos.settings.all().then(resolveSettings);
      value = { at: now, settings };
      settings.catch(() => (value = null));
    }
    return value.settings;
  };
}

/** Opens the database, applies migrations, and wires repositories, jobs, the sender and use cases. */
export async function createDeps(
  config: Config,
  logger: Logger,
  overrides: DepsOverrides = {},
): Promise<Deps> {
  const database =
    overrides.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      dataDir: config.dataDir,
      onLockCompromised: (err) => {
        // The embedded database is already closed; another process may own DATA_DIR now: stop at once.
        logger.fatal({ err, dataDir: config.dataDir }, 'lost the DATA_DIR lock: exiting');
        process.exit(1);
      },
    }));
  try {
    await migrateDatabase(database);
    const clock = overrides.clock ?? systemClock;
    const jobs = createJobs(database, logger.child({ component: 'jobs' }));
    const jobsFor: JobsFor = (handle, afterCommit) => jobsPort(jobs, handle, afterCommit);
    const prometheus = config.metricsToken
      ? createPrometheusMetrics({
          sources: {
            outboxBacklog: () => createUnitOfWork(database).repos.stats.outboxBacklogByChat(),
            inboundBacklog: () => inboundUpdatesStore(database.db).count(),
            jobQueues: async () =>
              (await jobs.boss.getQueues()).map((q) => ({
                queue: q.name,
                ready: Math.max(0, q.queuedCount - q.deferredCount),
                deferred: q.deferredCount,
                active: q.activeCount,
              })),
          },
        })
      : null;
    const metrics = prometheus?.metrics ?? NO_METRICS;
    // Every transaction that queued outbox items wakes the sender once it committed (wired below).
    const outboxSignal: { notify(items?: readonly QueuedSend[]): void } = { notify: () => undefined };
    const uow = createUnitOfWork(database, jobsFor, prometheus ? metrics : undefined, {
      notify: (items) => outboxSignal.notify(items),
    });
    // A plain Api without auto-retry: the sender handles 429s itself, by rescheduling.
    const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 30 });
    if (prometheus) api.config.use(callMetrics(metrics));
    const dispatch = outboxDispatch(database.db);
    // Several replicas can share PostgreSQL: calls to one chat are then serialised through the database.
    const senderOptions = {
      budgets: defaultBudgets(),
      ...overrides.outbox,
      ...(overrides.renderTimings ? { renderTimings: overrides.renderTimings } : {}),
    };
    const pacer = createPacer(senderOptions.budgets);
    const guard = createFloodGuard({
      store: dispatch,
      pacer,
      clock,
      logger,
      metrics,
      shared: database.engine === 'postgres',
      ...(overrides.chatLeaseMs ? { leaseMs: overrides.chatLeaseMs } : {}),
    });
    // The outbox's sends leave spaced as its claim booked them (a send booked early can leave late).
    api.config.use(guard.outboxTransformer());
    const settingsCache = cachedSettings(uow, 5_000);
    const { translator } = createTexts({
      onMissing: (what) => logger.warn({ what }, 'a text is missing from the catalogue'),
    });
    const groupLocale = async () => (await settingsCache()).group_language;
    const outbox = createOutboxSender(
      {
        uow,
        dispatch,
        api,
        views: createOutboxViews({ translator, uow, groupLocale }),
        logger,
        clock,
        guard,
        metrics,
        topicCreationsPerMinute: async () => (await settingsCache()).topic_creations_per_minute,
      },
      senderOptions,
    );
    outboxSignal.notify = outbox.notify;
    // The Stripe SDK (about 12 MB of memory once loaded) is imported only when card payments are on.
    const card = config.stripe
      ? await Promise.all([
          import('./integrations/stripe/client.ts'),
          import('./integrations/stripe/gateway.ts'),
          import('./integrations/stripe/statement.ts'),
        ])
      : null;
    const stripe =
      card && config.stripe
        ? card[0].createStripeClient({ secretKey: config.stripe.secretKey, apiBase: config.stripe.apiBase })
        : null;
    const identity = { botUsername: '' };
    const backupTo =
      database.engine !== 'pglite'
        ? null
        : overrides.backupsDir !== undefined
          ? overrides.backupsDir
          : overrides.database
            ? null
            : backupsDir(config.dataDir);
    const backup = backupTo
      ? {
          dir: backupTo,
          run: async (): Promise<BackupRun> => {
            const b = await writeBackup(database, backupTo, { now: clock.now() });
            return { name: b.name, bytes: b.bytes, rows: b.rows, removed: b.removed };
          },
        }
      : null;
    const services = createServices({
      identity,
      uow,
      clock,
      adminGroupIds: config.adminGroupIds,
      adminUserIds: config.adminUserIds,
      starsRefunds: createStarsRefunds(api),
      cards: stripe && card ? card[1].stripeCardGateway(stripe) : undefined,
      statements: {
        stripe: stripe && card ? card[2].stripeStatement(stripe) : null,
        stars: starsStatement(api),
      },
      probes: createSystemProbes({
        config,
        database,
        jobs,
        api,
        startedAt: clock.now(),
        stripe,
        backupsDir: backupTo,
      }),
      stripeTestMode: config.stripe ? /^(sk|rk)_test_/.test(config.stripe.secretKey) : false,
      scrub: createScrubber(secretValues(config)),
      charts: createChartRenderer(),
      onFanBatch: ({ outcome, size, err }) => {
        metrics.fanMessageBatch(outcome, size);
        if (outcome === 'failed')
          logger.warn({ err, size }, 'a batch of fans’ messages failed; each runs alone');
      },
      ...(overrides.renderTimings ? { renderTimings: overrides.renderTimings } : {}),
    });
    return {
      config,
      logger,
      clock,
      database,
      jobs,
      services,
      outbox,
      guard,
      stripe,
      identity,
      translator,
      groupLocale,
      backup,
      metrics,
      renderMetrics: prometheus ? () => prometheus.render() : null,
    };
  } catch (err) {
    if (!overrides.database) await database.close().catch(() => {});
    throw err;
  }
}
