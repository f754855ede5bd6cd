import { lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLockOptions {
  /** A lock whose heartbeat is older than this is abandoned (its process died) and taken over. */
  staleMs?: number;
  /** How often the holder refreshes the heartbeat (at most staleMs / 2). */
  updateMs?: number;
  /**
   * The lock was lost while held (the heartbeat could not be written in time, or the lock directory was
   * removed or taken by another process): the holder must stop writing at once.
   */
  onCompromised: (err: Error) => void;
}

export const LOCK_STALE_MS = 10_000;
export const LOCK_UPDATE_MS = 2_000;

/** Directories this process holds: a second PGlite on the same directory would lose writes too. */
const held = new Set<string>();

/**
 * Takes an exclusive lock on DATA_DIR for the embedded database. Two processes opening the same PGlite
 * directory silently lose each other's writes, so a second one (a CLI run while the bot runs) must
 * stop instead. Resolves to the release function (also run on exit by proper-lockfile).
 *
 * The lock is a directory (`fanbridge.lock`, made with an atomic mkdir) whose mtime the holder refreshes
 * every `updateMs`: liveness is that heartbeat, not a pid, which a container restart hands out again
 * (pid 1 every time). A lock found held is watched: a heartbeat that moves means a live holder, refused
 * at once; one that stays still until `staleMs` was left by a dead process (SIGKILL, OOM) and is taken over.
 */
export async function lockDataDir(dataDir: string, opts: DataDirLockOptions): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  if (held.has(dir)) throw new DataDirLockedError(`DATA_DIR ${dataDir} is already open in this process`);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'fanbridge.lock');
  removeLegacyPidFile(lockPath);
  const staleMs = opts.staleMs ?? LOCK_STALE_MS;
  const updateMs = Math.min(opts.updateMs ?? LOCK_UPDATE_MS, staleMs / 2);
  const deadline = Date.now() + staleMs + 2 * updateMs;
  let firstBeat: number | null = null;
  for (;;) {
    try {
      const release = await lock(dir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleMs,
        update: updateMs,
        onCompromised: (err) => {
          held.delete(dir);
          opts.onCompromised(err);
        },
      });
      held.add(dir);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        held.delete(dir);
        // ERELEASED: it was compromised, and is no longer ours to remove.
        await release().catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      const beat = heartbeat(lockPath);
      firstBeat ??= beat;
      if ((beat !== null && beat !== firstBeat) || Date.now() > deadline) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} is in use by another fanbridge process; stop it first, or set DATABASE_URL to share a PostgreSQL database between processes`,
        );
      }
      await sleep(Math.min(250, updateMs / 4));
    }
  }
}

function heartbeat(lockPath: string): number | null {
  try {
    return statSync(lockPath).mtimeMs;
  } catch {
    return null; // released meanwhile: the next attempt takes it
  }
}

/**
 * Versions before the heartbeat wrote a regular file holding a pid. A pid proves nothing after a
 * restart (it is reused), and such a file cannot be refreshed, so it is dropped.
 */
function removeLegacyPidFile(lockPath: string): void {
  try {
    if (lstatSync(lockPath).isFile()) unlinkSync(lockPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
