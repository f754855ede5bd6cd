import pg from 'pg';

/** The channel a settings change is announced on (`pg_notify`, delivered when its transaction commits). */
export const SETTINGS_CHANNEL = 'fanbridge_settings';

/**
 * Settings are read on every message; they change a few times a month. Each process keeps the stored
 * values in memory and drops them when any replica commits a change (PostgreSQL `NOTIFY`, which every
 * listening process hears within milliseconds), and after `ttlMs` in any case, so a missed notification
 * (a dropped listener connection) costs at most that long. A write drops this process's copy at once.
 */
export interface SettingsCache {
  /** The stored settings, from memory while fresh, else from `load` (kept unless a change raced it). */
  get(load: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>>;
  /**
   * Another stored value kept by the same rule (the admin groups set up with /setup): from memory while
   * fresh, dropped with the settings on any replica's change (its writer notifies on the same channel).
   */
  cached<T>(name: string, load: () => Promise<T>): Promise<T>;
  /** Forget the copy: the next read goes to the database. */
  invalidate(): void;
}

export const SETTINGS_TTL_MS = 5_000;

export function createSettingsCache(opts: { ttlMs?: number; now?: () => number } = {}): SettingsCache {
  const ttl = opts.ttlMs ?? SETTINGS_TTL_MS;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: unknown; at: number }>();
  // Bumped by every invalidation: a load that started before one must not be kept.
  let generation = 0;
  async function cached<T>(name: string, load: () => Promise<T>): Promise<T> {
    const hit = entries.get(name);
    if (hit && now() - hit.at < ttl) return hit.value as T;
    const started = generation;
    const at = now();
    const loaded = await load();
    if (started === generation) entries.set(name, { value: loaded, at });
    return loaded;
  }
  return {
    get: (load) => cached('settings', async () => Object.freeze(await load())),
    cached,
    invalidate() {
      generation++;
      entries.clear();
    },
  };
}

/**
 * Listens for settings changes on PostgreSQL on a connection of its own (a pool connection would be
 * given back and lose its LISTEN). A lost connection drops the copy and reconnects after a second; while
 * it is down, the expiry bounds how stale a value can be.
 */
export function listenForSettings(
  url: string,
  cache: SettingsCache,
  opts: { retryMs?: number } = {},
): { ready: Promise<void>; close(): Promise<void> } {
  let closed = false;
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  const connect = () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client = c;
    let retried = false;
    const retry = () => {
      cache.invalidate();
      // Serving does not wait for the listener: the expiry covers the time until it is back.
      markReady();
      if (retried || closed) return;
      retried = true;
      void c.end().catch(() => {});
      timer = setTimeout(connect, opts.retryMs ?? 1_000);
      timer.unref();
    };
    c.on('notification', (n) => {
      if (n.channel === SETTINGS_CHANNEL) cache.invalidate();
    });
    c.on('error', retry);
    c.on('end', retry);
    c.connect()
      .then(() => c.query(`listen ${SETTINGS_CHANNEL}`))
      // Anything committed while this connection was not listening: read it fresh.
      .then(() => {
        cache.invalidate();
        markReady();
      })
      .catch(retry);
  };
  connect();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
