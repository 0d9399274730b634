import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPg } from '../../src/db/pg-database.js';
import { withTenant } from '../../src/db/with-tenant.js';
import { createServerDatabase, testServerUrl } from '../support/pg-server.js';

/**
 * Row-level security on a PostgreSQL server, where the application role is a real non-superuser: every
 * table holding tenant data is isolated, the policies name no owner role, and a database whose tables belong
 * to another owner (as after a restore under another role) still serves system work and still isolates.
 */
const GLOBAL_TABLES = [
  'global_roles',
  'job_import_batches',
  'job_import_errors',
  'job_postings',
  'role_link_reviews',
  'role_job_mapping',
  'scrape_sessions',
  'worker_heartbeats',
];

describe.runIf(testServerUrl)('tenant isolation enforced by the database', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let database: Database;
  let tenantA: number;
  let tenantB: number;
  let userB: number;
  beforeAll(async () => {
    server = await createServerDatabase('h_rel_rls');
    database = server.database;
    const { rows } = await database.sql.query<{ id: number }>(
      `INSERT INTO tenants (name, slug) VALUES ('A', 'a'), ('B', 'b') RETURNING id`,
    );
    [tenantA, tenantB] = rows.map((row) => row.id) as [number, number];
    const users = await database.sql.query<{ id: number }>(
      `INSERT INTO users (tenant_id, email, password_hash, role)
       VALUES ($1, 'same@agency.test', 'x', 'RECRUITER'), ($2, 'same@agency.test', 'y', 'RECRUITER') RETURNING id`,
      [tenantA, tenantB],
    );
    userB = users.rows[1]!.id;
    await database.sql.query(
      `INSERT INTO user_sessions (id, user_id, csrf_token, expires_at) VALUES ('sb', $1, 'c', now() + interval '1 hour')`,
      [userB],
    );
    await database.sql.query(`INSERT INTO tenant_settings (tenant_id) VALUES ($1), ($2)`, [tenantA, tenantB]);
    await database.sql.query(
      `INSERT INTO role_mapping_reports (tenant_id, input_text) VALUES ($1, 'a'), ($2, 'b')`,
      [tenantA, tenantB],
    );
    await database.sql.query(
      `INSERT INTO candidates (tenant_id, first_name, last_name, email) VALUES ($1, 'A', 'A', 'a@a.test'), ($2, 'B', 'B', 'b@b.test')`,
      [tenantA, tenantB],
    );
  }, 120_000);
  afterAll(() => server?.drop());

  it('every table is either global (listed) or has row-level security enabled and forced', async () => {
    const { rows } = await database.sql.query<{ relname: string; enabled: boolean; forced: boolean }>(
      `SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    const unprotected = rows
      .filter((row) => !GLOBAL_TABLES.includes(row.relname) && !(row.enabled && row.forced))
      .map((row) => row.relname);
    expect(unprotected).toEqual([]);
    expect(rows.filter((row) => !GLOBAL_TABLES.includes(row.relname)).length).toBeGreaterThanOrEqual(11);
  });

  it('policies name only the application role or everyone, never the owner', async () => {
    const { rows } = await database.sql.query<{ policyname: string; roles: string[]; qual: string | null }>(
      `SELECT policyname, roles::text[] AS roles, qual FROM pg_policies WHERE schemaname = 'public'`,
    );
    const { rows: owner } = await database.sql.query<{ name: string }>(`SELECT current_user AS name`);
    expect(rows.length).toBeGreaterThan(20);
    for (const policy of rows) {
      expect(
        policy.roles.every((role) => ['public', 'jobmatch_app'].includes(role)),
        policy.policyname,
      ).toBe(true);
      expect(policy.qual ?? '', policy.policyname).not.toContain(owner[0]!.name);
    }
  });

  it('the application role is no superuser, cannot bypass row-level security and owns nothing', async () => {
    const { rows } = await database.sql.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid)
            + (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid)
            + (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid)
            + (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = 'jobmatch_app'`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("inside tenant A's transaction, tenant B's users, sessions, settings and reports are out of reach", async () => {
    await withTenant(database, tenantA, async (tx) => {
      const count = async (table: string) =>
        (await tx.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      expect(await count('users')).toBe(1);
      expect(await count('user_sessions')).toBe(0);
      expect(await count('tenant_settings')).toBe(1);
      expect(await count('role_mapping_reports')).toBe(1);
      expect(await count('tenants')).toBe(1);
      const promoted = await tx.sql.query(`UPDATE users SET role = 'TENANT_ADMIN' WHERE id = $1`, [userB]);
      expect(promoted.rowCount).toBe(0);
    });
    await expect(
      withTenant(database, tenantA, (tx) =>
        tx.sql.query(
          `INSERT INTO users (tenant_id, email, password_hash, role) VALUES (NULL, 'evil@x.test', 'x', 'PM_ADMIN')`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('the same e-mail may exist in two agencies, but not twice in one', async () => {
    await expect(
      database.sql.query(
        `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, 'SAME@agency.test', 'z', 'RECRUITER')`,
        [tenantA],
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('tables owned by another role (a restore under another owner): system work sees every tenant, tenants still only their own', async () => {
    const owner = `h_rel_owner_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    let asOwner: Database | undefined;
    try {
      await admin.query(`CREATE ROLE ${owner} LOGIN`);
      await admin.query(`GRANT jobmatch_app TO ${owner}`);
      await admin.query(`GRANT ALL ON SCHEMA public TO ${owner}`);
      const { rows } = await admin.query<{ statement: string }>(
        `SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, $1::text) AS statement
         FROM pg_tables WHERE schemaname = 'public'`,
        [owner],
      );
      for (const { statement } of rows) await admin.query(statement);
      const url = new URL(server.url);
      url.username = owner;
      asOwner = await openPg(url.toString(), { poolSize: 2 });
      const all = await asOwner.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM candidates`);
      expect(all.rows[0]!.n).toBe(2);
      const own = await withTenant(asOwner, tenantB, (tx) =>
        tx.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM candidates`),
      );
      expect(own.rows[0]!.n).toBe(1);
    } finally {
      await asOwner?.close();
      const { rows } = await admin.query<{ statement: string }>(
        `SELECT format('ALTER TABLE public.%I OWNER TO CURRENT_USER', tablename) AS statement
         FROM pg_tables WHERE schemaname = 'public'`,
      );
      for (const { statement } of rows) await admin.query(statement);
      await admin.query(`REVOKE ALL ON SCHEMA public FROM ${owner}`);
      await admin.query(`DROP OWNED BY ${owner}`);
      await admin.query(`DROP ROLE ${owner}`);
      await admin.end();
    }
  }, 60_000);
});
