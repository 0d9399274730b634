/**
 * The demo agency's day: candidate owners, applications in every pipeline stage (some moved by the admin,
 * some waiting too long), a few placements, matches spread over the last two weeks, and the inbox brought up
 * to date, so the home page, inbox and pipeline show something real on first sign-in.
 */
import { changeApplicationStatus, createApplication } from '../applications/applications.js';
import { reopenApplicationWithReason } from '../applications/pipeline-moves.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import { refreshTenantInbox } from '../inbox/refresh-inbox.js';
import { recordPlacement } from '../placements/placements.js';

/** Where each demo application ends up; the list repeats over the candidates with matches. */
const DEMO_PATHS: ApplicationStatus[][] = [
  [],
  ['screening'],
  ['screening', 'interviewing'],
  ['screening', 'interviewing', 'offer'],
  ['screening', 'interviewing', 'offer', 'accepted'],
  ['screening', 'rejected'],
  ['withdrawn'],
  ['screening', 'interviewing'],
  [],
  ['screening', 'interviewing', 'offer', 'accepted'],
  ['screening', 'interviewing', 'rejected'],
  ['screening', 'interviewing', 'offer'],
];

export async function loadDemoDay(
  database: Database,
  tenantId: number,
  users: { recruiterId: number; adminId: number },
): Promise<{ applications: number; placements: number; inbox: number }> {
  const recruiter = { tenantId, userId: users.recruiterId };
  const admin = { tenantId, userId: users.adminId };
  const picks = await withTenant(database, tenantId, async (tx) => {
    // Two of three candidates belong to the recruiter, the rest to the admin.
    await tx.sql.query(
      `UPDATE candidates SET owner_user_id = CASE WHEN id % 3 = 0 THEN $2::int ELSE $3::int END WHERE tenant_id = $1`,
      [tenantId, users.adminId, users.recruiterId],
    );
    // Matches spread over the last two weeks, so the charts and "no match in 7 days" have something to show.
    await tx.sql.query(
      `UPDATE candidate_job_matches m SET matched_at = now() - ((m.candidate_id % 5) * 3 + m.id % 3) * interval '1 day'
         FROM candidates c WHERE c.id = m.candidate_id AND c.tenant_id = $1`,
      [tenantId],
    );
    // Each candidate's best match, one per job (a placement closes its job for the agency).
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
  });
  let placements = 0;
  for (const [index, matchId] of picks.slice(0, DEMO_PATHS.length).entries()) {
    const application = await createApplication(database, recruiter, { match_id: matchId });
    let from: ApplicationStatus = 'applied';
    for (const [step, to] of DEMO_PATHS[index]!.entries()) {
      const actor = step === 1 && index % 2 === 0 ? admin : recruiter;
      if (to === 'accepted') {
        await recordPlacement(database, actor, application.id, {
          start_date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          currency: 'USD',
          ...(placements % 2 === 0
            ? { rate_period: 'hour', pay_rate: 62, bill_rate: 85 }
            : { rate_period: 'year', pay_rate: 120_000, fee: 24_000 }),
          close_job: true,
        });
        placements += 1;
      } else {
        await changeApplicationStatus(database, actor, application.id, { status: to });
      }
      from = to;
    }
    if (index === 10 && from === 'rejected')
      await reopenApplicationWithReason(database, recruiter, application.id, 'The client reopened the role');
  }
  return withTenant(database, tenantId, async (tx) => {
    // A few applications have waited in their stage longer than the default limit of 7 days.
    await tx.sql.query(
      `UPDATE job_applications a SET status_updated_at = now() - interval '10 days'
         FROM candidates c
        WHERE c.id = a.candidate_id AND c.tenant_id = $1 AND a.application_status IN ('screening', 'applied')`,
      [tenantId],
    );
    await refreshTenantInbox(tx, tenantId);
    // A first day shows a readable inbox: each user's 20 best match announcements and the pipeline news
    // unread, the long tail of first announcements already read.
    await tx.sql.query(
      `UPDATE inbox_entries i SET read_at = now()
         FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY score DESC, id) AS rank
                 FROM inbox_entries WHERE tenant_id = $1 AND kind = 'match.recommended') ranked
        WHERE ranked.id = i.id AND ranked.rank > 20`,
      [tenantId],
    );
    const { rows } = await tx.sql.query<{ applications: number; inbox: number }>(
      `SELECT (SELECT count(*)::int FROM job_applications a JOIN candidates c ON c.id = a.candidate_id
                WHERE c.tenant_id = $1) AS applications,
              (SELECT count(*)::int FROM inbox_entries WHERE tenant_id = $1) AS inbox`,
      [tenantId],
    );
    return { ...rows[0]!, placements };
  });
}
