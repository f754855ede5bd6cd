import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Database, type Tx } from './client.ts';

/**
 * One logical export of everything fanbridge keeps (the `public` schema), the same on both engines: how
 * an install is backed up as a file and how it moves from the embedded database to PostgreSQL.
 *
 * The file is gzipped JSON Lines:
 *   {"@export":"fanbridge","format":1,"migrations":N,"lastMigration":T,"engine":…,"createdAt":…}
 *   {"@table":"users","columns":[…]}
 *   {…one row, as PostgreSQL's own jsonb text of the row…}
 *   …
 *   {"@end":true,"tables":K,"rows":R}
 * Rows are written as PostgreSQL renders them (`to_jsonb(row)::text`) and read back by PostgreSQL
 * (`jsonb_populate_recordset`): no value passes through a JavaScript number, so bigints, numerics and
 * timestamps round-trip exactly. The export reads one snapshot (a repeatable-read transaction); the job
 * queue (pg-boss's own schema) is not part of it: its jobs are re-created by the running bot.
 */

export const EXPORT_FORMAT = 1;
/** Rows fetched and inserted per round trip. */
const BATCH = 500;

export interface ExportHeader {
  '@export': 'fanbridge';
  format: number;
  /** Migrations applied to the exporting database (an import needs the same). */
  migrations: number;
  lastMigration: string | null;
  engine: Database['engine'];
  createdAt: string;
}

export interface ExportSummary {
  tables: number;
  rows: number;
  /** Rows per table, in the file's order. */
  perTable: Array<{ table: string; rows: number }>;
}

export class ExportFormatError extends Error {
  override name = 'ExportFormatError';
}

/** An export is already being written by this process. */
export class ExportBusyError extends Error {
  override name = 'ExportBusyError';
  constructor() {
    super('an export is already running');
  }
}

/** What refuses an import before anything is written. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

type Row = Record<string, unknown>;
const rowsOf = (res: unknown): Row[] => (res as { rows: Row[] }).rows;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the `public` schema, parents before the tables that reference them. */
async function tablesInOrder(tx: Tx): Promise<string[]> {
  const tables = rowsOf(
    await tx.execute(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`),
  ).map((r) => String(r.name));
  const edges = rowsOf(
    await tx.execute(sql`
      select child.relname as child, parent.relname as parent from pg_constraint k
      join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
      join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and child.oid <> parent.oid`),
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(String(e.child))?.add(String(e.parent));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** Columns a row can be written to (generated ones are computed again), in table order. */
async function columnsOf(tx: Tx, table: string): Promise<{ all: string[]; writable: string[] }> {
  const rows = rowsOf(
    await tx.execute(sql`
      select a.attname as name, a.attgenerated as generated from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
      order by a.attnum`),
  );
  return {
    all: rows.map((r) => String(r.name)),
    writable: rows.filter((r) => !r.generated).map((r) => String(r.name)),
  };
}

async function migrationState(tx: Tx): Promise<{ migrations: number; lastMigration: string | null }> {
  const [row] = rowsOf(
    await tx.execute(
      sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    ),
  );
  return { migrations: Number(row?.n ?? 0), lastMigration: (row?.last as string | null) ?? null };
}

/** Runs `fn` in one transaction on either engine (a repeatable-read snapshot where the engine has it). */
async function inTransaction<T>(database: Database, fn: (tx: Tx) => Promise<T>, readOnly: boolean) {
  return database.db.transaction(async (tx) => {
    if (readOnly) await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    return fn(tx);
  });
}

/** Writes the whole export to `out` (gzipped JSON Lines). The stream is ended when done. */
export async function exportDatabase(database: Database, out: Writable): Promise<ExportSummary> {
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  const write = (line: string) =>
    gzip.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', r));
  try {
    const summary = await inTransaction(
      database,
      async (tx) => {
        const header: ExportHeader = {
          '@export': 'fanbridge',
          format: EXPORT_FORMAT,
          ...(await migrationState(tx)),
          engine: database.engine,
          createdAt: new Date().toISOString(),
        };
        await write(JSON.stringify(header));
        const perTable: ExportSummary['perTable'] = [];
        for (const table of await tablesInOrder(tx)) {
          const { all } = await columnsOf(tx, table);
          await write(JSON.stringify({ '@table': table, columns: all }));
          let rows = 0;
          // A cursor keeps memory flat whatever the table's size (both engines support one in a transaction).
          await tx.execute(
            sql.raw(
              `declare fb_export no scroll cursor for select to_jsonb(t)::text as r from ${ident(table)} t`,
            ),
          );
          for (;;) {
            const batch = rowsOf(await tx.execute(sql.raw(`fetch ${BATCH} from fb_export`)));
            for (const r of batch) await write(String(r.r));
            rows += batch.length;
            if (batch.length < BATCH) break;
          }
          await tx.execute(sql.raw('close fb_export'));
          perTable.push({ table, rows });
        }
        const total = perTable.reduce((n, t) => n + t.rows, 0);
        await write(JSON.stringify({ '@end': true, tables: perTable.length, rows: total }));
        return { tables: perTable.length, rows: total, perTable };
      },
      true,
    );
    gzip.end();
    await done;
    return summary;
  } catch (err) {
    gzip.destroy(err as Error);
    await done.catch(() => {});
    throw err;
  }
}

/** Writes the export to a file. */
export async function exportToFile(database: Database, path: string): Promise<ExportSummary> {
  return exportDatabase(database, createWriteStream(path));
}

/** The export as one buffer (small installs: the control center sends it as a document). */
export async function exportToBuffer(database: Database): Promise<{ data: Buffer; summary: ExportSummary }> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const summary = await exportDatabase(database, sink);
  return { data: Buffer.concat(chunks), summary };
}

export interface ImportOptions {
  /** Empty the target's tables first (otherwise a target holding any row is refused). */
  replace?: boolean;
  /** With `replace`: even when a bot handled an update there in the last `LIVE_WINDOW_MS`. */
  force?: boolean;
}

/** A target that handled a Telegram update this recently is taken to have a bot running on it. */
export const LIVE_WINDOW_MS = 5 * 60_000;

/**
 * Reads an export into `database` (migrated to the same version) in one transaction: all of it or
 * nothing. The target must be empty unless `replace`; the export must be complete (its end line) and
 * from the same schema version. Triggers that keep derived counts are off while rows go in (the counts
 * are rows of the export too), and every sequence continues after the highest imported id.
 */
export async function importDatabase(
  database: Database,
  input: Readable,
  opts: ImportOptions = {},
): Promise<ExportSummary> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await it.next();
    return r.done ? null : r.value;
  };
  const first = await next().catch((err: unknown) => {
    throw new ExportFormatError(`not a fanbridge export (${(err as Error).message})`);
  });
  const header = parseMarker(first, '@export') as ExportHeader | null;
  if (!header || header['@export'] !== 'fanbridge')
    throw new ExportFormatError('not a fanbridge export: the first line is not its header');
  if (header.format !== EXPORT_FORMAT)
    throw new ExportFormatError(
      `export format ${header.format} is not supported (this version reads ${EXPORT_FORMAT})`,
    );

  try {
    return await inTransaction(
      database,
      async (tx) => {
        const state = await migrationState(tx);
        if (state.migrations !== header.migrations)
          throw new ImportRefusedError(
            `the export was made at schema version ${header.migrations} and this database is at ${state.migrations}: import with the same fanbridge version that exported it (then upgrade)`,
          );
        const tables = await tablesInOrder(tx);
        // Triggers (append-only guards, derived counts) are off while rows go in: the counts are rows of
        // the export too. `disable trigger user` leaves foreign keys checked.
        for (const t of tables) await tx.execute(sql.raw(`alter table ${ident(t)} disable trigger user`));
        if (opts.replace) {
          // Replacing the data under a running bot would hand out ids it already used: refuse.
          const [live] = rowsOf(
            await tx.execute(
              sql`select extract(epoch from now() - max(processed_at))::float as age from processed_updates`,
            ),
          );
          const age = live?.age === null || live?.age === undefined ? null : Number(live.age);
          if (!opts.force && age !== null && age * 1000 < LIVE_WINDOW_MS)
            throw new ImportRefusedError(
              `a bot handled an update on this database ${Math.round(age)} s ago: stop it before replacing its data (or pass --force)`,
            );
          if (tables.length > 0)
            await tx.execute(sql.raw(`truncate ${tables.map(ident).join(', ')} restart identity cascade`));
        } else {
          const busy: string[] = [];
          for (const t of tables) {
            const [r] = rowsOf(await tx.execute(sql.raw(`select exists (select 1 from ${ident(t)}) as x`)));
            if (r?.x === true) busy.push(t);
          }
          if (busy.length > 0)
            throw new ImportRefusedError(
              `the target database already holds data (in ${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ', …' : ''}): import into a fresh database, or pass --replace to empty it first`,
            );
        }
        const known = new Set(tables);
        const perTable: ExportSummary['perTable'] = [];
        let table: string | null = null;
        let writable: string[] = [];
        let batch: string[] = [];
        let count = 0;
        const flush = async () => {
          if (!table || batch.length === 0) return;
          const cols = writable.map(ident).join(', ');
          await tx.execute(
            sql`${sql.raw(`insert into ${ident(table)} (${cols}) overriding system value select ${cols} from jsonb_populate_recordset(null::${ident(table)}, `)}${`[${batch.join(',')}]`}::jsonb)`,
          );
          count += batch.length;
          batch = [];
        };
        const endTable = async () => {
          await flush();
          if (table) perTable.push({ table, rows: count });
        };
        for (;;) {
          const line = await next();
          if (line === null) throw new ExportFormatError('the export is cut short: its end line is missing');
          if (line.startsWith('{"@')) {
            const marker = JSON.parse(line) as Record<string, unknown>;
            if (marker['@end'] === true) {
              await endTable();
              const rows = perTable.reduce((n, t) => n + t.rows, 0);
              if (marker.rows !== rows || marker.tables !== perTable.length)
                throw new ExportFormatError(
                  `the export says ${String(marker.tables)} tables and ${String(marker.rows)} rows, but holds ${perTable.length} and ${rows}`,
                );
              break;
            }
            if (typeof marker['@table'] !== 'string')
              throw new ExportFormatError(`unexpected line: ${line.slice(0, 80)}`);
            await endTable();
            table = marker['@table'];
            if (!known.has(table))
              throw new ImportRefusedError(`the export has a table this version does not know: ${table}`);
            writable = (await columnsOf(tx, table)).writable;
            count = 0;
            continue;
          }
          if (!table) throw new ExportFormatError('a row before any table');
          batch.push(line);
          if (batch.length >= BATCH) await flush();
        }
        for (const t of tables) await tx.execute(sql.raw(`alter table ${ident(t)} enable trigger user`));
        await resetSequences(tx);
        const rows = perTable.reduce((n, t) => n + t.rows, 0);
        return { tables: perTable.length, rows, perTable };
      },
      false,
    );
  } finally {
    lines.close();
    input.destroy();
  }
}

export const importFromFile = (database: Database, path: string, opts?: ImportOptions) =>
  importDatabase(database, createReadStream(path), opts);

/** Every sequence owned by a column of `public` continues after that column's highest value. */
async function resetSequences(tx: Tx): Promise<void> {
  const owned = rowsOf(
    await tx.execute(sql`
      select s.relname as seq, t.relname as tbl, a.attname as col from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_class t on t.oid = d.refobjid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where d.deptype in ('a', 'i') and n.nspname = 'public'`),
  );
  for (const o of owned) {
    const seq = `public.${ident(String(o.seq))}`;
    await tx.execute(
      sql.raw(
        `select setval('${seq.replace(/'/g, "''")}', coalesce((select max(${ident(String(o.col))}) from ${ident(String(o.tbl))}), 0) + 1, false)`,
      ),
    );
  }
}

function parseMarker(line: string | null, key: string): Record<string, unknown> | null {
  if (!line?.startsWith('{"@')) return null;
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    return key in v ? v : null;
  } catch {
    return null;
  }
}

/** A readable over a buffer (an export received as a document). */
export const bufferStream = (data: Buffer): Readable => Readable.from([data]);
