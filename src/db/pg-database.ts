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

/** One plain line for the connection failures an operator makes (the code stays at the end, for searching). */
function connectionFailure(url: string, location: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || 'the default user';
  const database = decodeURIComponent(parsed.pathname.slice(1)) || user;
  const reasons: Record<string, string> = {
    '3D000': `the database "${database}" does not exist: create it (createdb ${database}) or correct DATABASE_URL`,
    '28P01': `wrong password for user "${user}": correct DATABASE_URL`,
    '28000': `the server does not accept user "${user}" from this host (pg_hba.conf), or the role does not exist`,
    ECONNREFUSED: 'nothing is listening there: is PostgreSQL running, and are host and port right?',
    ENOTFOUND: 'the host name does not resolve: correct DATABASE_URL',
    ETIMEDOUT: 'the connection timed out: is the host reachable?',
  };
  const reason = reasons[code] ?? (error as Error).message;
  return `Cannot connect to PostgreSQL at ${location}: ${reason}${code ? ` (${code})` : ''}`;
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
    throw new AppError('unavailable', connectionFailure(url, location, error), { cause: error });
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
    async listen(channel, onNotify) {
      // A connection of its own, outside the pool: it stays in LISTEN for the process's life.
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      client.on('error', () => {
        // A lost listener only costs promptness: the workers still poll.
      });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
