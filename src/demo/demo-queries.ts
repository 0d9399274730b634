import type { DbContext, SqlExecutor } from '../db/database.js';

/** Every third candidate of the tenant belongs to the admin, the others to the recruiter. */
export async function assignDemoOwners(
  tx: DbContext,
  tenantId: number,
  users: { recruiterId: number; adminId: number },
): Promise<void> {
  await tx.sql.query(
    `UPDATE candidates SET owner_user_id = CASE WHEN id % 3 = 0 THEN $2::int ELSE $3::int END WHERE tenant_id = $1`,
    [tenantId, users.adminId, users.recruiterId],
  );
}

/** The tenant's matches dated over the last two weeks. */
export async function spreadMatchDates(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `UPDATE candidate_job_matches m SET matched_at = now() - ((m.candidate_id % 5) * 3 + m.id % 3) * interval '1 day'
       FROM candidates c WHERE c.id = m.candidate_id AND c.tenant_id = $1`,
    [tenantId],
  );
}

/** Each approved or ready candidate's best match, one per job, in candidate order. */
export async function bestMatchPerCandidateAndJob(tx: DbContext, tenantId: number): Promise<number[]> {
  const { rows } = await tx.sql.query<{ match_id: number }>(
    `SELECT match_id FROM (
       SELECT DISTINCT ON (job_posting_id) match_id, candidate_id FROM (
         SELECT DISTINCT ON (c.id) m.id AS match_id, c.id AS candidate_id, m.job_posting_id
           FROM candidates c JOIN candidate_job_matches m ON m.candidate_id = c.id
          WHERE c.tenant_id = $1 AND c.status IN ('approved', 'ready_for_assignment')
          ORDER BY c.id, m.match_score DESC, m.id) best
       ORDER BY job_posting_id, candidate_id) distinct_jobs
     ORDER BY candidate_id`,
    [tenantId],
  );
  return rows.map((row) => row.match_id);
}

/** The tenant's applications in `applied` or `screening` moved there ten days ago. */
export async function ageEarlyApplications(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `UPDATE job_applications a SET status_updated_at = now() - interval '10 days'
       FROM candidates c
      WHERE c.id = a.candidate_id AND c.tenant_id = $1 AND a.application_status IN ('screening', 'applied')`,
    [tenantId],
  );
}

/** Each user's match announcements beyond their 20 best are read. */
export async function markLongTailAnnouncementsRead(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `UPDATE inbox_entries i SET read_at = now()
       FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY score DESC, id) AS rank
               FROM inbox_entries WHERE tenant_id = $1 AND kind = 'match.recommended') ranked
      WHERE ranked.id = i.id AND ranked.rank > 20`,
    [tenantId],
  );
}

export async function demoDayCounts(
  tx: DbContext,
  tenantId: number,
): Promise<{ applications: number; inbox: number }> {
  const { rows } = await tx.sql.query<{ applications: number; inbox: number }>(
    `SELECT (SELECT count(*)::int FROM job_applications a JOIN candidates c ON c.id = a.candidate_id
              WHERE c.tenant_id = $1) AS applications,
            (SELECT count(*)::int FROM inbox_entries WHERE tenant_id = $1) AS inbox`,
    [tenantId],
  );
  return rows[0]!;
}

export async function countUsers(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

/** Every role with mapped jobs counts as scraped, with its mapped jobs as its total. */
export async function markMappedRolesScraped(sql: SqlExecutor): Promise<void> {
  await sql.query(
    `UPDATE global_roles SET queue_status = 'completed', last_scraped_at = now(), total_jobs_scraped = j.n
     FROM (SELECT global_role_id, count(*)::int AS n FROM role_job_mapping GROUP BY global_role_id) j
     WHERE j.global_role_id = global_roles.id`,
  );
}

/** Serializes demo loads (two `setup --demo` at once): the second waits, then finds the agency loaded. */
export async function lockDemoLoad(sql: SqlExecutor): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('jobmatch:demo'))`);
}
