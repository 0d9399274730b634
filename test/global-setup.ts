import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrator.js';
import { openPg } from '../src/db/pg-database.js';
import { openPglite } from '../src/db/pglite-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

/** Migrates one in-memory PGlite and saves it as a tarball that every test file starts from. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-test-template-'));
  const database = await openPglite();
  await migrate(database);
  const dump = await database.pglite.dumpDataDir('gzip');
  await database.close();
  const templatePath = path.join(dir, 'migrated.tar.gz');
  await fs.writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', templatePath);
  if (process.env.JOBMATCH_TEST_DATABASE_URL)
    await migrateOnceOnServer(process.env.JOBMATCH_TEST_DATABASE_URL);
  return () => fs.rm(dir, { recursive: true, force: true });
}

/**
 * Migration 0004 creates the cluster-wide role jobmatch_app; the migration lock is per database, so test files
 * migrating their own databases at once on a fresh server could race to create it. Create it once first.
 */
async function migrateOnceOnServer(serverUrl: string): Promise<void> {
  const name = `jobmatch_setup_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openPg(url.toString(), { poolSize: 1 });
    await migrate(database).finally(() => database.close());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
