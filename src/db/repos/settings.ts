import type { SettingsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { settings } from '../schema/index.ts';

export function settingsRepo(db: DbOrTx): SettingsRepo {
  return {
    async all() {
      const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async set(key, value, by) {
      await db
        .insert(settings)
        .values({ key, value, updatedBy: by })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
    },
  };
}
