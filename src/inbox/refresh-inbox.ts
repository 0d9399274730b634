/**
 * Derives inbox entries from what is stored, set-based, once per tenant: recommended matches of owned
 * candidates (announced once per pair, again only when the score rose by the tenant's margin), pipeline moves
 * someone else made on a recruiter's candidate, and answers to the recruiter's role-mapping reports.
 * Runs after matching (a queued task) and whenever an inbox is read; an advisory lock per tenant keeps two
 * concurrent runs from announcing the same pair twice. An announced pair is also a `match.recommended`
 * webhook delivery for each subscribed endpoint (the outbox; src/webhooks dispatches it).
 */
import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings.js';

/** Only matches stored or rescored this recently are announced (a first run does not flood the inbox). */
const ANNOUNCE_WINDOW = '7 days';
const EVENT_WINDOW = '30 days';
const INBOX_LOCK = 190_019;

/** A pair announced by this run: what webhooks of `match.recommended` carry. */
export interface AnnouncedMatch {
  match_id: number;
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  previous_score: number | null;
  reason: string | null;
}

export async function refreshTenantInbox(tx: DbContext, tenantId: number): Promise<AnnouncedMatch[]> {
  await tx.sql.query('SELECT pg_advisory_xact_lock($1, $2)', [INBOX_LOCK, tenantId]);
  const announced = await tx.sql.query<AnnouncedMatch>(
    `WITH due AS (
       SELECT m.id AS match_id, m.candidate_id, m.job_posting_id, m.match_score, a.announced_score AS previous_score,
              m.match_reasons[1] AS reason, c.owner_user_id,
              c.first_name || ' ' || c.last_name AS candidate_name, j.title, j.company
         FROM candidate_job_matches m
         JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
         JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'active'
         LEFT JOIN match_announcements a ON a.candidate_id = m.candidate_id AND a.job_posting_id = m.job_posting_id
        WHERE m.is_recommended AND m.updated_at > now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM tenant_job_closures x WHERE x.tenant_id = $1 AND x.job_posting_id = m.job_posting_id)
          AND (a.candidate_id IS NULL OR m.match_score >= a.announced_score + coalesce(
                (SELECT rescore_margin FROM tenant_alert_settings s WHERE s.tenant_id = $1), $3))
     ), announce AS (
       INSERT INTO match_announcements (candidate_id, job_posting_id, tenant_id, announced_score)
       SELECT candidate_id, job_posting_id, $1, match_score FROM due
       ON CONFLICT (candidate_id, job_posting_id)
         DO UPDATE SET announced_score = EXCLUDED.announced_score, announced_at = now()
     ), notify AS (
       INSERT INTO inbox_entries (tenant_id, user_id, kind, title, detail, link, candidate_id, job_posting_id, score)
       SELECT $1, owner_user_id, 'match.recommended',
              left(candidate_name || ': ' || title || coalesce(' at ' || company, '') ||
                   CASE WHEN previous_score IS NULL THEN ' (' ELSE ' (score rose to ' END ||
                   round(match_score)::text || ')', 500),
              reason, '/candidates/' || candidate_id, candidate_id, job_posting_id, match_score
         FROM due WHERE owner_user_id IS NOT NULL
     ), hooks AS (
       INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload)
       SELECT $1, e.id, 'match.recommended', 'match:' || due.match_id || ':' || due.match_score,
              jsonb_build_object('match_id', due.match_id, 'candidate_id', due.candidate_id,
                'job_posting_id', due.job_posting_id, 'match_score', due.match_score,
                'previous_score', due.previous_score, 'reason', due.reason, 'job_title', due.title,
                'company', due.company)
         FROM due JOIN webhook_endpoints e
           ON e.tenant_id = $1 AND e.is_active AND 'match.recommended' = ANY (e.events)
       ON CONFLICT (endpoint_id, event_key) WHERE replay_of IS NULL DO NOTHING
     )
     SELECT match_id, candidate_id, job_posting_id, match_score, previous_score, reason FROM due`,
    [tenantId, ANNOUNCE_WINDOW, DEFAULT_ALERT_SETTINGS.rescore_margin],
  );
  await tx.sql.query(
    `INSERT INTO inbox_entries (tenant_id, user_id, kind, title, detail, link, candidate_id, job_posting_id,
                                application_event_id)
     SELECT $1, c.owner_user_id, 'application.status_changed',
            left(c.first_name || ' ' || c.last_name || ': ' || j.title || ' moved ' ||
                 coalesce(e.from_status, 'new') || ' → ' || e.to_status, 500),
            CASE WHEN e.kind = 'move' THEN '' ELSE e.kind || ' ' END || 'by ' || coalesce(u.full_name, u.email, 'someone') ||
              coalesce(': ' || e.note, ''),
            '/applications?candidate_id=' || c.id, c.id, j.id, e.id
       FROM job_application_events e
       JOIN job_applications a ON a.id = e.application_id
       JOIN candidates c ON c.id = a.candidate_id AND c.tenant_id = $1
       JOIN job_postings j ON j.id = a.job_posting_id
       LEFT JOIN users u ON u.id = e.changed_by
      WHERE e.changed_at > now() - $2::interval AND c.owner_user_id IS NOT NULL
        AND e.changed_by IS DISTINCT FROM c.owner_user_id
     ON CONFLICT (user_id, application_event_id) WHERE application_event_id IS NOT NULL DO NOTHING`,
    [tenantId, EVENT_WINDOW],
  );
  await tx.sql.query(
    `INSERT INTO inbox_entries (tenant_id, user_id, kind, title, detail, link, candidate_id, role_mapping_report_id)
     SELECT $1, r.reported_by, 'role_mapping.answered',
            left('Your role-mapping report for "' || r.input_text || '" was ' || r.status, 500),
            CASE WHEN g.name IS NULL THEN NULL ELSE 'Mapped to ' || g.name END,
            CASE WHEN r.candidate_id IS NULL THEN NULL ELSE '/candidates/' || r.candidate_id END,
            r.candidate_id, r.id
       FROM role_mapping_reports r
       LEFT JOIN global_roles g ON g.id = r.global_role_id
      WHERE r.tenant_id = $1 AND r.status <> 'open' AND r.reported_by IS NOT NULL
        AND r.resolved_at > now() - $2::interval
     ON CONFLICT (user_id, role_mapping_report_id) WHERE role_mapping_report_id IS NOT NULL DO NOTHING`,
    [tenantId, EVENT_WINDOW],
  );
  return announced.rows;
}

/**
 * Refreshes every active tenant's inbox (the background task), then runs `after` in the same tenant
 * transaction (webhook events and their dispatch); returns how many pairs were announced.
 */
export async function refreshAllInboxes(
  database: Database,
  after?: (tx: DbContext, tenantId: number) => Promise<void>,
): Promise<number> {
  const { rows } = await database.sql.query<{ id: number }>(
    'SELECT id FROM tenants WHERE is_active ORDER BY id',
  );
  let total = 0;
  for (const { id } of rows) {
    total += await withTenant(database, id, async (tx) => {
      const announced = await refreshTenantInbox(tx, id);
      await after?.(tx, id);
      return announced.length;
    });
  }
  return total;
}
