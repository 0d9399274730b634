import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/accounts/passwords.js';
import { withDatabase } from '../../src/cli/cli-io.js';
import { registerSetupCommand } from '../../src/cli/setup.command.js';
import { type Config, parseConfig } from '../../src/config/config.js';
import { userRepository } from '../../src/db/repositories/user.repository.js';
import { DEMO_ACCOUNTS, DEMO_TENANT_SLUG } from '../../src/demo/load-demo.js';
import { createServerDatabase, describeOnServer } from '../support/pg-server.js';

/** `jobmatch setup ARGS` with `stdin` as the password input; the output lines and the error, if any. */
async function setup(config: Config, stdin: string, ...argv: string[]) {
  const out: string[] = [];
  const program = new Command('jobmatch').exitOverride();
  registerSetupCommand(
    program,
    { out: (line) => out.push(line), err: (line) => out.push(line) },
    () => config,
    withDatabase,
    Readable.from([stdin]),
  );
  const error = await program.parseAsync(['setup', ...argv], { from: 'user' }).then(
    () => undefined,
    (failure: Error) => failure,
  );
  return { out: out.join('\n'), error };
}

async function platformAdmins(config: Config) {
  return withDatabase(config, async (database) => {
    const { rows } = await database.sql.query<{ email: string; password_hash: string }>(
      `SELECT email, password_hash FROM users WHERE role = 'PM_ADMIN' ORDER BY id`,
    );
    return rows;
  });
}

function setupDrill(name: string, configFor: () => Config) {
  it(`${name}: creates the first platform admin once, and a second run changes nothing and says so`, async () => {
    const config = configFor();
    const first = await setup(config, 'first-admin-password\n', '--admin-email', 'Ops@Agency.test');
    expect(first.error).toBeUndefined();
    expect(first.out).toMatch(/Database ready: .* \(migrations current\)\./);
    expect(first.out).toMatch(/Role taxonomy: seeded \d+ roles\./);
    expect(first.out).toMatch(/Created platform admin \d+ <ops@agency\.test>/);

    const again = await setup(config, 'another-password-entirely\n', '--admin-email', 'ops@agency.test');
    expect(again.error).toBeUndefined();
    expect(again.out).toMatch(/Role taxonomy: present, left as it is\./);
    expect(again.out).toMatch(
      /Platform admin <ops@agency\.test> already exists \(id \d+\): left as it is, password unchanged\./,
    );

    const admins = await platformAdmins(config);
    expect(admins.map((admin) => admin.email)).toEqual(['ops@agency.test']);
    expect(await verifyPassword(admins[0]!.password_hash, 'first-admin-password')).toBe(true);
  }, 180_000);

  it(`${name}: refuses a short password and a bad e-mail in one line, and asks for something to do`, async () => {
    const config = configFor();
    const short = await setup(config, 'short\n', '--admin-email', 'second@agency.test');
    expect(short.error?.message).toMatch(/at least \d+ characters/);
    expect((await setup(config, '', '--admin-email', 'not-an-email')).error?.message).toBe(
      'Not an email: not-an-email',
    );
    expect((await setup(config, '', '--admin-email', DEMO_ACCOUNTS[2].email, '--demo')).error?.message).toBe(
      `${DEMO_ACCOUNTS[2].email} is a demo sign-in with a published password: choose another --admin-email.`,
    );
    expect((await setup(config, '')).error?.message).toMatch(
      /Nothing to set up: give --admin-email EMAIL, --demo/,
    );
    expect((await platformAdmins(config)).map((admin) => admin.email)).toEqual(['ops@agency.test']);
  }, 120_000);

  it(`${name}: --demo loads the demo agency beside the platform admin, whose sign-ins work, once`, async () => {
    const config = configFor();
    const first = await setup(config, '', '--admin-email', 'ops@agency.test', '--demo');
    expect(first.error).toBeUndefined();
    expect(first.out).toMatch(/Platform admin <ops@agency\.test> already exists/);
    expect(first.out).toMatch(
      /Loaded the demo agency "Demo Staffing": \d+ candidates, \d+ jobs, [1-9]\d* matches\./,
    );
    expect(first.out).toContain(DEMO_ACCOUNTS.map((account) => account.email).join(', '));

    const again = await setup(config, '', '--demo');
    expect(again.error).toBeUndefined();
    expect(again.out).toMatch(/Demo agency "Demo Staffing": already loaded, left as it is\./);
    expect(again.out).not.toMatch(/Platform admin/);

    const demo = await withDatabase(config, async (database) => {
      const { rows } = await database.sql.query<{ tenants: number; jobs: number; matched: number }>(
        `SELECT (SELECT count(*)::int FROM tenants WHERE slug = $1) AS tenants,
                (SELECT count(*)::int FROM job_postings) AS jobs,
                (SELECT count(DISTINCT candidate_id)::int FROM candidate_job_matches) AS matched`,
        [DEMO_TENANT_SLUG],
      );
      const users = await userRepository(database).findAllByEmail(DEMO_ACCOUNTS[0].email);
      return { ...rows[0]!, users };
    });
    expect(demo).toMatchObject({ tenants: 1 });
    expect(demo.jobs).toBeGreaterThan(0);
    expect(demo.matched).toBeGreaterThan(0);
    expect(await verifyPassword(demo.users[0]!.password_hash, DEMO_ACCOUNTS[0].password)).toBe(true);
    expect((await platformAdmins(config)).map((admin) => admin.email).sort()).toEqual(
      ['ops@agency.test', DEMO_ACCOUNTS[2].email].sort(),
    );
  }, 600_000);
}

describe('jobmatch setup on the embedded database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-setup-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  setupDrill('embedded', () => parseConfig({ JOBMATCH_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
});

describeOnServer('jobmatch setup on a fresh server database', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    server = await createServerDatabase('h_ops_setup', { migrated: false });
  });
  afterAll(() => server?.drop());
  setupDrill('server', () => parseConfig({ DATABASE_URL: server.url, LOG_LEVEL: 'silent' }));
});
