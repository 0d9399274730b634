import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrator.js';
import { openPg } from '../src/db/pg-database.js';

/**
 * Runs `run` on a new, migrated database on the server at `url` (named BENCH_DATABASE_PREFIX, default
 * jobmatch_bench, plus `suffix` and a time stamp), and drops it afterwards.
 */
export async function onScratchServerDatabase(
  url: string,
  options: { suffix: string; poolSize: number },
  run: (database: Database) => Promise<void>,
): Promise<void> {
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? 'jobmatch_bench'}${options.suffix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPg(target.toString(), { poolSize: options.poolSize });
  try {
    await migrate(database);
    await run(database);
  } finally {
    await database.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}
