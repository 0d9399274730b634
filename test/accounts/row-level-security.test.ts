import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/pglite-database.js';
import { withTenant } from '../../src/db/with-tenant.js';
import { createEmbeddedTestDatabase, type TestDatabase } from '../support/database.js';

/** Row-level security, seen as the application role (PGlite's default user is a superuser and bypasses it). */
describe('row-level security for the application role', () => {
  let owner: Awaited<ReturnType<typeof createEmbeddedTestDatabase>>;
  let app: TestDatabase;
  let tenants: number[];
  let roleId: number;

  beforeAll(async () => {
    owner = await createEmbeddedTestDatabase();
    const created = await owner.sql.query<{ id: number }>(
      `INSERT INTO tenants (name, slug) VALUES ('A', 'a'), ('B', 'b') RETURNING id`,
    );
    tenants = created.rows.map((row) => row.id);
    const candidates = await owner.sql.query<{ id: number }>(
      `INSERT INTO candidates (tenant_id, first_name, last_name, email)
       VALUES ($1, 'Ann', 'A', 'ann@a.test'), ($2, 'Bob', 'B', 'bob@b.test') RETURNING id`,
      tenants,
    );
    const job = await owner.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'rls', 'Dev') RETURNING id`,
    );
    roleId = (
      await owner.sql.query<{ id: number }>(
        `INSERT INTO global_roles (name) VALUES ('RLS Role') RETURNING id`,
      )
    ).rows[0]!.id;
    for (const candidate of candidates.rows) {
      await owner.sql.query(
        `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score) VALUES ($1, $2, 50)`,
        [candidate.id, job.rows[0]!.id],
      );
      const application = await owner.sql.query<{ id: number }>(
        `INSERT INTO job_applications (candidate_id, job_posting_id) VALUES ($1, $2) RETURNING id`,
        [candidate.id, job.rows[0]!.id],
      );
      await owner.sql.query(
        `INSERT INTO job_application_events (application_id, to_status) VALUES ($1, 'applied')`,
        [application.rows[0]!.id],
      );
      await owner.sql.query(
        `INSERT INTO candidate_status_changes (candidate_id, to_status) VALUES ($1, 'pending_review')`,
        [candidate.id],
      );
      await owner.sql.query(
        `INSERT INTO candidate_global_roles (candidate_id, global_role_id) VALUES ($1, $2)`,
        [candidate.id, roleId],
      );
      const file = await owner.sql.query<{ id: number }>(
        `INSERT INTO resume_files (tenant_id, candidate_id, file_name, content_type, byte_size, sha256, content)
         SELECT tenant_id, id, 'cv.txt', 'text/plain', 2, repeat('0', 64), '\\x6869'::bytea FROM candidates WHERE id = $1
         RETURNING id`,
        [candidate.id],
      );
      await owner.sql.query(
        `INSERT INTO resume_drafts (tenant_id, resume_file_id, format, extracted_text, draft)
         SELECT tenant_id, id, 'txt', 'hi', '{}' FROM resume_files WHERE id = $1`,
        [file.rows[0]!.id],
      );
    }
    // Reopen the same data as the application role.
    const dump = await owner.pglite.dumpDataDir('gzip');
    app = await openPglite({ loadDataDir: dump, username: 'jobmatch_app' });
  });
  afterAll(async () => {
    await app?.close();
    await owner.close();
  });

  const TABLES = [
    'candidates',
    'candidate_job_matches',
    'job_applications',
    'job_application_events',
    'candidate_status_changes',
    'candidate_global_roles',
    'resume_files',
    'resume_drafts',
  ];
  const countAll = async (sql: TestDatabase['sql']) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    }
    return counts;
  };

  it('runs as a role that is not a superuser', async () => {
    const { rows } = await app.sql.query<{ user: string; su: boolean }>(
      `SELECT current_user AS user, rolsuper AS su FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ user: 'jobmatch_app', su: false });
  });

  it('forces row-level security on every tenant table', async () => {
    const tenantTables = [...TABLES, 'candidate_duplicate_dismissals', 'candidate_merges'];
    const { rows } = await owner.sql.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname = ANY($1::text[]) AND relrowsecurity AND relforcerowsecurity`,
      [tenantTables],
    );
    expect(rows.map((row) => row.relname).sort()).toEqual(tenantTables.sort());
  });

  it('shows nothing without a tenant', async () => {
    expect(Object.values(await countAll(app.sql))).toEqual(TABLES.map(() => 0));
  });

  it("shows only the set tenant's rows, in every tenant table", async () => {
    const counts = await withTenant(app, tenants[0]!, (tx) => countAll(tx.sql));
    expect(Object.values(counts)).toEqual(TABLES.map(() => 1));
    const names = await withTenant(app, tenants[1]!, (tx) =>
      tx.sql.query<{ email: string }>('SELECT email FROM candidates'),
    );
    expect(names.rows).toEqual([{ email: 'bob@b.test' }]);
    // The setting ends with the transaction.
    expect((await countAll(app.sql)).candidates).toBe(0);
  });

  it("refuses writes into another tenant's rows", async () => {
    await expect(
      withTenant(app, tenants[0]!, (tx) =>
        tx.sql.query(
          `INSERT INTO candidates (tenant_id, first_name, last_name, email) VALUES ($1, 'X', 'Y', 'x@y.test')`,
          [tenants[1]],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withTenant(app, tenants[0]!, (tx) =>
      tx.sql.query(`UPDATE candidates SET first_name = 'Hacked' WHERE tenant_id = $1`, [tenants[1]]),
    );
    expect(updated.rowCount).toBe(0);
  });

  it('recounts role candidates across tenants through the definer function', async () => {
    await withTenant(app, tenants[0]!, (tx) =>
      tx.sql.query('SELECT jobmatch_recount_role_candidates($1::int[])', [[roleId]]),
    );
    const appCount = await withTenant(app, tenants[0]!, (tx) =>
      tx.sql.query<{ candidate_count: number }>('SELECT candidate_count FROM global_roles WHERE id = $1', [
        roleId,
      ]),
    );
    expect(appCount.rows[0]!.candidate_count).toBe(2); // both tenants' links, though the caller sees one
  });

  it('applies to the application itself: tenant transactions switch to the app role, even as the owner', async () => {
    expect(owner.tenantRole).toBe('jobmatch_app');
    const seen = await withTenant(owner, tenants[0]!, async (tx) => {
      // No tenant filter in the query: row-level security alone keeps tenant B out.
      const { rows } = await tx.sql.query<{ tenant_id: number; who: string }>(
        'SELECT tenant_id, current_user AS who FROM candidates',
      );
      return rows;
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.tenant_id === tenants[0] && row.who === 'jobmatch_app')).toBe(true);
    const { rows: all } = await owner.sql.query<{ n: number }>(
      'SELECT count(DISTINCT tenant_id)::int AS n FROM candidates',
    );
    expect(all[0]!.n).toBe(2);
  });
});
