import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { AppError } from '../errors.js';
import type { Database, DbContext, Drizzle, SqlExecutor } from './database.js';
import { checkedRoleName, DEFAULT_TENANT_ROLE, rawTypeParsers } from './database.js';

type Queryable = pg.Pool | pg.PoolClient;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = rawTypeParsers[oid];
    return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

function executorFor(client: Queryable): SqlExecutor {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await client.query({ text, values: params as unknown[], types });
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

function contextFor(client: Queryable): DbContext {
  return { db: drizzle({ client: client as pg.Pool }) as unknown as Drizzle, sql: executorFor(client) };
}

/** `host:port/database` of a connection URL, never its credentials. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
}

export interface PgOptions {
  poolSize?: number;
  tenantRole?: string | null;
  /** An embedded data dir reached through its holder's socket: reported as that data dir, engine pglite. */
  embeddedDataDir?: string;
}

export async function openPg(url: string, options: PgOptions = {}): Promise<Database & { pool: pg.Pool }> {
  const location = options.embeddedDataDir ?? describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AppError('unavailable', `Cannot connect to PostgreSQL at ${location}: ${reason}`, {
      cause: error,
    });
  }
  const root = contextFor(pool);
  return {
    engine: options.embeddedDataDir ? 'pglite' : 'pg',
    location,
    throughHolder: options.embeddedDataDir !== undefined,
    tenantRole: checkedRoleName(options.tenantRole === undefined ? DEFAULT_TENANT_ROLE : options.tenantRole),
    pool,
    ...root,
    async exec(text) {
      const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      return { rows: (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [] };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ ...contextFor(client), exec: (text) => client.query(text) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
