import { sql } from 'drizzle-orm';
import type { SettingsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { settings } from '../schema/index.ts';
import { SETTINGS_CHANNEL, type SettingsCache } from '../settings-cache.ts';

/**
 * Settings through the process's cache (`cache` absent: straight from the database). A write announces
 * itself to every replica with `pg_notify`, delivered when its transaction commits, and drops this
 * process's copy at once.
 */
export function settingsRepo(db: DbOrTx, cache?: SettingsCache): SettingsRepo {
  const load = async () => {
    const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  };
  return {
    all: () => (cache ? cache.get(load) : load()),
    async set(key, value, by) {
      await db
        .insert(settings)
        .values({ key, value, updatedBy: by })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
      await db.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, ${key})`);
      cache?.invalidate();
    },
  };
}
