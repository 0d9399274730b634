import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { DEMO_ACCOUNTS } from '../demo/load-demo.js';
import { createEmbeddingProvider } from '../embeddings/create-embedding-provider.js';
import { AppError } from '../errors.js';
import { setUp } from '../operations/setup.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { readPassword } from './admin.command.js';
import type { CliIo } from './program.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

/** Adds `jobmatch setup`: the first run of a deployment (roles, first platform admin, optional demo). */
export function registerSetupCommand(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
  stdin: Parameters<typeof readPassword>[0] = process.stdin,
): void {
  program
    .command('setup')
    .description(
      'first run: migrate, seed the roles, create the first platform admin (password prompted, or read from stdin) and optionally the demo agency; safe to repeat',
    )
    .option('--admin-email <email>', 'sign-in email of the first platform admin')
    .option('--admin-name <name>', "the platform admin's full name")
    .option('--demo', 'also load the demo agency (its sign-ins have published passwords)')
    .action(async (options: { adminEmail?: string; adminName?: string; demo?: boolean }) => {
      const email = options.adminEmail?.trim().toLowerCase();
      if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new AppError('validation_failed', `Not an email: ${email}`);
      if (options.demo && DEMO_ACCOUNTS.some((account) => account.email === email))
        throw new AppError(
          'validation_failed',
          `${email} is a demo sign-in with a published password: choose another --admin-email.`,
        );
      if (email === undefined && !options.demo)
        throw new AppError('bad_request', 'Nothing to set up: give --admin-email EMAIL, --demo, or both.');
      const config = getConfig();
      const report = await withDatabase(config, async (database) => {
        io.out(`Database ready: ${database.engine} at ${database.location} (migrations current).`);
        return setUp(
          {
            database,
            embeddings: await createEmbeddingProvider(config.embeddings),
            skills: loadSkillMatcher,
            config,
            today: new Date(),
          },
          {
            ...(email
              ? {
                  admin: {
                    email,
                    name: options.adminName,
                    password: () => readPassword(stdin, (text) => process.stderr.write(text)),
                  },
                }
              : {}),
            demo: options.demo === true,
          },
        );
      });
      io.out(
        report.rolesSeeded === null
          ? 'Role taxonomy: present, left as it is.'
          : `Role taxonomy: seeded ${report.rolesSeeded} roles.`,
      );
      if (report.admin)
        io.out(
          report.admin.created
            ? `Created platform admin ${report.admin.id} <${report.admin.email}>: sign in at the web app.`
            : `Platform admin <${report.admin.email}> already exists (id ${report.admin.id}): left as it is, password unchanged.`,
        );
      if (report.demo) {
        io.out(
          report.demo.alreadyLoaded
            ? 'Demo agency "Demo Staffing": already loaded, left as it is.'
            : `Loaded the demo agency "Demo Staffing": ${report.demo.candidates} candidates, ${report.demo.jobs} jobs, ${report.demo.matches} matches.`,
        );
        io.out(
          `Demo sign-ins (published passwords: do not expose a demo to a network): ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')}.`,
        );
      }
    });
}
