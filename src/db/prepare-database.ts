import type { Config } from '../config/config.js';
import { recoverInterruptedImports } from '../ingestion/recover-imports.js';
import type { Database } from './database.js';
import { migrate } from './migrator.js';

/** What every process does before using the database: apply migrations, recover interrupted work. */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'imports'>,
): Promise<{ migrationsApplied: string[]; importsRecovered: number }> {
  const migrationsApplied = await migrate(database);
  const recovered = await recoverInterruptedImports(database, config.imports.staleAfterSeconds);
  return { migrationsApplied, importsRecovered: recovered.length };
}
