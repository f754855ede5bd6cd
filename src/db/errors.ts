/** What PostgreSQL said went wrong (node-postgres's error, under drizzle's wrapper if there is one). */
interface PgError {
  code?: unknown;
  constraint?: unknown;
}

function pgErrorOf(err: unknown): PgError | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof (e as PgError).code === 'string') return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** A unique index refused the write (`23505`); with `constraint`, only that index's refusal counts. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * The database refused the statement's data (SQLSTATE class 22, data exception, or 23, integrity
 * constraint), as opposed to not answering or failing for a reason of its own.
 */
export function isDataRefusal(err: unknown): boolean {
  const code = pgErrorOf(err)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
