import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.ts';
import { embeddedPgPool } from '../../../src/db/embedded-connection.ts';

/**
 * node-postgres's connection to the embedded engine (db/embedded-connection.ts): one engine call per
 * statement, errors and notifications as from a server.
 */
let database: Extract<Database, { engine: 'pglite' }>;
beforeAll(async () => {
  const opened = await openDatabase({ databaseUrl: null, dataDir: null });
  if (opened.engine !== 'pglite') throw new Error('expected the embedded engine');
  database = opened;
  await database.pool.query('create table if not exists conn_t (id int primary key, note text)');
});
afterAll(async () => {
  await database.close();
});

describe('the embedded connection', () => {
  it('sends a prepared statement to the engine in one call, and reads its rows and types', async () => {
    await database.pool.query('select $1::int as warm', [1]);
    const calls = vi.spyOn(database.pglite, 'execProtocolRawStream');
    try {
      const res = await database.pool.query(
        'select $1::int as n, $2::text as s, $3::jsonb as j, null::text as nothing, now() as at',
        [7, 'héllo ✓', JSON.stringify({ a: [1, 2] })],
      );
      expect(calls).toHaveBeenCalledTimes(1);
      expect(res.rows).toEqual([
        { n: 7, s: 'héllo ✓', j: { a: [1, 2] }, nothing: null, at: expect.any(Date) },
      ]);
      expect(res.fields.map((f) => f.name)).toEqual(['n', 's', 'j', 'nothing', 'at']);
    } finally {
      calls.mockRestore();
    }
  });

  it('reads replies larger than one engine write: many rows, and fields of megabytes', async () => {
    const many = await database.pool.query(
      'select g, md5(g::text) as h from generate_series(1, $1::int) g',
      [20_000],
    );
    expect(many.rows).toHaveLength(20_000);
    expect(many.rows[19_999]).toEqual({ g: 20_000, h: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const big = await database.pool.query("select repeat('é', $1::int) as big, 2 as after", [1_500_000]);
    expect(big.rows[0].big).toHaveLength(1_500_000);
    expect(big.rows[0].big.slice(-3)).toBe('ééé');
    expect(big.rows[0].after).toBe(2);
    // The connection reads the next reply from its start.
    expect((await database.pool.query('select $1::text as t', ['next'])).rows).toEqual([{ t: 'next' }]);
  });

  it('a failing statement rejects with the server error; the connection and a transaction go on', async () => {
    await database.pool.query('insert into conn_t values (1, $1)', ['first']);
    await expect(database.pool.query('insert into conn_t values (1, $1)', ['again'])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into conn_t values (2, 'in a transaction')`);
        await tx.execute(sql`insert into conn_t values (1, 'clash')`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    const rows = await database.pool.query('select id, note from conn_t order by id');
    expect(rows.rows).toEqual([{ id: 1, note: 'first' }]);
  });

  it("hands the notifications in its replies to the pool's listener", async () => {
    const heard: string[] = [];
    const pool = embeddedPgPool(database.pglite, { max: 1 }, ({ channel, payload }) =>
      heard.push(`${channel}:${payload}`),
    );
    try {
      await pool.query('listen conn_test');
      await pool.query('select pg_notify($1, $2)', ['conn_test', 'hello']);
      await pool.query('begin');
      await pool.query("notify conn_test, 'after commit'");
      expect(heard).toEqual(['conn_test:hello']);
      await pool.query('commit');
      expect(heard).toEqual(['conn_test:hello', 'conn_test:after commit']);
      await pool.query('unlisten conn_test');
    } finally {
      await pool.end();
    }
  });

  it('a connection made after another was dropped prepares its statements again without a clash', async () => {
    const before = await database.pool.connect();
    await before.query('select $1::int + 1 as n', [1]);
    before.release(true); // dropped: the pool makes a new client with a new connection
    const after = await database.pool.connect();
    try {
      expect(after).not.toBe(before);
      expect((await after.query('select $1::int + 1 as n', [2])).rows).toEqual([{ n: 3 }]);
    } finally {
      after.release();
    }
  });
});
