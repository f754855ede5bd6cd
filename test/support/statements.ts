import pg from 'pg';

/**
 * The statements node-postgres sends (on either engine: PGlite is reached through node-postgres too,
 * db/embedded-connection.ts) while `fn` runs, by their text; `begin`, `commit` and `rollback` left out.
 * Statements of other work running meanwhile are counted too: call it where nothing else runs.
 */
export async function statementsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
  // Each statement is a Query submitted to its connection (clients' own `query` is wrapped per
  // connection, db/client.ts, so the prototype's is not where to look).
  const proto = pg.Query.prototype as unknown as { submit: (...args: unknown[]) => unknown; text?: string };
  const original = proto.submit;
  const texts: string[] = [];
  proto.submit = function (this: { text?: string }, ...args: unknown[]) {
    // A transaction's `begin` may go out with its first statement (db/client.ts): that one counts.
    const text = (this.text ?? '').replace(/^\s*begin;\s*/i, '');
    if (text !== '' && !/^\s*(begin|commit|rollback)\b/i.test(text)) texts.push(text);
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), texts };
  } finally {
    proto.submit = original;
  }
}
