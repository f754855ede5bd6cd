import pg from 'pg';
import type { Database } from './client.ts';

// Any fixed number (distinct from the migration and /claim keys): one poller per database.
const POLLER_LOCK_KEY = 72_917_302;

/** Another process polls Telegram for this bot with the same database. */
export class PollerLockedError extends Error {
  override name = 'PollerLockedError';
}

export interface PollerLock {
  release(): Promise<void>;
}

/**
 * Long polling by two processes makes Telegram answer 409 Conflict to one of them, and each update goes
 * to whichever asked: on PostgreSQL the poller holds a session advisory lock, on a connection of its own
 * for the whole life of the process, and a second poller on the same database refuses to start. A lost
 * connection ends the lock with it: `onLost` is told (the process stops rather than poll unlocked).
 * The embedded database needs none: its DATA_DIR lock already admits one process.
 */
export async function acquirePollerLock(
  database: Database,
  onLost: (err: Error) => void,
): Promise<PollerLock | null> {
  if (database.engine !== 'postgres') return null;
  const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 5_000 });
  let releasing = false;
  client.on('error', (err) => {
    if (!releasing) onLost(err);
  });
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
    POLLER_LOCK_KEY,
  ]);
  if (!rows[0]?.ok) {
    releasing = true;
    await client.end().catch(() => {});
    throw new PollerLockedError(
      'another fanbridge process is already polling Telegram with this database (long polling admits one ' +
        'process per bot; Telegram would answer 409 Conflict): stop it first, or run every replica in ' +
        'webhook mode (set WEBHOOK_URL and WEBHOOK_SECRET)',
    );
  }
  client.on('end', () => {
    if (!releasing) onLost(new Error('the connection holding the poller lock closed'));
  });
  return {
    async release() {
      if (releasing) return;
      releasing = true;
      // Ending the session releases its advisory locks.
      await client.end().catch(() => {});
    },
  };
}
