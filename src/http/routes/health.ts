import { Hono } from 'hono';

export interface HealthDeps {
  ping(): Promise<void>;
  engine: string;
  startedAt: Date;
}

const PING_TIMEOUT_MS = 2_000;

/** 200 only when the database answers; 503 with the reason otherwise (load balancers read the code). */
export function healthRoute(deps: HealthDeps): Hono {
  return new Hono().get('/', async (c) => {
    try {
      await Promise.race([
        deps.ping(),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
            PING_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      return c.json({
        status: 'healthy',
        database: deps.engine,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      });
    } catch (err) {
      return c.json(
        { status: 'unhealthy', database: deps.engine, reason: `database: ${(err as Error).message}` },
        503,
      );
    }
  });
}
