import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { backupDatabase, restoreDatabase } from '../operations/backup.js';
import { tableCounts } from '../operations/backup-queries.js';
import type { CliIo } from './program.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Adds `jobmatch backup FILE` and `jobmatch restore FILE`. */
export function registerBackupCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent snapshot of the database to FILE while it is in use (embedded: the data dir; server: pg_dump)',
    )
    .action(async (file: string) => {
      const started = Date.now();
      const result = await backupDatabase(getConfig().database, file);
      io.out(
        `Backed up the ${result.kind} database to ${result.file} (${megabytes(result.bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty data dir (embedded) or an empty database (DATABASE_URL)')
    .action(async (file: string) => {
      const config = getConfig();
      const kind = await restoreDatabase(config.database, file);
      // Opening it as every process does applies the migrations newer than the backup and checks the tenant role.
      const counts = await withDatabase(config, (database) => tableCounts(database.sql));
      const rows = counts.reduce((sum, table) => sum + table.rows, 0);
      io.out(`Restored the ${kind} backup ${file}: ${counts.length} tables, ${rows} rows.`);
    });
}
