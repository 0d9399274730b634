import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { installTaskQueueSchema, taskQueueSchemaCurrent } from '../worker/job-queue.js';
import { type Database, isConcurrentCatalogChange, lockSchemaChanges, type SqlExecutor } from './database.js';

/** `migrations/` at the package root: the same relative path from `src/db/` and from `dist/db/`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  tag: string;
  /** Drizzle's journal timestamp: the migration's identity and order. */
  createdAt: number;
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/** Reads drizzle-kit's journal and SQL files; statements are split on its breakpoints. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(`${dir}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const text = fs.readFileSync(`${dir}/${entry.tag}.sql`, 'utf8');
      return {
        tag: entry.tag,
        createdAt: entry.when,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((statement) => statement.trim())
          .filter(Boolean),
      };
    });
}

const ensureTable = `
  CREATE SCHEMA IF NOT EXISTS drizzle;
  CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`;

async function appliedCreatedAts(sql: SqlExecutor): Promise<Set<number>> {
  const exists = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return new Set();
  const { rows } = await sql.query<{ created_at: number }>(
    'SELECT created_at FROM drizzle.__drizzle_migrations',
  );
  return new Set(rows.map((row) => Number(row.created_at)));
}

export interface MigrationStatus {
  tag: string;
  applied: boolean;
}

export async function migrationStatus(database: Pick<Database, 'sql'>, migrations = readMigrations()) {
  const applied = await appliedCreatedAts(database.sql);
  return migrations.map(
    (migration): MigrationStatus => ({ tag: migration.tag, applied: applied.has(migration.createdAt) }),
  );
}

/**
 * A server without pgvector fails the first migration with a file-not-found error: say what to install. A login
 * that is no superuser may not create it (pgvector is not a trusted extension): say who must.
 */
export function explainMigrationError(error: unknown): never {
  const message = (error as Error).message ?? '';
  const code = (error as { code?: string }).code;
  if (code === '42501' && /extension "vector"/.test(message))
    throw new AppError(
      'unavailable',
      'This database login may not create the pgvector extension (only a superuser may): as a superuser run ' +
        'CREATE EXTENSION vector in the database, then jobmatch migrate again (42501).',
      { cause: error },
    );
  if (/extension "vector"/.test(message) || (/control file/.test(message) && /vector/.test(message)))
    throw new AppError(
      'unavailable',
      'The PostgreSQL server has no pgvector extension: install it (Debian: apt-get install postgresql-15-pgvector) ' +
        `and run jobmatch migrate again (${(error as { code?: string }).code ?? 'error'}).`,
      { cause: error },
    );
  throw error;
}

/**
 * Applies pending migrations and installs the task-queue schema in one transaction. On a server, an advisory
 * lock makes concurrent starters wait for each other instead of applying the same migration twice.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await migrateOnce(database, migrations);
    } catch (error) {
      if (attempt >= MIGRATE_ATTEMPTS || !isConcurrentCatalogChange(error)) throw error;
    }
  }
}

const MIGRATE_ATTEMPTS = 5;

async function migrateOnce(database: Database, migrations: Migration[]): Promise<string[]> {
  const applied = await appliedCreatedAts(database.sql);
  const current = migrations.every((migration) => applied.has(migration.createdAt));
  if (current && (await taskQueueSchemaCurrent(database.sql))) return [];
  return database.transaction(async (tx) => {
    const { sql } = tx;
    if (database.engine === 'pg') await lockSchemaChanges(sql);
    for (const statement of ensureTable.split(';')) await sql.query(statement);
    const applied = await appliedCreatedAts(sql);
    const pending = migrations.filter((migration) => !applied.has(migration.createdAt));
    for (const migration of pending) {
      for (const statement of migration.statements) await sql.query(statement).catch(explainMigrationError);
      await sql.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [
        migration.hash,
        migration.createdAt,
      ]);
    }
    await installTaskQueueSchema(tx, database.tenantRole);
    return pending.map((migration) => migration.tag);
  });
}
