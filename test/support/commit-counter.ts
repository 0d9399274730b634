import type { Database, Drizzle, SqlExecutor } from '../../src/db/database.js';

/**
 * What one request committed: each transaction it opened, and each statement that changed data outside a
 * transaction (an autocommit statement is a transaction of its own).
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
 * made while it ran. Calls may not overlap; work outside `record` (fixtures) is not counted, so the test
 * writes its fixtures through the database it wrapped.
 */
export function commitCountingDatabase(database: Database) {
  let current: Commit[] | undefined;
  const note = (commit: Commit) => current?.push(commit);
  const sql: SqlExecutor = {
    query(text, params) {
      if (WRITES.test(text)) note({ kind: 'statement', text: text.trim().slice(0, 80) });
      return database.sql.query(text, params);
    },
  };
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'transaction')
        return (...args: unknown[]) => {
          note({ kind: 'transaction', text: 'db.transaction' });
          return value.apply(target, args);
        };
      if (typeof property === 'string' && DRIZZLE_WRITES.has(property))
        return (...args: unknown[]) => {
          note({ kind: 'statement', text: `db.${property}` });
          return value.apply(target, args);
        };
      return value.bind(target);
    },
  }) as Drizzle;
  const counted: Database = {
    ...database,
    engine: database.engine,
    location: database.location,
    tenantRole: database.tenantRole,
    sql,
    db,
    exec(text) {
      if (WRITES.test(text)) note({ kind: 'statement', text: text.trim().slice(0, 80) });
      return database.exec(text);
    },
    transaction(fn) {
      note({ kind: 'transaction', text: 'transaction' });
      return database.transaction(fn);
    },
    close: () => database.close(),
  };
  return {
    database: counted,
    async record<T>(fn: () => Promise<T>): Promise<{ result: T; commits: Commit[] }> {
      if (current) throw new Error('record() calls may not overlap');
      const commits: Commit[] = [];
      current = commits;
      try {
        return { result: await fn(), commits };
      } finally {
        current = undefined;
      }
    },
  };
}
