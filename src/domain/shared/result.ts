/**
 * Flat result values: `{ ok: true, ...value }` or `{ ok: false, code, ...details }`.
 *
 * Flat rather than `{ ok, value }` / `{ ok, error }` because adapters switch on `code` and read the
 * details directly (`{ ok: false, code: 'insufficient_credits', needed }`, STYLE.md §4).
 */
export type Ok<T extends object = object> = { ok: true } & T;

/** A failure; `code` is a stable identifier (see {@link DomainError}). */
export type Err<E extends { code: string }> = { ok: false } & E;

/** Either a success carrying `T`'s fields or a failure carrying `E`'s fields. */
export type Result<T extends object, E extends { code: string }> = Ok<T> | Err<E>;

/** Builds a success: `ok({ balanceAfter: 5 })` → `{ ok: true, balanceAfter: 5 }`. */
export function ok<T extends object>(value: T): Ok<T> {
  return { ...value, ok: true };
}

/**
 * Builds a failure: `err({ code: 'banned' })` → `{ ok: false, code: 'banned' }`.
 * The `const` type parameter keeps `code` as its literal type, so results stay discriminable.
 */
export function err<const E extends { code: string }>(error: E): Err<E> {
  return { ...error, ok: false };
}
