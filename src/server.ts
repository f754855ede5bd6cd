import { serve, type ServerType } from '@hono/node-server';
import type { RunnerHandle } from '@grammyjs/runner';
import { GrammyError, HttpError, type Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Hono } from 'hono';
import { ALLOWED_UPDATES, createBot, membershipProbe } from './bot/index.ts';
import { publishCommands } from './bot/commands.ts';
import { createUpdateProcessor, runPolling } from './bot/processor.ts';
import { createInboundDrainer, type InboundOptions } from './bot/inbound.ts';
import { inboundUpdatesStore } from './db/repos/inbound.ts';
import type { Context } from './bot/context.ts';
import type { Config } from './config.ts';
import { createDeps, type Deps, type DepsOverrides } from './deps.ts';
import { createHttpApp } from './http/app.ts';
import { acquirePollerLock } from './db/poller-lock.ts';
import { createPollingLog } from './integrations/telegram/polling-log.ts';
import { callMetrics } from './integrations/telegram/call-metrics.ts';
import { uuidFromKey } from './jobs/ids.ts';
import { startWorkers } from './jobs/workers/index.ts';
import { maintainDatabase } from './db/maintenance.ts';
import { toBillingEvent } from './integrations/stripe/events.ts';
import type { Logger } from './logger.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RunningApp {
  deps: Deps;
  bot: Bot<Context>;
  http: Hono;
  /** The port actually bound (useful with PORT=0). */
  port: number;
  mode: 'webhook' | 'polling';
  /** Stops taking updates, finishes in-flight work, stops jobs, closes the database. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions extends DepsOverrides {
  botInfo?: UserFromGetMe;
  /** Bind to this host (default 0.0.0.0). */
  hostname?: string;
  /** Pauses between in-process retries of a failed update (tests shorten them). */
  updateRetryDelaysMs?: number[];
  /** The stored-update drainer's tuning (webhook mode; tests shorten its polls and leases). */
  inbound?: Partial<InboundOptions>;
}

/** The one line that tells the operator how to become the owner of a bot that has none. */
export const claimCodeLine = (code: string, bot: string): string =>
  `fanbridge: no owner yet. To become the owner, send "/claim ${code}" to @${bot} in a private chat within 24 hours.\n`;

/** Builds everything from the config and starts serving: the composition root's body. */
export async function startApp(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningApp> {
  const deps = await createDeps(config, logger, options);
  // A database handed in (tests, a restart in-process) belongs to the caller, who closes it.
  const cleanup: Array<() => Promise<void>> = options.database ? [] : [() => deps.database.close()];
  const unwind = async () => {
    for (const fn of cleanup.reverse())
      await fn().catch((err: unknown) => logger.warn({ err }, 'shutdown step failed'));
  };
  try {
    if (!config.webhook) {
      // One poller per database: a second one is refused before it starts anything.
      const lock = await acquirePollerLock(deps.database, (err) => {
        logger.fatal({ err }, 'lost the poller lock: exiting so that two processes never poll at once');
        process.exit(1);
      });
      if (lock) cleanup.push(() => lock.release());
    }
    await deps.jobs.start();
    cleanup.push(() => deps.jobs.stop());
    if (await deps.services.seedDefaultCatalog()) logger.info('seeded the default catalog');

    const bot = createBot(
      config.botToken,
      {
        services: deps.services,
        config: { adminGroupIds: config.adminGroupIds, adminUserIds: config.adminUserIds },
        logger,
        translator: deps.translator,
        groupLocale: deps.groupLocale,
      },
      {
        apiRoot: config.telegramApiRoot,
        floodTransformer: deps.guard.transformer(),
        ...(deps.renderMetrics ? { callMetrics: callMetrics(deps.metrics) } : {}),
        ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      },
    );
    await initBot(bot, config);
    deps.identity.botUsername = bot.botInfo.username;
    // No owner yet: a claim code on the operator's terminal, one plain line (not the logger: it is meant
    // to be read, and any replica accepts it for 24 hours).
    const claimCode = await deps.services.hub.prepareClaimCode();
    if (claimCode) process.stderr.write(claimCodeLine(claimCode, bot.botInfo.username));
    const processor = createUpdateProcessor(bot, logger, {
      metrics: deps.metrics,
      ...(options.updateRetryDelaysMs ? { retryDelaysMs: options.updateRetryDelaysMs } : {}),
    });
    await startWorkers({
      jobs: deps.jobs,
      services: deps.services,
      logger,
      toBillingEvent,
      backup: deps.backup?.run ?? null,
      maintain: deps.database.engine === 'pglite' ? () => maintainDatabase(deps.database) : null,
    });
    deps.outbox.start();
    cleanup.push(() => deps.outbox.stop());
    // Webhook updates are stored, answered, then handled here; the ones under way finish before the
    // outbox, jobs and database stop (the rest stay stored for the next start or another replica).
    const inbox = config.webhook
      ? createInboundDrainer(inboundUpdatesStore(deps.database.db), (u) => processor.handle(u), logger, {
          ...(options.updateRetryDelaysMs ? { retryDelaysMs: options.updateRetryDelaysMs } : {}),
          // The embedded database runs on this thread, one statement at a time: one handler at a time
          // while updates come in leaves it room to answer Telegram (docs/BENCHMARKS.md, "Store, answer,
          // then handle"); after the burst, as many as on PostgreSQL, whose messages go in batches
          // (app/relay/batch.ts: 4 at once made batches of 2 to 4, 16 batches of 16; docs/BENCHMARKS.md,
          // "Fans' messages in batches"). Claims read ahead, so a burst handled one at a time is not a
          // claim per update (docs/BENCHMARKS.md, "Claims read ahead").
          ...(deps.database.engine === 'pglite' ? { busySlots: 1, readAhead: 8 } : {}),
          ...options.inbound,
        })
      : null;
    if (inbox) {
      inbox.start();
      cleanup.push(() => inbox.stop());
    }

    const http = createHttpApp({
      logger,
      counters: deps.metrics,
      metrics:
        config.metricsToken && deps.renderMetrics
          ? { token: config.metricsToken, render: deps.renderMetrics }
          : null,
      health: { ping: () => deps.database.ping(), engine: deps.database.engine, startedAt: new Date() },
      telegram: config.webhook && inbox ? { inbox, secret: config.webhook.secret } : null,
      stripe:
        deps.stripe && config.stripe
          ? {
              stripe: deps.stripe,
              secret: config.stripe.webhookSecret,
              enqueue: async (event) => {
                // A UUID derived from the event id: one job per event, however often Stripe delivers it.
                const id = uuidFromKey(`stripe-event:${event.id}`);
                await deps.jobs.send('stripeEvent', { event: event as never }, { id });
              },
            }
          : null,
    });
    const { server, port } = await listen(http, config.port, options.hostname ?? '0.0.0.0');
    cleanup.push(() => closeServer(server));

    let runner: RunnerHandle | null = null;
    if (config.webhook) {
      const { url, secret } = config.webhook;
      await idempotentCall(() =>
        bot.api.setWebhook(`${url}/telegram-webhook`, {
          secret_token: secret,
          allowed_updates: [...ALLOWED_UPDATES],
        }),
      );
    } else {
      // A webhook left from an earlier deployment would make getUpdates fail with 409.
      await idempotentCall(() => bot.api.deleteWebhook());
      // Silent (see bot/processor.ts): failed getUpdates calls are logged here, through the scrubbing logger.
      bot.api.config.use(createPollingLog(logger));
      runner = runPolling(bot, processor, logger, { allowed_updates: ALLOWED_UPDATES, timeout: 30 });
      const handle = runner;
      cleanup.push(async () => {
        if (handle.isRunning()) await handle.stop();
      });
    }
    void (async () =>
      publishCommands(bot.api, deps.translator, logger, {
        cardPayments: config.stripe !== null,
        adminGroupIds: await deps.services.groups.ids(),
        groupLocale: await deps.groupLocale(),
        team: await teamWithLocales(deps),
      }))().catch((err: unknown) => logger.warn({ err }, 'could not publish the command menus'));
    // With several admin groups: is the whole team in every one? The owners are told once what is missing.
    void deps.services.groups
      .checkMemberships(membershipProbe(bot.api, logger))
      .catch((err: unknown) => logger.warn({ err }, 'could not check the admin group memberships'));
    logger.info(
      {
        mode: config.webhook ? 'webhook' : 'polling',
        port,
        database: deps.database.engine,
        bot: bot.botInfo.username,
      },
      'fanbridge started',
    );

    let stopping: Promise<void> | null = null;
    return {
      deps,
      bot,
      http,
      port,
      mode: config.webhook ? 'webhook' : 'polling',
      stop: () => (stopping ??= unwind()),
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}

/** Everyone on the team with their role and language (whose command menus are published at start). */
async function teamWithLocales(deps: Deps) {
  const team = await deps.services.hub.team();
  const locales = await deps.services.localesOf(team.map((m) => m.id));
  return team.map((m, i) => ({ ...m, locale: locales[i]!.locale }));
}

/** Waits between the attempts of an idempotent start-up call that failed on the network. */
const STARTUP_RETRY_DELAYS_MS = [250, 1000];

/**
 * A start-up call that is safe to repeat (getMe, setWebhook, deleteWebhook), retried when the request
 * failed on the network: a pooled keep-alive connection the server closed as it was reused fails once
 * and works at once on a fresh one. Auto-retry does not repeat network errors (for a send, a repeat
 * could post twice), so idempotent calls get their own short retry.
 */
async function idempotentCall<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const delay = STARTUP_RETRY_DELAYS_MS[attempt];
      if (!(err instanceof HttpError) || delay === undefined) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function initBot(bot: Bot<Context>, config: Config): Promise<void> {
  if (bot.isInited()) return;
  try {
    // Not bot.init(): it retries getMe forever on network errors; an operator needs an answer instead.
    bot.botInfo = await idempotentCall(() => bot.api.getMe());
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new StartupError(
        'BOT_TOKEN was rejected by Telegram (401 Unauthorized): copy the token again from @BotFather',
      );
    }
    if (err instanceof HttpError) {
      throw new StartupError(
        `cannot reach the Telegram Bot API at ${config.telegramApiRoot}: ${err.message}`,
      );
    }
    throw err;
  }
}

function listen(app: Hono, port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new StartupError(
              `PORT ${port} is already in use: stop the other process or set PORT to a free port`,
            )
          : err,
      );
    });
  });
}

/** Stops accepting connections and waits for in-flight requests (webhook updates) to finish. */
function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
