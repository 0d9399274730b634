import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrator.js';
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
  return () => fs.rm(dir, { recursive: true, force: true });
}
