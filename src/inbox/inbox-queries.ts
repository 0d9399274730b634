import type { DbContext } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
import type { AlertSettings } from './alert-settings.js';
import type { InboxEntry, Reader } from './inbox.js';

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

/** Serializes inbox refreshes of one tenant until the transaction ends. */
export async function lockTenantInbox(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query('SELECT pg_advisory_xact_lock($1, $2)', [INBOX_LOCK, tenantId]);
}

/** A recommended match due for announcement, with its stored headline reason (null: computed on read). */
export interface DueMatch {
  match_id: number;
  candidate_id: number;
  job_posting_id: number;
  reason: string | null;
}

const DUE_MATCHES = `SELECT m.id AS match_id, m.candidate_id, m.job_posting_id, m.match_score,
              a.announced_score AS previous_score, m.match_reasons[1] AS reason, c.owner_user_id,
              c.first_name || ' ' || c.last_name AS candidate_name, j.title, j.company
         FROM candidate_job_matches m
         JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
         JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'active'
         LEFT JOIN match_announcements a ON a.candidate_id = m.candidate_id AND a.job_posting_id = m.job_posting_id
        WHERE m.is_recommended AND m.updated_at > now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM tenant_job_closures x WHERE x.tenant_id = $1 AND x.job_posting_id = m.job_posting_id)
          AND (a.candidate_id IS NULL OR m.match_score >= a.announced_score + coalesce(
                (SELECT rescore_margin FROM tenant_alert_settings s WHERE s.tenant_id = $1), $3))`;

/**
 * The tenant's recommended matches updated within `window` that are new or rose by the tenant's margin
 * (`defaultMargin` when unset): what `announceMatches` announces.
 */
export async function dueMatches(
  tx: DbContext,
  tenantId: number,
  window: string,
  defaultMargin: number,
): Promise<DueMatch[]> {
  const { rows } = await tx.sql.query<DueMatch>(
    `SELECT match_id, candidate_id, job_posting_id, reason FROM (${DUE_MATCHES}) due ORDER BY match_id`,
    [tenantId, window, defaultMargin],
  );
  return rows;
}

/**
 * Announces these due matches (`dueMatches`, with their headline reasons): records the announcement, an
 * inbox entry for the candidate's owner and a `match.recommended` delivery per subscribed endpoint; the
 * announced pairs.
 */
export async function announceMatches(
  tx: DbContext,
  tenantId: number,
  window: string,
  defaultMargin: number,
  matches: readonly DueMatch[],
): Promise<AnnouncedMatch[]> {
  if (matches.length === 0) return [];
  const { rows } = await tx.sql.query<AnnouncedMatch>(
    `WITH due AS (
       SELECT d.match_id, d.candidate_id, d.job_posting_id, d.match_score, d.previous_score, r.reason,
              d.owner_user_id, d.candidate_name, d.title, d.company
         FROM (${DUE_MATCHES}) d
         JOIN unnest($4::int[], $5::text[]) AS r(match_id, reason) ON r.match_id = d.match_id
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
    [tenantId, window, defaultMargin, matches.map((m) => m.match_id), matches.map((m) => m.reason)],
  );
  return rows;
}

/** An inbox entry for each move within `window` that someone else made on a recruiter's candidate, once. */
export async function insertStatusChangeEntries(
  tx: DbContext,
  tenantId: number,
  window: string,
): Promise<void> {
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
    [tenantId, window],
  );
}

/** An inbox entry for each of the tenant's role-mapping reports answered within `window`, once. */
export async function insertRoleReportAnswerEntries(
  tx: DbContext,
  tenantId: number,
  window: string,
): Promise<void> {
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
    [tenantId, window],
  );
}

/** One page of the reader's inbox (only unread entries when `unread`), newest first, each with the total. */
/** The inbox as a list: `q` searches title and detail; newest first by default. */
export const INBOX_LIST = {
  search: ['title', 'detail'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    score: { column: 'score', order: 'desc' },
    kind: { column: 'kind', order: 'asc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

export function inboxPage(
  tx: DbContext,
  reader: Reader,
  options: ListQuery<keyof typeof INBOX_LIST.sort> & { unread: boolean },
): Promise<{ items: InboxEntry[]; total: number }> {
  return listPage<InboxEntry, keyof typeof INBOX_LIST.sort>(
    tx.sql,
    {
      text: `SELECT id, kind, title, detail, link, candidate_id, job_posting_id, score, created_at, read_at
               FROM inbox_entries
              WHERE tenant_id = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL)`,
      params: [reader.tenantId, reader.userId, options.unread],
    },
    INBOX_LIST,
    options,
  );
}

export async function countUnread(tx: DbContext, reader: Reader): Promise<number> {
  const { rows } = await tx.sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM inbox_entries WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [reader.tenantId, reader.userId],
  );
  return rows[0]!.n;
}

/** Those of `ids` that are the reader's entries. */
export async function ownedEntryIds(tx: DbContext, reader: Reader, ids: number[]): Promise<number[]> {
  const { rows } = await tx.sql.query<{ id: number }>(
    'SELECT id FROM inbox_entries WHERE tenant_id = $1 AND user_id = $2 AND id = ANY ($3::int[])',
    [reader.tenantId, reader.userId, ids],
  );
  return rows.map((row) => row.id);
}

/** Marks the reader's unread entries read: those of `ids`, or all when `ids` is null. */
export async function markEntriesRead(tx: DbContext, reader: Reader, ids: number[] | null): Promise<void> {
  await tx.sql.query(
    `UPDATE inbox_entries SET read_at = now()
      WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::int[] IS NULL OR id = ANY ($3::int[]))`,
    [reader.tenantId, reader.userId, ids],
  );
}

/** The tenant's saved alert settings; undefined when it never saved any. */
export async function storedAlertSettings(
  tx: DbContext,
  tenantId: number,
): Promise<AlertSettings | undefined> {
  const { rows } = await tx.sql.query<AlertSettings>(
    'SELECT stage_limit_days, rescore_margin FROM tenant_alert_settings WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0];
}

export async function saveAlertSettings(
  tx: DbContext,
  tenantId: number,
  settings: AlertSettings,
  userId: number,
): Promise<void> {
  await tx.sql.query(
    `INSERT INTO tenant_alert_settings (tenant_id, stage_limit_days, rescore_margin, updated_by)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET stage_limit_days = EXCLUDED.stage_limit_days,
       rescore_margin = EXCLUDED.rescore_margin, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [tenantId, settings.stage_limit_days, settings.rescore_margin, userId],
  );
}
