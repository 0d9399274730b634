import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { prepareDatabase } from '../operations/prepare-database.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Opens the configured database as it is, without migrating: for commands that inspect or migrate it. An
 * embedded data dir held by `jobmatch serve` is reached through its socket.
 */
export async function withRawDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database, { share: true, shortLived: true });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Opens the configured database ready for use (migrated, interrupted work recovered), runs `fn`, closes it. */
export function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  return withRawDatabase(config, async (database) => {
    await prepareDatabase(database, config);
    return fn(database);
  });
}
