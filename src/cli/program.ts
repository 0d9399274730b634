import { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { isAppError } from '../errors.js';
import type { RunningServer } from '../http/server.js';
import { type CliIo, processIo, withDatabase, withRawDatabase } from './cli-io.js';

export type { CliIo };

type Registrar = (program: Command, io: CliIo, getConfig: () => Config) => void;

/**
 * The module that registers each top-level command, loaded only when the command line names that command (or
 * asks for help, which lists them all): most of the CLI's start time was loading every command's modules.
 */
export const COMMAND_MODULES: Record<string, () => Promise<Registrar>> = {};
function commandModule(names: string[], load: () => Promise<Registrar>): void {
  for (const name of names) COMMAND_MODULES[name] = load;
}
commandModule(['keys'], async () => {
  const { registerKeyCommands } = await import('./keys.command.js');
  return (program, io, getConfig) => registerKeyCommands(program, io, getConfig, withDatabase);
});
commandModule(['roles'], async () => {
  const { registerRoleCommands } = await import('./roles.command.js');
  return (program, io, getConfig) => registerRoleCommands(program, io, getConfig, withDatabase);
});
commandModule(['embeddings'], async () => {
  const { registerEmbeddingCommands } = await import('./embeddings.command.js');
  return (program, io, getConfig) => registerEmbeddingCommands(program, io, getConfig, withDatabase);
});
commandModule(['admin'], async () => {
  const { registerAdminCommands } = await import('./admin.command.js');
  return (program, io, getConfig) => registerAdminCommands(program, io, getConfig, withDatabase);
});
commandModule(['matches'], async () => {
  const { registerMatchCommands } = await import('./matches.command.js');
  return (program, io, getConfig) => registerMatchCommands(program, io, getConfig, withDatabase);
});
commandModule(['parse'], async () => {
  const { registerParseCommand } = await import('./parse.command.js');
  return (program, io) => registerParseCommand(program, io);
});
commandModule(
  ['import', 'imports', 'jobs'],
  async () => (await import('./import.command.js')).registerImportCommands,
);
commandModule(
  ['candidates'],
  async () => (await import('./candidates.command.js')).registerCandidateCommands,
);
commandModule(['scraper'], async () => (await import('./scraper.command.js')).registerScraperCommands);
commandModule(['backup', 'restore'], async () => {
  const { registerBackupCommands } = await import('./backup.command.js');
  return (program, io, getConfig) => registerBackupCommands(program, io, getConfig, withDatabase);
});
commandModule(['setup'], async () => {
  const { registerSetupCommand } = await import('./setup.command.js');
  return (program, io, getConfig) => registerSetupCommand(program, io, getConfig, withDatabase);
});

/** For a person at a terminal: where Jobmatch is, and how to sign in to the demo if it is there. */
async function startBanner(server: RunningServer): Promise<string> {
  const { DEMO_ACCOUNTS, demoLoaded } = await import('../demo/load-demo.js');
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

/**
 * The CLI with the commands `argv` needs: the command it names, or all of them when it names none that a module
 * registers (help, a typo: commander then lists them all).
 */
export async function buildProgram(
  io: CliIo = processIo,
  getConfig: () => Config = loadConfig,
  argv: readonly string[] = [],
): Promise<Command> {
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
      // Loaded here (as in `worker`): the HTTP stack and the logger are most of the CLI's start time, and the
      // database commands need neither.
      const [{ startServer, stopOnSignals }, { createLogger }] = await Promise.all([
        import('../http/server.js'),
        import('../logger.js'),
      ]);
      const logger = createLogger(config.log);
      const server = await startServer(config, logger);
      stopOnSignals(server, logger);
      if (process.stderr.isTTY) io.err(await startBanner(server));
    });

  program
    .command('worker')
    .description('run background tasks only (no HTTP); several may run against one PostgreSQL server')
    .action(async () => {
      const config = getConfig();
      const { createLogger } = await import('../logger.js');
      const logger = createLogger(config.log);
      const { startRuntime } = await import('../runtime.js');
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
      const [{ migrate }, { seedRolesIfNone }, { createEmbeddingProvider }] = await Promise.all([
        import('../db/migrator.js'),
        import('../roles/seed-roles.js'),
        import('../embeddings/create-embedding-provider.js'),
      ]);
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
      const { migrationStatus } = await import('../db/migrator.js');
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

  const named = argv.find((arg) => !arg.startsWith('-'));
  const defined = program.commands.some((command) => command.name() === named);
  const wanted = defined
    ? []
    : named !== undefined && named in COMMAND_MODULES
      ? [COMMAND_MODULES[named]!]
      : [...new Set(Object.values(COMMAND_MODULES))];
  for (const register of await Promise.all(wanted.map((load) => load()))) register(program, io, getConfig);

  return program;
}

/** Runs the CLI; returns the exit code. Expected failures print one clear line, never a stack trace. */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  getConfig?: () => Config,
): Promise<number> {
  try {
    const program = await buildProgram(io, getConfig, argv);
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
