import { lockDataDir } from '../../src/db/lock.ts';

/**
 * A second process for the DATA_DIR lock tests: `node --import tsx lock-holder.ts <dir> [staleMs updateMs]`
 * takes the lock, prints "locked" and waits until it is killed. A lost lock prints "compromised".
 */
const [dir, stale, update] = process.argv.slice(2);
await lockDataDir(dir!, {
  ...(stale ? { staleMs: Number(stale) } : {}),
  ...(update ? { updateMs: Number(update) } : {}),
  onCompromised: () => process.stdout.write('compromised\n'),
});
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
