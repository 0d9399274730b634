import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A row set from a raw SQL statement; the same shape on PGlite and on `pg`. */
export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/** Raw parameterized SQL (`$1`, `$2`, ...): used for set-based statements and by pg-boss. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<T>>;
}

export type Drizzle = PgDatabase<PgQueryResultHKT>;

/** What repositories receive: a query builder and a raw executor bound to one connection or transaction. */
export interface DbContext {
  db: Drizzle;
  sql: SqlExecutor;
}

/** A transaction's context; `exec` runs parameterless SQL that may hold several statements (migrations). */
export interface TransactionContext extends DbContext {
  exec(text: string): Promise<unknown>;
}

export type DatabaseEngine = 'pglite' | 'pg';

export interface Database extends DbContext {
  readonly engine: DatabaseEngine;
  /** Human-readable location, without credentials: a data dir or host:port/db. */
  readonly location: string;
  /** An embedded database reached through the socket of the process that holds its data dir. */
  readonly throughHolder?: boolean;
  /** Every statement already runs inside one open transaction (`inOneTransaction`): no CONCURRENTLY DDL. */
  readonly insideTransaction?: boolean;
  /**
   * The role tenant-scoped transactions switch to (`SET LOCAL ROLE`) so that row-level security applies to
   * them; null keeps the login role.
   */
  readonly tenantRole: string | null;
  /** Runs SQL text that may hold several statements (no parameters); returns the last statement's rows. */
  exec(text: string): Promise<{ rows: unknown[] }>;
  /** Runs `fn` in one transaction; everything it does through the context commits or rolls back together. */
  transaction<T>(fn: (tx: TransactionContext) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on `channel` (delivered when the notifying transaction commits); resolves to the
   * unsubscribe. Absent where the engine cannot deliver notifications to this process.
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Type OIDs whose text form both engines must return alike to raw queries. */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export const rawTypeParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: (value) => Number(value),
  [TYPE_OIDS.numeric]: (value) => Number(value),
  [TYPE_OIDS.date]: (value) => value,
};

/** The application role of migration 0004: not a superuser, subject to row-level security. */
export const DEFAULT_TENANT_ROLE = 'jobmatch_app';

/** A role name safe to write into SQL (roles cannot be bound as parameters). */
export function checkedRoleName(role: string | null | undefined): string | null {
  if (role === null || role === undefined) return null;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`invalid database role name "${role}"`);
  return role;
}

/**
 * Serializes schema changes (migrations, task-queue schema and queues) between processes: a transaction-scoped
 * advisory lock, so concurrent starters wait for each other instead of racing.
 */
export async function lockSchemaChanges(sql: SqlExecutor): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('jobmatch:migrate'))`);
}

/**
 * Grants and DDL of processes starting together can still collide on catalog rows the advisory lock does not
 * cover (pg-boss creating queue partitions while another process grants on them): such a transaction is
 * rolled back whole, so it is simply run again (migrations, and the task queue registering its queues).
 */
export function isConcurrentCatalogChange(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '40P01' || code === '40001' || /tuple concurrently (updated|deleted)/.test(message ?? '');
}
