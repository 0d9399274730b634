import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { openPg } from '../../src/db/pg-database.js';

/**
 * The PostgreSQL server with pgvector that the suite runs server tests on. `.ci/run` starts one with
 * `../shared/tools/postgres-with-pgvector.sh` and exports its URL; without it the server tests are skipped.
 */
export const testServerUrl: string | undefined = process.env.JOBMATCH_TEST_DATABASE_URL || undefined;

/** A suite that needs the test server: skipped, and named as such, when JOBMATCH_TEST_DATABASE_URL is unset. */
export function describeOnServer(name: string, fn: () => void): void {
  describe.runIf(testServerUrl !== undefined)(
    testServerUrl ? `${name} (PostgreSQL server)` : `${name} (skipped: JOBMATCH_TEST_DATABASE_URL not set)`,
    fn,
  );
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh, migrated database of its own on the test server; `drop()` closes and removes it. */
export async function createServerDatabase(
  prefix: string,
  options: { poolSize?: number; tenantRole?: string | null; migrated?: boolean } = {},
): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  if (!testServerUrl) throw new Error('JOBMATCH_TEST_DATABASE_URL is not set');
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(testServerUrl, name);
  const database = await openPg(url, { poolSize: options.poolSize ?? 20, tenantRole: options.tenantRole });
  if (options.migrated !== false) await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: testServerUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
