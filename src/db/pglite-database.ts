import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import type { Database, DbContext, Drizzle, SqlExecutor } from './database.js';
import { checkedRoleName, DEFAULT_TENANT_ROLE, rawTypeParsers } from './database.js';

type PgliteClient = PGlite | Transaction;

function executorFor(client: PgliteClient): SqlExecutor {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

function contextFor(client: PgliteClient): DbContext {
  return { db: drizzle({ client: client as PGlite }) as unknown as Drizzle, sql: executorFor(client) };
}

export interface PgliteOptions {
  /** A directory to persist into; omitted for an in-memory database. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
  /** Connect as this role (non-superusers are subject to row-level security). */
  username?: string;
  /** The role tenant transactions switch to; `null` disables the switch. Default: jobmatch_app. */
  tenantRole?: string | null;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
    lock = await acquireDataDirLock(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.username ? { username: options.username } : {}),
      extensions: { vector },
      parsers: rawTypeParsers,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const root = contextFor(pglite);
  return {
    engine: 'pglite',
    location: options.dataDir ?? 'memory',
    tenantRole: checkedRoleName(options.tenantRole === undefined ? DEFAULT_TENANT_ROLE : options.tenantRole),
    pglite,
    ...root,
    async exec(text) {
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    transaction: (fn) => pglite.transaction((tx) => fn({ ...contextFor(tx), exec: (text) => tx.exec(text) })),
    async close() {
      if (!pglite.closed) await pglite.close();
      await lock?.release();
    },
  };
}
