import type { Database, TransactionContext } from './database.js';

/** The result of `exec` in either engine's transaction: one result, or one per statement. */
function lastRows(result: unknown): { rows: unknown[] } {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return { rows: (last as { rows?: unknown[] } | undefined)?.rows ?? [] };
}

/**
 * Runs `fn` against a database whose every statement and "transaction" happen inside one transaction of
 * `database`: a nested `transaction` (and so `withTenant`) is a savepoint, rolled back alone when it fails, and
 * everything commits or rolls back together at the end. The role and tenant a nested tenant transaction set
 * with `SET LOCAL` are put back when it ends, as a real transaction's end would.
 */
export function inOneTransaction<T>(database: Database, fn: (database: Database) => Promise<T>): Promise<T> {
  return database.transaction((outer) => {
    let savepoints = 0;
    const nested: Database = {
      engine: database.engine,
      location: database.location,
      tenantRole: database.tenantRole,
      insideTransaction: true,
      ...(database.throughHolder === undefined ? {} : { throughHolder: database.throughHolder }),
      db: outer.db,
      sql: outer.sql,
      exec: async (text) => lastRows(await outer.exec(text)),
      async transaction(inner) {
        const name = `jobmatch_nested_${++savepoints}`;
        const { rows } = await outer.sql.query<{ role: string; tenant: string | null }>(
          `SELECT current_setting('role') AS role, current_setting('jobmatch.tenant_id', true) AS tenant`,
        );
        await outer.sql.query(`SAVEPOINT ${name}`);
        try {
          const context: TransactionContext = { db: outer.db, sql: outer.sql, exec: outer.exec };
          const result = await inner(context);
          await outer.sql.query(
            `SELECT set_config('role', $1, true), set_config('jobmatch.tenant_id', $2, true)`,
            [rows[0]!.role, rows[0]!.tenant ?? ''],
          );
          await outer.sql.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          // Also undoes the role and tenant the failed part set.
          await outer.sql.query(`ROLLBACK TO SAVEPOINT ${name}`);
          await outer.sql.query(`RELEASE SAVEPOINT ${name}`);
          throw error;
        }
      },
      // The outer database stays open: whoever opened it closes it.
      close: async () => undefined,
    };
    return fn(nested);
  });
}
