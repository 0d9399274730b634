import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/with-tenant.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** The recruiter's-day tables hold tenant data: row-level security like candidates (migration 0013). */
describe("row-level security on the recruiter's-day tables", () => {
  let database: TestDatabase;
  let tenants: number[];
  const TABLES = [
    'placements',
    'tenant_job_closures',
    'tenant_alert_settings',
    'user_day_preferences',
    'match_announcements',
    'inbox_entries',
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    const sql = database.sql;
    tenants = (
      await sql.query<{ id: number }>(
        `INSERT INTO tenants (name, slug) VALUES ('A', 'ra'), ('B', 'rb') RETURNING id`,
      )
    ).rows.map((row) => row.id);
    const job = (
      await sql.query<{ id: number }>(
        `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'rls-day', 'Dev') RETURNING id`,
      )
    ).rows[0]!.id;
    for (const [index, tenant] of tenants.entries()) {
      const user = (
        await sql.query<{ id: number }>(
          `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, $2, 'x', 'RECRUITER') RETURNING id`,
          [tenant, `day-${index}@x.test`],
        )
      ).rows[0]!.id;
      const candidate = (
        await sql.query<{ id: number }>(
          `INSERT INTO candidates (tenant_id, first_name, last_name, email, owner_user_id)
           VALUES ($1, 'C', 'D', 'c@d.test', $2) RETURNING id`,
          [tenant, user],
        )
      ).rows[0]!.id;
      const application = (
        await sql.query<{ id: number }>(
          `INSERT INTO job_applications (candidate_id, job_posting_id) VALUES ($1, $2) RETURNING id`,
          [candidate, job],
        )
      ).rows[0]!.id;
      await sql.query(
        `INSERT INTO placements (tenant_id, application_id, candidate_id, job_posting_id, start_date, currency,
                                 rate_period, pay_rate, bill_rate, margin)
         VALUES ($1, $2, $3, $4, '2027-01-01', 'USD', 'hour', 50, 70, 20)`,
        [tenant, application, candidate, job],
      );
      await sql.query(`INSERT INTO tenant_job_closures (tenant_id, job_posting_id) VALUES ($1, $2)`, [
        tenant,
        job,
      ]);
      await sql.query(`INSERT INTO tenant_alert_settings (tenant_id) VALUES ($1)`, [tenant]);
      await sql.query(`INSERT INTO user_day_preferences (user_id, tenant_id) VALUES ($1, $2)`, [
        user,
        tenant,
      ]);
      await sql.query(
        `INSERT INTO match_announcements (candidate_id, job_posting_id, tenant_id, announced_score) VALUES ($1, $2, $3, 80)`,
        [candidate, job, tenant],
      );
      await sql.query(
        `INSERT INTO inbox_entries (tenant_id, user_id, kind, title) VALUES ($1, $2, 'match.recommended', 't')`,
        [tenant, user],
      );
    }
  });
  afterAll(() => database.close());

  const countAll = (tenantId: number) =>
    withTenant(database, tenantId, async (tx) => {
      const counts: number[] = [];
      for (const table of TABLES) {
        counts.push(
          (await tx.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n,
        );
      }
      return counts;
    });

  it('enables and forces row-level security on every new tenant table', async () => {
    const { rows } = await database.sql.query<{ relname: string; on: boolean; forced: boolean }>(
      `SELECT relname, relrowsecurity AS on, relforcerowsecurity AS forced FROM pg_class WHERE relname = ANY ($1)`,
      [TABLES],
    );
    expect(rows).toHaveLength(TABLES.length);
    expect(rows.every((row) => row.on && row.forced)).toBe(true);
  });

  it("shows a tenant only its own rows and refuses writes into another's", async () => {
    expect(await countAll(tenants[0]!)).toEqual(TABLES.map(() => 1));
    await expect(
      withTenant(database, tenants[0]!, (tx) =>
        tx.sql.query(`INSERT INTO tenant_alert_settings (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
          tenants[1],
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withTenant(database, tenants[0]!, (tx) =>
      tx.sql.query(`UPDATE inbox_entries SET read_at = now() WHERE tenant_id = $1`, [tenants[1]]),
    );
    expect(updated.rowCount).toBe(0);
  });
});
