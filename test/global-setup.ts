import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrator.js';
import { openPglite } from '../src/db/pglite-database.js';
import { startJobQueue } from '../src/worker/job-queue.js';

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
  // pg-boss creates its own schema on first start: do it once here, not in every test file.
  const queue = await startJobQueue(database, { logger: pino({ level: 'silent' }), supervise: false });
  await queue.stop();
  const dump = await database.pglite.dumpDataDir('gzip');
  await database.close();
  const templatePath = path.join(dir, 'migrated.tar.gz');
  await fs.writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', templatePath);
  return () => fs.rm(dir, { recursive: true, force: true });
}
