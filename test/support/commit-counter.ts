import { getTableName, type Table } from 'drizzle-orm';
import type { Database, DbContext, Drizzle, SqlExecutor } from '../../src/db/database.js';

/**
 * What one request committed: each transaction that changed data, and each data-changing statement run
 * outside a transaction (an autocommit statement is a transaction of its own).
 */
export interface Commit {
  kind: 'transaction' | 'statement';
  /** The statement (or `db.insert`, ...), for the failure message. */
  text: string;
}

/** A statement that changes data; `SELECT ... FOR UPDATE` does not. */
const WRITES =
  /^\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|CREATE|ALTER|DROP|GRANT|REVOKE)\b|^\s*WITH\b[\s\S]*\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[\w."]+(\s+\w+)?\s+SET)\b/i;
const DRIZZLE_WRITES = new Set(['insert', 'update', 'delete', 'execute', 'refreshMaterializedView']);

/**
 * The database, with every commit counted: `record(fn)` runs `fn` (one `app.inject`) and returns the commits
 * made while it ran, split at `enterRoute()` (a hook after authentication) into the authentication's own
 * bookkeeping (a session's sliding expiry, a key's last use) and the route's commits. Calls may not overlap; work outside `record` (fixtures) is not counted, so the test
 * writes its fixtures through the database it wrapped.
 */
export function commitCountingDatabase(database: Database) {
  let current: { authentication: Commit[]; route: Commit[]; inRoute: boolean } | undefined;
  const note = (commit: Commit) => (current?.inRoute ? current.route : current?.authentication)?.push(commit);
  /** `sql` and `db` that call `wrote(text)` for each data-changing statement. */
  const watched = (context: DbContext, wrote: (text: string) => void) => {
    const sql: SqlExecutor = {
      query(text, params) {
        if (WRITES.test(text)) wrote(text.trim().slice(0, 80));
        return context.sql.query(text, params);
      },
    };
    const db = new Proxy(context.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (typeof property === 'string' && DRIZZLE_WRITES.has(property))
          return (...args: unknown[]) => {
            const table = args[0] && typeof args[0] === 'object' ? getTableName(args[0] as Table) : '';
            wrote(`db.${property} ${table ?? ''}`.trim());
            return value.apply(target, args);
          };
        if (property === 'transaction')
          return (...args: unknown[]) => {
            wrote('db.transaction');
            return value.apply(target, args);
          };
        return value.bind(target);
      },
    }) as Drizzle;
    return { sql, db };
  };
  const outside = (text: string) => note({ kind: 'statement', text });
  const counted: Database = {
    ...database,
    engine: database.engine,
    location: database.location,
    tenantRole: database.tenantRole,
    ...watched(database, outside),
    exec(text) {
      if (WRITES.test(text)) outside(text.trim().slice(0, 80));
      return database.exec(text);
    },
    // A transaction counts once it changed data (a read-only one commits nothing).
    async transaction(fn) {
      const writes: string[] = [];
      const result = await database.transaction((tx) =>
        fn({
          ...tx,
          ...watched(tx, (text) => writes.push(text)),
          exec(text) {
            if (WRITES.test(text)) writes.push(text.trim().slice(0, 80));
            return tx.exec(text);
          },
        }),
      );
      if (writes.length > 0) note({ kind: 'transaction', text: `transaction: ${writes.join('; ')}` });
      return result;
    },
    close: () => database.close(),
  };
  return {
    database: counted,
    /** Called by a hook after authentication: later commits are the route's own. */
    enterRoute() {
      if (current) current.inRoute = true;
    },
    async record<T>(
      fn: () => Promise<T>,
    ): Promise<{ result: T; commits: Commit[]; authentication: Commit[] }> {
      if (current) throw new Error('record() calls may not overlap');
      const recording = { authentication: [], route: [], inRoute: false };
      current = recording;
      try {
        const result = await fn();
        return { result, commits: recording.route, authentication: recording.authentication };
      } finally {
        current = undefined;
      }
    },
  };
}
