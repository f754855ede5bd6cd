/** The control center: claim codes, live menus, the read models behind its screens, system probes. */

export interface ClaimCodesRepo {
  add(codeHash: string, createdAt: Date, expiresAt: Date): Promise<void>;
  /** Whether the code is stored, unused and not expired at `now`. */
  isValid(codeHash: string, now: Date): Promise<boolean>;
  /** Marks every unused code used (the one that matched names who claimed with it). */
  voidAll(usedBy: number, codeHash: string, at: Date): Promise<void>;
  /** Serialises claims across replicas until the transaction ends (call inside `uow.run`). */
  lock(): Promise<void>;
}

export interface AdminMenusRepo {
  /** Records the member's live menu (replacing the one before). */
  open(actorId: number, nonce: string, at: Date): Promise<void>;
  /** The nonce of the member's live menu, if any. */
  current(actorId: number): Promise<string | null>;
}

/** Start instants of the windows a figure is counted over (local days of the `timezone` setting). */
export interface StatWindows {
  today: Date;
  days7: Date;
  days30: Date;
}

/** A figure counted over today, 7 and 30 days. */
export interface Windowed {
  today: number;
  days7: number;
  days30: number;
}

export interface DashboardStats {
  users: { total: number; newUsers: Windowed; active7: number; paying: number };
  /** Revenue net of refunds: Stars, and card money per currency (minor units). */
  revenue: { stars: Windowed; card: Array<{ currency: string } & Windowed> };
  messages: { in: Windowed; out: Windowed };
  /** Credits bought (purchases and auto-recharges) and spent (messages and unlocks). */
  credits: { sold: Windowed; spent: Windowed };
  outbox: OutboxBacklog[];
}

/** What waits in the outbox, per priority class (1 first). */
export interface OutboxBacklog {
  priority: number;
  pending: number;
  /** The oldest waiting item's age, or null. */
  oldestAt: Date | null;
}

/** Read models for the control center's figures (one query each, on indexes that stay fast). */
export interface StatsRepo {
  dashboard(windows: StatWindows): Promise<DashboardStats>;
  outboxBacklog(): Promise<OutboxBacklog[]>;
  /** What waits per class and per kind of target chat, with the oldest item's age (metrics). */
  outboxBacklogByChat(): Promise<
    Array<{ priority: number; chatKind: 'private' | 'group'; pending: number; oldestSeconds: number }>
  >;
}

/** An export written by the running process. */
export interface DataExportFile {
  path: string;
  fileName: string;
  bytes: number;
  tables: number;
  rows: number;
}

/** What the System screen asks the running process (wired by the composition root). */
export interface SystemProbes {
  version: string;
  startedAt: Date;
  stripeConfigured: boolean;
  /** Round trip of a trivial query. */
  /**
   * The database answers (round trip in ms); its size in bytes when it could be read, and on the
   * embedded engine the write-ahead log's beside it (kept small by the maintenance job).
   */
  database(): Promise<
    { ok: true; ms: number; bytes?: number; walBytes?: number } | { ok: false; error: string }
  >;
  /** The job queue: jobs ready to run, deferred, running. */
  jobs(): Promise<
    { ok: true; ready: number; deferred: number; active: number } | { ok: false; error: string }
  >;
  /**
   * Writes the logical export of the whole database (src/db/export.ts) as a file under
   * `DATA_DIR/exports`. Absent where the process cannot (a CLI, tests without it).
   */
  exportData?(): Promise<DataExportFile>;
  /**
   * The newest backup of the embedded database (DATA_DIR/backups), or null when none was made yet.
   * Absent where there are no such backups (PostgreSQL: pg_dump is the backup).
   */
  lastBackup?(): Promise<{ at: Date; bytes: number } | null>;
  /**
   * A cheap read call to Stripe with a short timeout (absent, or null, when Stripe is not configured):
   * its round trip, or the error.
   */
  stripe?(): Promise<{ ok: true; ms: number } | { ok: false; error: string } | null>;
  /** Telegram's view of the webhook; null when polling. */
  webhook(): Promise<
    | { ok: true; pending: number; lastError: string | null; lastErrorAt: Date | null }
    | { ok: false; error: string }
    | null
  >;
}
