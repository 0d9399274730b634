/**
 * The recruiter's home page: what is new since they last looked, who needs attention, and how the pipeline
 * runs. "Mine" is the candidates the user owns; agency admins may ask for the whole agency and also get the
 * funnel and the matches per day for every recruiter.
 */
import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { loadAlertSettings } from '../inbox/alert-settings.js';

export type HomeScope = 'mine' | 'agency';

export interface Viewer {
  tenantId: number;
  userId: number;
  isAdmin: boolean;
}

export interface NewMatchGroup {
  candidate_id: number;
  candidate_name: string;
  /** All new recommended matches of the candidate; `matches` holds the best few. */
  new_count: number;
  best_score: number;
  newest_at: Date;
  matches: {
    match_id: number;
    job_posting_id: number;
    job_title: string;
    company: string | null;
    match_score: number;
    reason: string | null;
    matched_at: Date;
  }[];
}

export const FUNNEL_STAGES = [
  'matched',
  'shortlisted',
  'applied',
  'interviewing',
  'offer',
  'placed',
] as const;
export type Funnel = Record<(typeof FUNNEL_STAGES)[number], number>;
export interface DayCount {
  day: string;
  count: number;
}

export interface HomePage {
  scope: HomeScope;
  since: Date;
  stage_limit_days: number;
  new_matches: NewMatchGroup[];
  quiet_candidates: { candidate_id: number; candidate_name: string; last_matched_at: Date | null }[];
  waiting_applications: {
    application_id: number;
    candidate_id: number;
    candidate_name: string;
    job_title: string;
    application_status: string;
    days_waiting: number;
  }[];
  funnel: Funnel;
  matches_per_day: DayCount[];
  per_recruiter: { user_id: number; name: string; funnel: Funnel; matches_per_day: DayCount[] }[] | null;
}

const QUIET_DAYS = 7;
const CHART_DAYS = 14;
const GROUPS = 20;
const PER_GROUP = 5;

/** `$1` tenant, `$2` owner (null: every candidate of the agency). */
const SCOPED = `c.tenant_id = $1 AND ($2::int IS NULL OR c.owner_user_id = $2)`;

async function lastSeen(tx: DbContext, userId: number): Promise<Date | null> {
  const { rows } = await tx.sql.query<{ home_seen_at: Date | null }>(
    'SELECT home_seen_at FROM user_day_preferences WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.home_seen_at ?? null;
}

async function funnelsByOwner(tx: DbContext, tenantId: number, owner: number | null) {
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
async function matchesPerDayByOwner(tx: DbContext, tenantId: number, owner: number | null) {
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

function sumFunnels(funnels: Funnel[]): Funnel {
  const total = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Funnel;
  for (const funnel of funnels) for (const stage of FUNNEL_STAGES) total[stage] += funnel[stage];
  return total;
}

/** Counts per day over every day of `all` (days of `rows` missing from it count 0). */
function sumDays(all: { day: string }[], rows: { day: string; count: number }[]): DayCount[] {
  const byDay = new Map(all.map((row) => [row.day, 0]));
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count);
  return [...byDay].map(([day, count]) => ({ day, count }));
}

export function homePage(database: Database, viewer: Viewer, scope: HomeScope): Promise<HomePage> {
  return withTenant(database, viewer.tenantId, async (tx) => {
    const owner = scope === 'mine' ? viewer.userId : null;
    const since = (await lastSeen(tx, viewer.userId)) ?? new Date(Date.now() - QUIET_DAYS * 86_400_000);
    const settings = await loadAlertSettings(tx, viewer.tenantId);
    const fresh = await tx.sql.query<
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
      [viewer.tenantId, owner, since, GROUPS, PER_GROUP],
    );
    const groups = new Map<number, NewMatchGroup>();
    for (const { candidate_id, candidate_name, new_count, ...match } of fresh.rows) {
      const group = groups.get(candidate_id) ?? {
        candidate_id,
        candidate_name,
        new_count,
        best_score: match.match_score,
        newest_at: match.matched_at,
        matches: [],
      };
      if (match.matched_at > group.newest_at) group.newest_at = match.matched_at;
      group.matches.push(match);
      groups.set(candidate_id, group);
    }
    const quiet = await tx.sql.query<HomePage['quiet_candidates'][number]>(
      `SELECT c.id AS candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
              (SELECT max(matched_at) FROM candidate_job_matches m WHERE m.candidate_id = c.id) AS last_matched_at
         FROM candidates c
        WHERE ${SCOPED} AND c.status IN ('approved', 'ready_for_assignment')
          AND NOT EXISTS (SELECT 1 FROM candidate_job_matches m
                           WHERE m.candidate_id = c.id AND m.matched_at > now() - $3::int * interval '1 day')
        ORDER BY last_matched_at NULLS FIRST, c.id LIMIT 50`,
      [viewer.tenantId, owner, QUIET_DAYS],
    );
    const waiting = await tx.sql.query<HomePage['waiting_applications'][number]>(
      `SELECT a.id AS application_id, c.id AS candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
              j.title AS job_title, a.application_status,
              floor(extract(epoch FROM now() - coalesce(a.status_updated_at, a.applied_at)) / 86400)::int AS days_waiting
         FROM job_applications a
         JOIN candidates c ON c.id = a.candidate_id
         JOIN job_postings j ON j.id = a.job_posting_id
        WHERE ${SCOPED} AND a.application_status NOT IN ('accepted', 'rejected', 'withdrawn')
          AND coalesce(a.status_updated_at, a.applied_at) < now() - $3::int * interval '1 day'
        ORDER BY coalesce(a.status_updated_at, a.applied_at), a.id LIMIT 50`,
      [viewer.tenantId, owner, settings.stage_limit_days],
    );
    const funnels = await funnelsByOwner(tx, viewer.tenantId, owner);
    const days = await matchesPerDayByOwner(tx, viewer.tenantId, owner);
    let perRecruiter: HomePage['per_recruiter'] = null;
    if (viewer.isAdmin) {
      const everyone =
        scope === 'agency'
          ? { funnels, days }
          : {
              funnels: await funnelsByOwner(tx, viewer.tenantId, null),
              days: await matchesPerDayByOwner(tx, viewer.tenantId, null),
            };
      const users = await tx.sql.query<{ id: number; name: string }>(
        `SELECT id, coalesce(full_name, email) AS name FROM users
          WHERE tenant_id = $1 AND role IN ('RECRUITER', 'TENANT_ADMIN') ORDER BY name, id`,
        [viewer.tenantId],
      );
      perRecruiter = users.rows.map((user) => ({
        user_id: user.id,
        name: user.name,
        funnel: sumFunnels(everyone.funnels.filter((row) => row.owner_user_id === user.id)),
        matches_per_day: sumDays(
          days,
          everyone.days.filter((row) => row.owner_user_id === user.id),
        ),
      }));
    }
    return {
      scope,
      since,
      stage_limit_days: settings.stage_limit_days,
      new_matches: [...groups.values()],
      quiet_candidates: quiet.rows,
      waiting_applications: waiting.rows,
      funnel: sumFunnels(funnels),
      matches_per_day: sumDays(days, days),
      per_recruiter: perRecruiter,
    };
  });
}

/** The user has looked: new matches count from now. */
export function markHomeSeen(database: Database, viewer: Viewer): Promise<Date> {
  return withTenant(database, viewer.tenantId, async (tx) => {
    const { rows } = await tx.sql.query<{ home_seen_at: Date }>(
      `INSERT INTO user_day_preferences (user_id, tenant_id, home_seen_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET home_seen_at = now() RETURNING home_seen_at`,
      [viewer.userId, viewer.tenantId],
    );
    return rows[0]!.home_seen_at;
  });
}
