/**
 * Rows turned into columns, for a statement over arrays (`unnest($1::int[], $2::text[], …)`): each key's
 * values in the rows' order. At least one row: an empty list has no keys to give.
 */
export function columns<R extends Record<string, unknown>>(rows: readonly R[]): { [K in keyof R]: R[K][] } {
  if (rows.length === 0) throw new Error('columns: no rows');
  const out = {} as { [K in keyof R]: R[K][] };
  for (const key of Object.keys(rows[0]!) as (keyof R)[]) out[key] = rows.map((r) => r[key]);
  return out;
}
