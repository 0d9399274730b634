import { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { migrate, migrationStatus } from '../db/migrator.js';
import { DEMO_ACCOUNTS, demoLoaded } from '../demo/load-demo.js';
import { createEmbeddingProvider } from '../embeddings/create-embedding-provider.js';
import { isAppError } from '../errors.js';
import type { RunningServer } from '../http/server.js';
import { createLogger } from '../logger.js';
import { seedRolesIfNone } from '../roles/seed-roles.js';
import { startRuntime } from '../runtime.js';
import { registerAdminCommands } from './admin.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerCandidateCommands } from './candidates.command.js';
import { type CliIo, processIo, withDatabase, withRawDatabase } from './cli-io.js';
import { registerEmbeddingCommands } from './embeddings.command.js';
import { registerImportCommands } from './import.command.js';
import { registerKeyCommands } from './keys.command.js';
import { registerMatchCommands } from './matches.command.js';
import { registerParseCommand } from './parse.command.js';
import { registerRoleCommands } from './roles.command.js';
import { registerScraperCommands } from './scraper.command.js';
import { registerSetupCommand } from './setup.command.js';

export type { CliIo };

/** For a person at a terminal: where Jobmatch is, and how to sign in to the demo if it is there. */
async function startBanner(server: RunningServer): Promise<string> {
  const lines = [
    '',
    `  Jobmatch is running: ${server.url}   (API docs: ${server.url}/docs)`,
    `  Database: ${server.runtime.database.engine} at ${server.runtime.database.location}`,
  ];
  if (await demoLoaded(server.runtime.database)) {
    lines.push('  Demo agency "Demo Staffing", sign in as:');
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.email} / ${account.password}   (${account.role})`);
  }
  lines.push('  Stop with Ctrl+C.', '');
  return lines.join('\n');
}

export function buildProgram(io: CliIo = processIo, getConfig: () => Config = loadConfig): Command {
  const program = new Command('jobmatch')
    .description('Jobmatch: job matching for IT staffing agencies')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('serve')
    .description('serve the HTTP API (migrations are applied on start)')
    .option('--demo', 'load the demo agency even when the database is not empty (as JOBMATCH_DEMO=true)')
    .action(async (options: { demo?: boolean }) => {
      const loaded = getConfig();
      const config = options.demo ? { ...loaded, demo: 'always' as const } : loaded;
      const logger = createLogger(config.log);
      // Loaded here: the HTTP stack is most of the CLI's start time, and only `serve` needs it.
      const { startServer, stopOnSignals } = await import('../http/server.js');
      const server = await startServer(config, logger);
      stopOnSignals(server, logger);
      if (process.stderr.isTTY) io.err(await startBanner(server));
    });

  program
    .command('worker')
    .description('run background tasks only (no HTTP); several may run against one PostgreSQL server')
    .action(async () => {
      const config = getConfig();
      const logger = createLogger(config.log);
      const runtime = await startRuntime(config, logger, { workers: true });
      const { stopOnSignals } = await import('../http/server.js');
      logger.info(
        { database: runtime.database.engine, location: runtime.database.location },
        'worker running',
      );
      stopOnSignals(runtime, logger);
    });

  program
    .command('migrate')
    .description(
      'apply pending database migrations and the task-queue schema; seed the role taxonomy on an empty database',
    )
    .action(async () => {
      const config = getConfig();
      await withRawDatabase(config, async (database) => {
        const applied = await migrate(database);
        io.out(
          applied.length === 0
            ? `Database at ${database.location} is up to date.`
            : `Applied ${applied.length} migration(s) to ${database.location}: ${applied.join(', ')}`,
        );
        const seeded = await seedRolesIfNone(database, await createEmbeddingProvider(config.embeddings));
        if (seeded)
          io.out(
            `Seeded the role taxonomy: ${seeded.inserted} roles, ${seeded.embeddings.embedded} embedded` +
              (seeded.embeddings.error
                ? ` (embedding failed, the background task retries: ${seeded.embeddings.error})`
                : '.'),
          );
      });
    });

  program
    .command('db:status')
    .description('show which migrations are applied')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = getConfig();
      await withRawDatabase(config, async (database) => {
        const status = await migrationStatus(database);
        if (options.json) {
          io.out(
            JSON.stringify({ engine: database.engine, location: database.location, migrations: status }),
          );
          return;
        }
        io.out(`${database.engine} database at ${database.location}`);
        for (const migration of status)
          io.out(`  ${migration.applied ? 'applied' : 'pending'}  ${migration.tag}`);
      });
    });

  registerKeyCommands(program, io, getConfig, withDatabase);
  registerRoleCommands(program, io, getConfig, withDatabase);
  registerEmbeddingCommands(program, io, getConfig, withDatabase);
  registerAdminCommands(program, io, getConfig, withDatabase);
  registerMatchCommands(program, io, getConfig, withDatabase);
  registerParseCommand(program, io);
  registerImportCommands(program, io, getConfig);
  registerCandidateCommands(program, io, getConfig);
  registerScraperCommands(program, io, getConfig);
  registerBackupCommands(program, io, getConfig, withDatabase);
  registerSetupCommand(program, io, getConfig, withDatabase);

  return program;
}

/** Runs the CLI; returns the exit code. Expected failures print one clear line, never a stack trace. */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  getConfig?: () => Config,
): Promise<number> {
  const program = buildProgram(io, getConfig);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    if (isAppError(error)) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    const commanderError = error as { code?: string; exitCode?: number };
    if (typeof commanderError.code === 'string' && commanderError.code.startsWith('commander.')) {
      return commanderError.exitCode ?? 1;
    }
    io.err(`Unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
