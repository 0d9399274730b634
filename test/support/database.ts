import fs from 'node:fs/promises';
import { inject } from 'vitest';
import { openPglite } from '../../src/db/pglite-database.js';

/** A fresh in-memory PGlite holding the migrated schema (copied from the run's template). */
export async function createTestDatabase(options: { username?: string } = {}) {
  const bytes = await fs.readFile(inject('pgliteTemplatePath'));
  return openPglite({ loadDataDir: new Blob([bytes]), ...options });
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
