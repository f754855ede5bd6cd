import type { Clock } from '../../domain/shared/index.ts';
import type { RecordedError, UnitOfWork } from '../ports/index.ts';

/** How many errors are kept (the System screen shows them all). */
export const ERRORS_KEPT = 20;
/** A stored message is cut here (after scrubbing). */
export const ERROR_MESSAGE_MAX = 300;
const KIND_MAX = 60;

export interface ErrorLogDeps {
  uow: UnitOfWork;
  clock: Clock;
  /**
   * Removes secrets from a text: the configured ones (bot token, Stripe keys, database password) and
   * anything that looks like a token or a key (logging/redact.ts, wired by the composition root).
   */
  scrub?: ((text: string) => string) | undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const cutTo = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The newest errors the update lifecycle caught, for the System screen and the dashboard: each one is
 * scrubbed of secrets, then cut, before it is stored, and each write prunes all but the newest 20.
 * Recording never throws: an error log that fails must not turn one error into two.
 */
export function createErrorLog(deps: ErrorLogDeps) {
  const scrub = deps.scrub ?? ((s: string) => s);
  return {
    async record(e: { kind: string; message: string; updateId: number | null }): Promise<boolean> {
      try {
        await deps.uow.repos.errorLog.add(
          {
            at: deps.clock.now(),
            kind: cutTo(oneLine(scrub(e.kind)), KIND_MAX) || 'error',
            // Scrubbed whole first: a cut must not leave half a token that no pattern recognises.
            message: cutTo(oneLine(scrub(e.message)), ERROR_MESSAGE_MAX),
            updateId: e.updateId,
          },
          ERRORS_KEPT,
        );
        return true;
      } catch {
        return false;
      }
    },
    /** The newest first (at most 20). */
    recent: (limit = ERRORS_KEPT): Promise<RecordedError[]> =>
      deps.uow.repos.errorLog.recent(Math.min(limit, ERRORS_KEPT)),
  };
}
