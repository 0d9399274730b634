import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { MIN_PASSWORD_LENGTH } from '../accounts/passwords.js';
import { createPlatformAdmin } from '../accounts/users.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { CliIo } from './cli-io.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

/** Reads a password: typed without echo on a terminal, else the first line of stdin (for scripts). */
export async function readPassword(
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown },
  prompt: (text: string) => void,
): Promise<string> {
  if (!input.isTTY || !input.setRawMode) {
    const lines = createInterface({ input, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line.replace(/\r$/, '');
    }
    return '';
  }
  prompt(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const setRawMode = input.setRawMode.bind(input);
  setRawMode(true);
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer | string) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new AppError('bad_request', 'Cancelled.'));
            return;
          }
          typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    setRawMode(false);
    input.pause();
    prompt('\n');
  }
}

/** Adds `jobmatch admin create`: bootstraps the platform operator (PM_ADMIN). */
export function registerAdminCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
  stdin: Parameters<typeof readPassword>[0] = process.stdin,
): void {
  const admin = program.command('admin').description('manage platform administrators');
  admin
    .command('create')
    .description('create a platform admin (PM_ADMIN); the password is prompted for, or read from stdin')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'full name')
    .action(async (options: { email: string; name?: string }) => {
      const email = options.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new AppError('validation_failed', `Not an email: ${email}`);
      const password = await readPassword(stdin, (text) => process.stderr.write(text));
      const account = await withDatabase(getConfig(), (database) =>
        createPlatformAdmin(database, { email, password, name: options.name }),
      );
      io.out(`Created platform admin ${account.id} <${account.email}>.`);
    });
}
