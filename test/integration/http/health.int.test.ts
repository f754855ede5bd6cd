import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.ts';
import { healthRoute } from '../../../src/http/routes/health.ts';
import { TEST_DATABASE_URL } from '../../support/db.ts';

describe('health route', () => {
  it('turns 503 with the reason while the database fails, and recovers', async () => {
    let down = false;
    const route = healthRoute({
      engine: 'test',
      startedAt: new Date(),
      ping: async () => {
        if (down) throw new Error('connection refused');
      },
    });
    expect((await route.request('/')).status).toBe(200);
    down = true;
    const res = await route.request('/');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unhealthy', reason: 'database: connection refused' });
    down = false;
    expect((await route.request('/')).status).toBe(200);
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
    const route = healthRoute({ engine: 'postgres', startedAt: new Date(), ping: () => database.ping() });
    try {
      expect((await route.request('/')).status).toBe(200);
      accepting = false;
      for (const s of sockets) s.destroy();
      const res = await route.request('/');
      expect(res.status).toBe(503);
      accepting = true;
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await route.request('/')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    } finally {
      await database.close().catch(() => {});
      await new Promise((r) => proxy.close(r));
    }
  });
});
