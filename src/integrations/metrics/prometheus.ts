import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../../app/ports/index.ts';

/** What the scrape reads from the database when Prometheus asks (never on the request path). */
export interface ScrapeSources {
  outboxBacklog(): Promise<
    Array<{ priority: number; chatKind: 'private' | 'group'; pending: number; oldestSeconds: number }>
  >;
  jobQueues(): Promise<Array<{ queue: string; ready: number; deferred: number; active: number }>>;
  /** Webhook updates stored and not handled yet (none when polling). */
  inboundBacklog?(): Promise<number>;
}

/** A scrape's database reads give up after this long (the gauges are then left out, and counted). */
const SCRAPE_TIMEOUT_MS = 2_000;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scrape query took over ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface PrometheusMetrics {
  metrics: Metrics;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * Every metric of docs/OPERATIONS.md ("Metrics"), in a registry of its own (two apps in one process,
 * as in tests, never share counters). Counters count what this process did; the backlog and queue
 * gauges are read from the database at scrape time and are the same on every replica.
 */
export function createPrometheusMetrics(opts: { sources?: ScrapeSources; timeoutMs?: number } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fanbridge_' });
  const registers = [registry];
  const timeoutMs = opts.timeoutMs ?? SCRAPE_TIMEOUT_MS;

  const updates = new Counter({
    name: 'fanbridge_updates_total',
    help: 'Telegram updates handled, by update type and outcome (done, retry)',
    labelNames: ['type', 'outcome'] as const,
    registers,
  });
  const ack = new Histogram({
    name: 'fanbridge_webhook_ack_seconds',
    help: 'Time from receiving a Telegram webhook request to answering it, by HTTP status',
    labelNames: ['status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 9, 15],
    registers,
  });
  const relays = new Counter({
    name: 'fanbridge_relays_total',
    help: "Relayed messages delivered: in = a fan's into the team's topic, out = the team's reply to the fan",
    labelNames: ['direction'] as const,
    registers,
  });
  const sends = new Counter({
    name: 'fanbridge_telegram_calls_total',
    help: 'Bot API calls by method and result (ok, 429, 4xx, 5xx, network)',
    labelNames: ['method', 'result'] as const,
    registers,
  });
  const floods = new Counter({
    name: 'fanbridge_telegram_429_total',
    help: 'Flood-limit answers (429) from Telegram, by path (outbox, direct)',
    labelNames: ['path'] as const,
    registers,
  });
  const floodSeconds = new Counter({
    name: 'fanbridge_telegram_429_wait_seconds_total',
    help: 'Seconds of retry_after that 429s imposed on chats, by path',
    labelNames: ['path'] as const,
    registers,
  });
  const payments = new Counter({
    name: 'fanbridge_payments_total',
    help: 'Payments reaching a status (pending, paid, failed, refunded, partially_refunded), by rail (stars, stripe)',
    labelNames: ['rail', 'status'] as const,
    registers,
  });
  const ledger = new Counter({
    name: 'fanbridge_ledger_entries_total',
    help: 'Ledger entries written (committed), by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'fanbridge_errors_total',
    help: 'Errors by kind (update, request, outbox_send, scrape)',
    labelNames: ['kind'] as const,
    registers,
  });
  const claims = new Counter({
    name: 'fanbridge_outbox_claims_total',
    help: 'Claims of the outbox sender, by whether they took anything to send (items, nothing)',
    labelNames: ['took'] as const,
    registers,
  });
  const batches = new Histogram({
    name: 'fanbridge_fan_message_batch_size',
    help: "Fans' messages charged and queued per transaction, by outcome (alone, committed, failed: each then ran alone)",
    labelNames: ['outcome'] as const,
    buckets: [1, 2, 4, 8, 16, 32],
    registers,
  });

  if (opts.sources) {
    const sources = opts.sources;
    // Both backlog gauges of one scrape share one read.
    let backlog: { at: number; rows: ReturnType<ScrapeSources['outboxBacklog']> } | null = null;
    const backlogRows = () => {
      if (!backlog || Date.now() - backlog.at > 1_000)
        backlog = { at: Date.now(), rows: within(timeoutMs, sources.outboxBacklog()) };
      return backlog.rows;
    };
    new Gauge({
      name: 'fanbridge_outbox_backlog',
      help: 'Outbox items waiting or in flight, by priority class (1 first) and target chat kind',
      labelNames: ['class', 'chat_kind'] as const,
      registers,
      async collect() {
        this.reset();
        try {
          for (const r of await backlogRows())
            this.set({ class: String(r.priority), chat_kind: r.chatKind }, r.pending);
        } catch {
          errors.inc({ kind: 'scrape' });
        }
      },
    });
    new Gauge({
      name: 'fanbridge_outbox_oldest_seconds',
      help: 'Age of the oldest waiting outbox item, by priority class and target chat kind',
      labelNames: ['class', 'chat_kind'] as const,
      registers,
      async collect() {
        this.reset();
        try {
          for (const r of await backlogRows())
            this.set({ class: String(r.priority), chat_kind: r.chatKind }, r.oldestSeconds);
        } catch {
          // Counted once, by the backlog gauge.
        }
      },
    });
    const inbound = sources.inboundBacklog ? () => sources.inboundBacklog!() : null;
    if (inbound)
      new Gauge({
        name: 'fanbridge_inbound_updates',
        help: 'Webhook updates stored and not handled yet (answered to Telegram, waiting for or in the drainer)',
        registers,
        async collect() {
          this.reset();
          try {
            this.set(await within(timeoutMs, inbound()));
          } catch {
            errors.inc({ kind: 'scrape' });
          }
        },
      });
    new Gauge({
      name: 'fanbridge_job_queue_depth',
      help: 'pg-boss jobs by queue and state (ready, deferred, active)',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        try {
          for (const q of await within(timeoutMs, sources.jobQueues())) {
            this.set({ queue: q.queue, state: 'ready' }, q.ready);
            this.set({ queue: q.queue, state: 'deferred' }, q.deferred);
            this.set({ queue: q.queue, state: 'active' }, q.active);
          }
        } catch {
          errors.inc({ kind: 'scrape' });
        }
      },
    });
  }

  const metrics: Metrics = {
    update: (type, outcome) => updates.inc({ type, outcome }),
    webhookAck: (seconds, status) => ack.observe({ status: String(status) }, seconds),
    relay: (direction) => relays.inc({ direction }),
    send: (method, result) => sends.inc({ method, result }),
    tooManyRequests: (path, seconds) => {
      floods.inc({ path });
      floodSeconds.inc({ path }, seconds);
    },
    payment: (rail, status) => payments.inc({ rail, status }),
    ledgerEntry: (reason) => ledger.inc({ reason }),
    error: (kind) => errors.inc({ kind }),
    outboxClaim: (took) => claims.inc({ took }),
    fanMessageBatch: (outcome, size) => batches.observe({ outcome }, size),
  };

  return {
    metrics,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  } satisfies PrometheusMetrics;
}
