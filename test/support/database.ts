import fs from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { createServerDatabase, testServerUrl } from './pg-server.js';

/**
 * Which engine `createTestDatabase()` gives: the embedded one, or with `JOBMATCH_TEST_ENGINE=server` (set by
 * `.ci/run` for its second pass) a database of its own on the PostgreSQL server at JOBMATCH_TEST_DATABASE_URL.
 */
export const testEngine: 'embedded' | 'server' =
  process.env.JOBMATCH_TEST_ENGINE === 'server' ? 'server' : 'embedded';
if (testEngine === 'server' && !testServerUrl)
  throw new Error('JOBMATCH_TEST_ENGINE=server needs JOBMATCH_TEST_DATABASE_URL');

/** A fresh in-memory PGlite holding the migrated schema (copied from the run's template). */
export async function createEmbeddedTestDatabase(options: { username?: string } = {}) {
  const bytes = await fs.readFile(inject('pgliteTemplatePath'));
  return openPglite({ loadDataDir: new Blob([bytes]), ...options });
}

/** A fresh migrated database on the suite's engine; `close()` removes it. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'embedded') return createEmbeddedTestDatabase();
  const server = await createServerDatabase('test');
  return { ...server.database, close: server.drop };
}

export type TestDatabase = Database;
