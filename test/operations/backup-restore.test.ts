import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/program.js';
import { type Config, parseConfig } from '../../src/config/config.js';
import type { Database, SqlExecutor } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { openPg } from '../../src/db/pg-database.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { withTenant } from '../../src/db/with-tenant.js';
import { tableCounts } from '../../src/operations/backup-queries.js';
import { spawnJobmatch } from '../support/jobmatch-process.js';
import { createServerDatabase, describeOnServer, testServerUrl } from '../support/pg-server.js';

async function cli(config: Config, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await runCli(argv, io, () => config);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Two agencies with users, candidates and settings: what isolation is checked on after a restore. */
async function seedTwoTenants(sql: SqlExecutor): Promise<{ tenantA: number; tenantB: number }> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ('A', 'a'), ('B', 'b') RETURNING id`,
  );
  const [tenantA, tenantB] = rows.map((row) => row.id) as [number, number];
  await sql.query(
    `INSERT INTO users (tenant_id, email, password_hash, role)
     VALUES ($1, 'same@agency.test', 'x', 'RECRUITER'), ($2, 'same@agency.test', 'y', 'RECRUITER')`,
    [tenantA, tenantB],
  );
  await sql.query(`INSERT INTO tenant_settings (tenant_id) VALUES ($1), ($2)`, [tenantA, tenantB]);
  await sql.query(
    `INSERT INTO candidates (tenant_id, first_name, last_name, email)
     SELECT $1::int, 'A', 'Candidate ' || i, 'a' || i || '@a.test' FROM generate_series(1, 30) i
     UNION ALL SELECT $2::int, 'B', 'Candidate ' || i, 'b' || i || '@b.test' FROM generate_series(1, 12) i`,
    [tenantA, tenantB],
  );
  return { tenantA, tenantB };
}

async function candidatesSeenBy(database: Database, tenantId: number): Promise<string[]> {
  const { rows } = await withTenant(database, tenantId, (tx) =>
    tx.sql.query<{ first_name: string }>(`SELECT DISTINCT first_name FROM candidates`),
  );
  return rows.map((row) => row.first_name);
}

async function sequenceValues(sql: SqlExecutor) {
  const { rows } = await sql.query(
    `SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY schemaname, sequencename`,
  );
  return rows;
}

describe('backup and restore of the embedded database', () => {
  let dir: string;
  let holder: Awaited<ReturnType<typeof openPglite>>;
  let tenants: { tenantA: number; tenantB: number };
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-backup-'));
    // This process holds the data dir as `jobmatch serve` does: the backup goes through its snapshot socket.
    holder = await openPglite({ dataDir: path.join(dir, 'source', 'pglite') });
    await migrate(holder);
    tenants = await seedTwoTenants(holder.sql);
  }, 120_000);
  afterAll(async () => {
    await holder?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('backs up while the data dir is held and written to, restores into a fresh data dir with every row, and isolation holds', async () => {
    const source = parseConfig({ JOBMATCH_DATA_DIR: path.join(dir, 'source'), LOG_LEVEL: 'silent' });
    const file = path.join(dir, 'embedded.backup');
    // Writers keep committing pairs of rows during the snapshot: a consistent snapshot holds whole pairs only.
    let writing = true;
    const writer = (async () => {
      for (let pair = 0; writing; pair += 1) {
        // Yield to I/O between transactions, as a server between requests: PGlite resolves queries in microtasks.
        await new Promise((resolve) => setImmediate(resolve));
        await holder.transaction(async (tx) => {
          await tx.sql.query(
            `INSERT INTO candidates (tenant_id, first_name, last_name, email)
             VALUES ($1, 'Pair', $2, $3), ($1, 'Pair', $2, $4)`,
            [tenants.tenantA, `pair${pair}`, `pair${pair}-1@a.test`, `pair${pair}-2@a.test`],
          );
        });
      }
    })();
    const backup = await cli(source, 'backup', file);
    writing = false;
    await writer;
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/^Backed up the embedded database to .*embedded\.backup \(\d+\.\d MB/);

    const target = parseConfig({ JOBMATCH_DATA_DIR: path.join(dir, 'target'), LOG_LEVEL: 'silent' });
    const restored = await cli(target, 'restore', file);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^Restored the embedded backup .*: \d+ tables, \d+ rows\.$/);

    const copy = await openPglite({ dataDir: path.join(dir, 'target', 'pglite') });
    try {
      const pairs = await copy.sql.query<{ odd: number }>(
        `SELECT count(*)::int AS odd FROM (SELECT last_name FROM candidates WHERE first_name = 'Pair'
         GROUP BY last_name HAVING count(*) <> 2) unpaired`,
      );
      expect(pairs.rows[0]!.odd).toBe(0);
      // The snapshot is the source as of one moment: remove the pairs written after it, then compare everything.
      const restoredPairs = await copy.sql.query<{ last_name: string }>(
        `SELECT DISTINCT last_name FROM candidates WHERE first_name = 'Pair'`,
      );
      await holder.sql.query(
        `DELETE FROM candidates WHERE first_name = 'Pair' AND NOT (last_name = ANY($1::text[]))`,
        [restoredPairs.rows.map((row) => row.last_name)],
      );
      await holder.sql.query(
        `DELETE FROM candidate_status_changes WHERE candidate_id NOT IN (SELECT id FROM candidates)`,
      );
      const [before, after] = [await tableCounts(holder.sql), await tableCounts(copy.sql)];
      expect(after.length).toBeGreaterThan(30);
      expect(after).toEqual(before);
      // The data dir carries the cluster's roles: the policies and the role they name come back with it.
      const policies = `SELECT tablename, policyname, roles::text[] AS roles, qual FROM pg_policies ORDER BY 1, 2`;
      const restoredPolicies = (await copy.sql.query(policies)).rows;
      expect(restoredPolicies.length).toBeGreaterThan(10);
      expect(restoredPolicies).toEqual((await holder.sql.query(policies)).rows);
      const app = await copy.sql.query(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'jobmatch_app'`,
      );
      expect(app.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      expect(await candidatesSeenBy(copy, tenants.tenantB)).toEqual(['B']);
      expect((await candidatesSeenBy(copy, tenants.tenantA)).sort()).toEqual(['A', 'Pair']);
    } finally {
      await copy.close();
    }

    const again = await cli(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/is not empty: restore into a fresh JOBMATCH_DATA_DIR/);
  }, 240_000);
});

describe('backup while jobmatch serve runs in another process', () => {
  it('the serving process takes the snapshot; the restored copy holds what was written through the server', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-backup-serve-'));
    const server = spawnJobmatch(['serve'], { JOBMATCH_DATA_DIR: path.join(dir, 'source'), PORT: '0' });
    try {
      await server.waitFor(/Jobmatch is serving/);
      const source = parseConfig({ JOBMATCH_DATA_DIR: path.join(dir, 'source'), LOG_LEVEL: 'silent' });
      const created = await cli(source, 'keys', 'create', 'before-backup');
      expect(created.code, created.err).toBe(0);
      const file = path.join(dir, 'serve.backup');
      const backup = await cli(source, 'backup', file);
      expect(backup.code, backup.err).toBe(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const target = parseConfig({ JOBMATCH_DATA_DIR: path.join(dir, 'target'), LOG_LEVEL: 'silent' });
      const restored = await cli(target, 'restore', file);
      expect(restored.code, restored.err).toBe(0);
      const keys = await cli(target, 'keys', 'list');
      expect(keys.out).toContain('before-backup');
    } finally {
      server.child.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describeOnServer('backup and restore of a PostgreSQL server database', () => {
  let source: Awaited<ReturnType<typeof createServerDatabase>>;
  let tenants: { tenantA: number; tenantB: number };
  const owner = `h_ops_owner_${randomBytes(3).toString('hex')}`;
  // A role only this database's policy and grant name: restore must create it, as the backup carries it.
  const reader = `h_ops_reader_${randomBytes(3).toString('hex')}`;
  let sourceDropped: Promise<void> | undefined;
  const dropSource = () => {
    sourceDropped ??= source?.drop();
    return sourceDropped;
  };
  const targetName = `h_ops_restore_${randomBytes(3).toString('hex')}`;
  let admin: pg.Client;
  let targetUrl: string;
  beforeAll(async () => {
    source = await createServerDatabase('h_ops_backup');
    tenants = await seedTwoTenants(source.database.sql);
    admin = new pg.Client({ connectionString: testServerUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${reader} NOLOGIN NOINHERIT CONNECTION LIMIT 3`);
    await source.database.sql.query(`GRANT SELECT ON candidates TO ${reader}`);
    await source.database.sql.query(
      `CREATE POLICY reporting_reads_b ON candidates FOR SELECT TO ${reader} USING (tenant_id = ${tenants.tenantB})`,
    );
    // The operator's part: a login that is no superuser, owning an empty database with pgvector in it.
    await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'restore-pass'`);
    await admin.query(`CREATE DATABASE ${targetName} OWNER ${owner}`);
    const url = new URL(source.url);
    url.pathname = `/${targetName}`;
    const asSuperuser = new pg.Client({ connectionString: url.toString() });
    await asSuperuser.connect();
    await asSuperuser.query('CREATE EXTENSION vector');
    await asSuperuser.end();
    url.username = owner;
    url.password = 'restore-pass';
    targetUrl = url.toString();
  }, 120_000);
  afterAll(async () => {
    await dropSource();
    await admin?.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    await admin?.query(`DROP ROLE IF EXISTS ${owner}`);
    await admin?.query(`DROP ROLE IF EXISTS ${reader}`);
    await admin?.end();
  });

  it('restores under another owner with every row, the roles and policies, and tenant isolation', async () => {
    const file = path.join(os.tmpdir(), `${targetName}.backup`);
    const sourceConfig = parseConfig({ DATABASE_URL: source.url, LOG_LEVEL: 'silent' });
    const backup = await cli(sourceConfig, 'backup', file);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/^Backed up the server database to /);

    const header = (await fs.readFile(file)).subarray(0, 4096).toString('latin1');
    expect(header).toMatch(/^-- jobmatch server backup 1: \d{10}-byte roles header/);
    expect(header).toContain(`CREATE ROLE ${reader} NOLOGIN NOSUPERUSER NOREPLICATION NOINHERIT`);

    // What the source held; then it and the reader role go away, as on a new cluster.
    const policies = `SELECT tablename, policyname, roles::text[] AS roles, qual, with_check FROM pg_policies ORDER BY 1, 2`;
    const grants = `SELECT n.nspname, c.relname, r.rolname AS grantee, a.privilege_type
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
      JOIN pg_roles r ON r.oid = a.grantee
      WHERE a.grantee <> c.relowner AND n.nspname IN ('public', 'pgboss') ORDER BY 1, 2, 3, 4`;
    const expected = {
      tables: await tableCounts(source.database.sql),
      sequences: await sequenceValues(source.database.sql),
      policies: (await source.database.sql.query(policies)).rows,
      grants: (await source.database.sql.query(grants)).rows,
    };
    expect(expected.grants).toContainEqual({
      nspname: 'public',
      relname: 'candidates',
      grantee: reader,
      privilege_type: 'SELECT',
    });
    const targetConfig = parseConfig({ DATABASE_URL: targetUrl, LOG_LEVEL: 'silent' });
    const notMember = await cli(targetConfig, 'restore', file);
    expect(notMember.code).toBe(1);
    expect(notMember.err).toMatch(
      /not a member of the role jobmatch_app .*GRANT jobmatch_app TO <this login>/,
    );

    await dropSource();
    await admin.query(`DROP ROLE ${reader}`);
    const refused = await cli(targetConfig, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /name roles this login may not create .*give it CREATEROLE, or as a superuser run `head -c \d+ /,
    );
    await admin.query(`ALTER ROLE ${owner} CREATEROLE`);

    const restored = await cli(targetConfig, 'restore', file);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^Restored the server backup .*: \d+ tables, \d+ rows\.$/);

    const target = await openPg(targetUrl, { poolSize: 2 });
    try {
      const after = await tableCounts(target.sql);
      expect(after.some((table) => table.table.startsWith('pgboss.'))).toBe(true);
      expect(after).toEqual(expected.tables);
      expect(await sequenceValues(target.sql)).toEqual(expected.sequences);
      expect((await target.sql.query(policies)).rows).toEqual(expected.policies);
      expect((await target.sql.query(grants)).rows).toEqual(expected.grants);
      const recreated = await target.sql.query(
        `SELECT rolcanlogin, rolinherit, rolconnlimit, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`,
        [reader],
      );
      expect(recreated.rows).toEqual([
        { rolcanlogin: false, rolinherit: false, rolconnlimit: 3, rolsuper: false, rolbypassrls: false },
      ]);
      const owners = await target.sql.query<{ owner: string; tables: number }>(
        `SELECT tableowner AS owner, count(*)::int AS tables FROM pg_tables WHERE schemaname IN ('public', 'pgboss') GROUP BY 1`,
      );
      expect(owners.rows).toEqual([{ owner, tables: expect.any(Number) }]);
      const app = await target.sql.query(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'jobmatch_app'`,
      );
      expect(app.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      const appGrant = await target.sql.query<{ allowed: boolean }>(
        `SELECT has_table_privilege('jobmatch_app', 'public.candidates', 'SELECT, INSERT, UPDATE, DELETE') AS allowed`,
      );
      expect(appGrant.rows[0]!.allowed).toBe(true);

      // System work as the new owner sees every agency; the app role only the agency set for it.
      const all = await target.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM candidates`);
      expect(all.rows[0]!.n).toBe(42);
      expect(await candidatesSeenBy(target, tenants.tenantB)).toEqual(['B']);
      expect(await candidatesSeenBy(target, tenants.tenantA)).toEqual(['A']);
      // A table created after the restore by the new owner is reachable by the app role (default privileges).
      await target.sql.query(`CREATE TABLE public.after_restore (id int)`);
      const later = await target.sql.query<{ allowed: boolean }>(
        `SELECT has_table_privilege('jobmatch_app', 'public.after_restore', 'SELECT') AS allowed`,
      );
      expect(later.rows[0]!.allowed).toBe(true);
    } finally {
      await target.close();
    }

    const again = await cli(targetConfig, 'restore', file);
    await fs.rm(file, { force: true });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/it is not empty \(\d+ tables, views or sequences/);
  }, 240_000);

  it('restores a bare pg_dump archive too (no roles header: the tenant role as migration 0004 makes it)', async () => {
    const bare = await createServerDatabase('h_ops_bare_source');
    const name = `h_ops_bare_${randomBytes(3).toString('hex')}`;
    const file = path.join(os.tmpdir(), `${name}.pgdump`);
    try {
      await seedTwoTenants(bare.database.sql);
      await promisify(execFile)('pg_dump', ['--format=custom', '--file', file, '--dbname', bare.url]);
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(bare.url);
      url.pathname = `/${name}`;
      const restored = await cli(
        parseConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }),
        'restore',
        file,
      );
      expect(restored.code, restored.err).toBe(0);
      const copy = await openPg(url.toString(), { poolSize: 1 });
      try {
        expect(await tableCounts(copy.sql)).toEqual(await tableCounts(bare.database.sql));
      } finally {
        await copy.close();
      }
    } finally {
      await bare.drop();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await fs.rm(file, { force: true });
    }
  }, 120_000);

  it('refuses an embedded backup on a server, naming what to do', async () => {
    const file = path.join(os.tmpdir(), `${targetName}.tar.gz`);
    await fs.writeFile(file, Buffer.from([0x1f, 0x8b, 8, 0, 0]));
    const result = await cli(parseConfig({ DATABASE_URL: targetUrl, LOG_LEVEL: 'silent' }), 'restore', file);
    await fs.rm(file, { force: true });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/backup of an embedded database: restore it without DATABASE_URL/);
  });
});
