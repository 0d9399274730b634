import type { DbContext } from '../db/database.js';
import type { Funnel, HomePage, NewMatchGroup, Viewer } from './home.js';

const CHART_DAYS = 14;

/** `$1` tenant, `$2` owner (null: every candidate of the agency). */
const SCOPED = `c.tenant_id = $1 AND ($2::int IS NULL OR c.owner_user_id = $2)`;

export async function lastSeen(tx: DbContext, userId: number): Promise<Date | null> {
  const { rows } = await tx.sql.query<{ home_seen_at: Date | null }>(
    'SELECT home_seen_at FROM user_day_preferences WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.home_seen_at ?? null;
}

export async function funnelsByOwner(tx: DbContext, tenantId: number, owner: number | null) {
  const { rows } = await tx.sql.query<Funnel & { owner_user_id: number | null }>(
    `SELECT c.owner_user_id,
            coalesce(sum(m.matched), 0)::int AS matched, coalesce(sum(m.shortlisted), 0)::int AS shortlisted,
            coalesce(sum(a.applied), 0)::int AS applied, coalesce(sum(a.interviewing), 0)::int AS interviewing,
            coalesce(sum(a.offer), 0)::int AS offer, coalesce(sum(p.placed), 0)::int AS placed
       FROM candidates c
       LEFT JOIN LATERAL (
         SELECT count(*) AS matched, count(*) FILTER (WHERE status IN ('shortlisted', 'applied')) AS shortlisted
           FROM candidate_job_matches WHERE candidate_id = c.id) m ON true
       LEFT JOIN LATERAL (
         SELECT count(*) AS applied,
                count(*) FILTER (WHERE application_status IN ('interviewing', 'offer', 'accepted')) AS interviewing,
                count(*) FILTER (WHERE application_status IN ('offer', 'accepted')) AS offer
           FROM job_applications WHERE candidate_id = c.id) a ON true
       LEFT JOIN LATERAL (SELECT count(*) AS placed FROM placements WHERE candidate_id = c.id) p ON true
      WHERE ${SCOPED}
      GROUP BY c.owner_user_id`,
    [tenantId, owner],
  );
  return rows;
}

/** Matches stored per day over the chart's days, per owner; days without any match come with a null owner. */
export async function matchesPerDayByOwner(tx: DbContext, tenantId: number, owner: number | null) {
  const { rows } = await tx.sql.query<{ owner_user_id: number | null; day: string; count: number }>(
    `WITH counts AS (
       SELECT c.owner_user_id, m.matched_at::date AS day, count(*)::int AS count
         FROM candidate_job_matches m JOIN candidates c ON c.id = m.candidate_id
        WHERE ${SCOPED} AND m.matched_at >= current_date - ($3::int - 1)
        GROUP BY 1, 2)
     SELECT counts.owner_user_id, d.day::date::text AS day, coalesce(counts.count, 0)::int AS count
       FROM generate_series(current_date - ($3::int - 1), current_date, interval '1 day') AS d(day)
       LEFT JOIN counts ON counts.day = d.day::date
      ORDER BY d.day`,
    [tenantId, owner, CHART_DAYS],
  );
  return rows;
}

/** The best few new recommended matches of each of the newest candidates with any, since `since`. */
export async function freshRecommendedMatches(
  tx: DbContext,
  tenantId: number,
  owner: number | null,
  since: Date,
  limits: { groups: number; perGroup: number },
): Promise<
  (NewMatchGroup['matches'][number] & { candidate_id: number; candidate_name: string; new_count: number })[]
> {
  const { rows } = await tx.sql.query<
    NewMatchGroup['matches'][number] & { candidate_id: number; candidate_name: string; new_count: number }
  >(
    `WITH fresh AS (
       SELECT m.id AS match_id, m.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
              m.job_posting_id, j.title AS job_title, j.company, m.match_score, m.match_reasons[1] AS reason,
              m.matched_at,
              row_number() OVER (PARTITION BY m.candidate_id ORDER BY m.match_score DESC, m.id) AS rank,
              max(m.matched_at) OVER (PARTITION BY m.candidate_id) AS newest_at,
              max(m.match_score) OVER (PARTITION BY m.candidate_id) AS best_score,
              count(*) OVER (PARTITION BY m.candidate_id)::int AS new_count
         FROM candidate_job_matches m
         JOIN candidates c ON c.id = m.candidate_id
         JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'active'
        WHERE ${SCOPED} AND m.is_recommended AND m.matched_at > $3
          AND NOT EXISTS (SELECT 1 FROM tenant_job_closures x WHERE x.tenant_id = $1 AND x.job_posting_id = j.id)
     ), groups AS (
       SELECT candidate_id, dense_rank() OVER (ORDER BY newest_at DESC, best_score DESC, candidate_id) AS group_rank
         FROM fresh GROUP BY candidate_id, newest_at, best_score
     )
     SELECT f.match_id, f.candidate_id, f.candidate_name, f.new_count, f.job_posting_id, f.job_title, f.company,
            f.match_score, f.reason, f.matched_at
       FROM fresh f JOIN groups g USING (candidate_id)
      WHERE g.group_rank <= $4 AND f.rank <= $5
      ORDER BY g.group_rank, f.rank`,
    [tenantId, owner, since, limits.groups, limits.perGroup],
  );
  return rows;
}

/** Matchable candidates without a new match for `quietDays`, the longest quiet first. */
export async function quietCandidates(
  tx: DbContext,
  tenantId: number,
  owner: number | null,
  quietDays: number,
): Promise<HomePage['quiet_candidates']> {
  const { rows } = await tx.sql.query<HomePage['quiet_candidates'][number]>(
    `SELECT c.id AS candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
            (SELECT max(matched_at) FROM candidate_job_matches m WHERE m.candidate_id = c.id) AS last_matched_at
       FROM candidates c
      WHERE ${SCOPED} AND c.status IN ('approved', 'ready_for_assignment')
        AND NOT EXISTS (SELECT 1 FROM candidate_job_matches m
                         WHERE m.candidate_id = c.id AND m.matched_at > now() - $3::int * interval '1 day')
      ORDER BY last_matched_at NULLS FIRST, c.id LIMIT 50`,
    [tenantId, owner, quietDays],
  );
  return rows;
}

/** Open applications unchanged for longer than `stageLimitDays`, the longest waiting first. */
export async function waitingApplications(
  tx: DbContext,
  tenantId: number,
  owner: number | null,
  stageLimitDays: number,
): Promise<HomePage['waiting_applications']> {
  const { rows } = await tx.sql.query<HomePage['waiting_applications'][number]>(
    `SELECT a.id AS application_id, c.id AS candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
            j.title AS job_title, a.application_status,
            floor(extract(epoch FROM now() - coalesce(a.status_updated_at, a.applied_at)) / 86400)::int AS days_waiting
       FROM job_applications a
       JOIN candidates c ON c.id = a.candidate_id
       JOIN job_postings j ON j.id = a.job_posting_id
      WHERE ${SCOPED} AND a.application_status NOT IN ('accepted', 'rejected', 'withdrawn')
        AND coalesce(a.status_updated_at, a.applied_at) < now() - $3::int * interval '1 day'
      ORDER BY coalesce(a.status_updated_at, a.applied_at), a.id LIMIT 50`,
    [tenantId, owner, stageLimitDays],
  );
  return rows;
}

export async function recruitersOf(tx: DbContext, tenantId: number): Promise<{ id: number; name: string }[]> {
  const { rows } = await tx.sql.query<{ id: number; name: string }>(
    `SELECT id, coalesce(full_name, email) AS name FROM users
        WHERE tenant_id = $1 AND role IN ('RECRUITER', 'TENANT_ADMIN') ORDER BY name, id`,
    [tenantId],
  );
  return rows;
}

export async function recordHomeSeen(tx: DbContext, viewer: Viewer): Promise<Date> {
  const { rows } = await tx.sql.query<{ home_seen_at: Date }>(
    `INSERT INTO user_day_preferences (user_id, tenant_id, home_seen_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET home_seen_at = now() RETURNING home_seen_at`,
    [viewer.userId, viewer.tenantId],
  );
  return rows[0]!.home_seen_at;
}
