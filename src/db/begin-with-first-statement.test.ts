import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { beginWithFirstStatement } from './client.ts';

/** A connection that records what reaches it and answers every statement with one row naming it. */
function recordingClient() {
  const sent: Array<{ text: string; values: unknown }> = [];
  const client = {
    query(config: unknown, valuesOrCallback?: unknown, cb?: unknown) {
      const [values, callback] =
        typeof valuesOrCallback === 'function' ? [undefined, valuesOrCallback] : [valuesOrCallback, cb];
      const text = typeof config === 'string' ? config : (config as { text: string }).text;
      sent.push({ text, values });
      const result = (t: string) => ({ command: t.split(' ')[0]!.toUpperCase(), rows: [{ text: t }] });
      const parts = text.split('; ');
      const answer = parts.length > 1 ? parts.map(result) : result(text);
      if (typeof callback === 'function') {
        (callback as (e: null, r: unknown) => void)(null, answer);
        return undefined;
      }
      return Promise.resolve(answer);
    },
  };
  beginWithFirstStatement(client as unknown as pg.PoolClient);
  // The wrapper replaced the method: call it through the object, as node-postgres's callers do.
  const q = (config: unknown, values?: unknown, callback?: unknown) =>
    (client.query as (this: void, c: unknown, v?: unknown, cb?: unknown) => Promise<any>)(
      config,
      values,
      callback,
    );
  return { sent, q };
}

describe('begin goes out with the transaction’s first statement', () => {
  it('one round trip for begin and a statement without parameters; its own answer comes back', async () => {
    const { sent, q } = recordingClient();
    expect((await q({ text: 'begin' }, [])).command).toBe('BEGIN');
    expect(sent).toEqual([]);
    const claimed = await q(
      { text: 'insert into processed_updates (update_id) values (7) returning update_id' },
      [],
    );
    expect(claimed.rows).toEqual([
      { text: 'insert into processed_updates (update_id) values (7) returning update_id' },
    ]);
    await q({ text: 'commit' }, []);
    expect(sent.map((s) => s.text)).toEqual([
      'begin; insert into processed_updates (update_id) values (7) returning update_id',
      'commit',
    ]);
  });

  it('alone, first, before a statement with parameters (which stays as it was)', async () => {
    const { sent, q } = recordingClient();
    await q('begin');
    await q({ text: 'select $1', name: 'x' }, [1]);
    await q({ text: 'rollback' }, []);
    expect(sent).toEqual([
      { text: 'begin', values: undefined },
      { text: 'select $1', values: [1] },
      { text: 'rollback', values: [] },
    ]);
  });

  it('a transaction that ran nothing sends neither its begin nor its commit or rollback', async () => {
    const { sent, q } = recordingClient();
    await q({ text: 'begin' }, []);
    expect((await q({ text: 'commit' }, [])).command).toBe('COMMIT');
    await q({ text: 'begin' }, []);
    await q({ text: 'rollback' }, []);
    expect(sent).toEqual([]);
  });

  it('callback-style calls and other begins (pg-boss’s, a migration’s) pass as they are, after a waiting begin', async () => {
    const { sent, q } = recordingClient();
    await q('BEGIN');
    await q({ text: 'begin' }, []);
    const answered = await new Promise((resolve) => {
      void q('select 1', (_e: unknown, r: unknown) => resolve(r));
    });
    expect(answered).toEqual({ command: 'SELECT', rows: [{ text: 'select 1' }] });
    await q({ text: 'commit' }, []);
    expect(sent.map((s) => s.text)).toEqual(['BEGIN', 'begin', 'select 1', 'commit']);
  });

  it('a named or row-mode statement without parameters is not joined (its answer’s shape is the caller’s)', async () => {
    const { sent, q } = recordingClient();
    await q({ text: 'begin' }, []);
    await q({ text: 'select 1', rowMode: 'array' }, []);
    await q({ text: 'commit' }, []);
    expect(sent.map((s) => s.text)).toEqual(['begin', 'select 1', 'commit']);
  });
});
