import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { createServerDatabase, describeOnServer } from '../support/pg-server.js';

async function migrateCli(url: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await runCli(['migrate'], io, () => parseConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * `jobmatch migrate` on a brand-new server database creates everything, the task-queue schema included, and
 * seeds the role taxonomy; several started at once wait for each other (advisory lock) and all succeed.
 */
describeOnServer('jobmatch migrate on a fresh server database', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    server = await createServerDatabase('h_ops_migrate', { migrated: false, poolSize: 2 });
  });
  afterAll(() => server?.drop());

  it('three at once: all succeed, the task queue and the roles are there once; a later run changes nothing', async () => {
    const runs = await Promise.all([migrateCli(server.url), migrateCli(server.url), migrateCli(server.url)]);
    for (const run of runs) expect(run.code, run.err).toBe(0);
    expect(runs.filter((run) => /Applied \d+ migration/.test(run.out))).toHaveLength(1);
    expect(runs.filter((run) => /Seeded the role taxonomy: \d+ roles/.test(run.out))).toHaveLength(1);

    const { rows } = await server.database.sql.query<{
      version: number;
      queues: number;
      roles: number;
      names: number;
    }>(
      `SELECT (SELECT version FROM pgboss.version) AS version, (SELECT count(*)::int FROM pgboss.queue) AS queues,
              (SELECT count(*)::int FROM global_roles) AS roles, (SELECT count(DISTINCT name)::int FROM global_roles) AS names`,
    );
    expect(rows[0]!.version).toBeGreaterThan(0);
    expect(rows[0]!.roles).toBeGreaterThan(50);
    expect(rows[0]!.names).toBe(rows[0]!.roles);

    const again = await migrateCli(server.url);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/is up to date\.$/);
  }, 180_000);
});
