import { Hono } from 'hono';
import type { Logger } from '../../logger.ts';

export interface HealthDeps {
  ping(): Promise<void>;
  engine: string;
  startedAt: Date;
}

export interface HealthOptions {
  /** How long a ping's result answers probes (default 1 s). */
  cacheMs?: number;
  /** A ping without an answer after this long counts as a failure (default 2 s). */
  timeoutMs?: number;
}

/**
 * 200 only when the database answers; 503 otherwise (load balancers read the code). Probes share one ping:
 * its result is reused for `cacheMs` and at most one is in flight, so a burst of probes costs one query,
 * and an outage shows within cacheMs + timeoutMs. The reason given is generic (a driver's error can name
 * hosts and users); the real error is logged once, when the state changes.
 */
export function healthRoute(deps: HealthDeps, logger: Logger, opts: HealthOptions = {}): Hono {
  const probe = createProbe(deps, logger, opts);
  return new Hono().get('/', async (c) => {
    if (await probe()) {
      return c.json({
        status: 'healthy',
        database: deps.engine,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      });
    }
    return c.json({ status: 'unhealthy', database: deps.engine, reason: 'database unavailable' }, 503);
  });
}

function createProbe(deps: HealthDeps, logger: Logger, opts: HealthOptions): () => Promise<boolean> {
  const cacheMs = opts.cacheMs ?? 1_000;
  const timeoutMs = opts.timeoutMs ?? 2_000;
  let last: { ok: boolean; at: number } | null = null;
  let inFlight: Promise<boolean> | null = null;

  const ping = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        deps.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (last?.ok === false) logger.info({ database: deps.engine }, 'health: the database answers again');
      return true;
    } catch (err) {
      if (last?.ok !== false)
        logger.error({ err, database: deps.engine }, 'health: the database does not answer');
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  return () => {
    if (last && Date.now() - last.at < cacheMs) return Promise.resolve(last.ok);
    inFlight ??= ping().then((ok) => {
      last = { ok, at: Date.now() };
      inFlight = null;
      return ok;
    });
    return inFlight;
  };
}
