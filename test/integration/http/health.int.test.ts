import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.ts';
import { healthRoute, type HealthDeps } from '../../../src/http/routes/health.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, TEST_DATABASE_URL } from '../../support/db.ts';

/** A logger whose lines the test reads. */
function captureLogger() {
  const lines: Array<Record<string, any>> = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (s: string) => void lines.push(JSON.parse(s)) },
  });
  return { logger, lines };
}

/** Probes until the status is `status`; returns how long it took (ms). */
async function until(route: ReturnType<typeof healthRoute>, status: number, limitMs = 5_000) {
  const start = Date.now();
  for (;;) {
    const res = await route.request('/');
    if (res.status === status)
      return { ms: Date.now() - start, body: (await res.json()) as Record<string, any> };
    if (Date.now() - start > limitMs) throw new Error(`no ${status} within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('health route', () => {
  it('turns 503 with a generic reason while the database fails, logs each change once, and recovers', async () => {
    let down = false;
    const { logger, lines } = captureLogger();
    const route = healthRoute(
      {
        engine: 'test',
        startedAt: new Date(),
        ping: async () => {
          if (down) throw new Error('connect ECONNREFUSED db-7.internal.example:5432 for user fanbridge_app');
        },
      },
      logger,
      { cacheMs: 200 },
    );
    expect((await route.request('/')).status).toBe(200);
    down = true;
    const failed = await until(route, 503);
    expect(failed.body).toEqual({ status: 'unhealthy', database: 'test', reason: 'database unavailable' });
    expect(JSON.stringify(failed.body)).not.toMatch(/internal|ECONNREFUSED|fanbridge_app/);
    await until(route, 503); // still down: nothing new logged
    await new Promise((r) => setTimeout(r, 300));
    await until(route, 503);
    down = false;
    const healthy = await until(route, 200);
    expect(healthy.body).toMatchObject({
      status: 'healthy',
      database: 'test',
      uptimeSeconds: expect.any(Number),
    });
    // The operator gets the real error, once per change of state.
    expect(lines.map((l) => [l.level, l.err?.message])).toEqual([
      [50, 'connect ECONNREFUSED db-7.internal.example:5432 for user fanbridge_app'],
      [30, undefined],
    ]);
  });

  it('answers a burst of probes with one ping, and reuses it for a moment', async () => {
    let pings = 0;
    const deps: HealthDeps = {
      engine: 'test',
      startedAt: new Date(),
      ping: async () => {
        pings++;
        await new Promise((r) => setTimeout(r, 100));
      },
    };
    const route = healthRoute(deps, captureLogger().logger, { cacheMs: 1_000 });
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async () => (await route.request('/')).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(pings).toBe(1);
    await Promise.all(Array.from({ length: 20 }, async () => route.request('/')));
    expect(pings).toBe(1);
  });

  it('turns 503 within seconds when the database is closed', async () => {
    const db = await createTestDatabase({ migrate: false });
    const route = healthRoute(
      { engine: db.database.engine, startedAt: new Date(), ping: () => db.database.ping() },
      captureLogger().logger,
    );
    try {
      expect((await route.request('/')).status).toBe(200);
      await db.database.close();
      const { ms } = await until(route, 503);
      expect(ms).toBeLessThan(3_000);
    } finally {
      await db.dispose().catch(() => {});
    }
  });

  it('turns 503 within seconds when the database stops answering', async () => {
    let hang = false;
    const route = healthRoute(
      {
        engine: 'test',
        startedAt: new Date(),
        ping: () => (hang ? new Promise<void>(() => {}) : Promise.resolve()),
      },
      captureLogger().logger,
    );
    expect((await route.request('/')).status).toBe(200);
    hang = true;
    const { ms } = await until(route, 503);
    // At most the cached answer's age (1 s) plus the ping's timeout (2 s).
    expect(ms).toBeLessThan(3_500);
  });

  // A real outage: a TCP proxy between the app's pool and PostgreSQL is cut, then restored.
  it.skipIf(!TEST_DATABASE_URL)('postgres-only: a real connection loss gives 503 and recovers', async () => {
    const target = new URL(TEST_DATABASE_URL!);
    const sockets = new Set<Socket>();
    let accepting = true;
    const proxy: Server = createServer((client) => {
      if (!accepting) return client.destroy();
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop);
      upstream.on('error', drop);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    const url = new URL(TEST_DATABASE_URL!);
    url.host = `127.0.0.1:${port}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 2 });
    const route = healthRoute(
      { engine: 'postgres', startedAt: new Date(), ping: () => database.ping() },
      captureLogger().logger,
    );
    try {
      expect((await route.request('/')).status).toBe(200);
      accepting = false;
      for (const s of sockets) s.destroy();
      const { ms, body } = await until(route, 503);
      expect(ms).toBeLessThan(3_000);
      expect(body.reason).toBe('database unavailable');
      accepting = true;
      await until(route, 200);
    } finally {
      await database.close().catch(() => {});
      await new Promise((r) => proxy.close(r));
    }
  });
});
