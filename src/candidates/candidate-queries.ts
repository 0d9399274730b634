import type { SqlExecutor } from '../db/database.js';
import type { CandidateStatus } from '../domain/candidate-status.js';

export interface CandidateOverviewRow {
  candidate_id: number;
  owner_email: string | null;
  owner_name: string | null;
  new_matches: number;
  total_matches: number;
  best_score: number | null;
  roles: string[] | null;
}

/** Owner, match counts, best score and role names of the tenant's candidates `ids`. */
export async function candidateOverviewRows(
  sql: SqlExecutor,
  tenantId: number,
  ids: readonly number[],
): Promise<CandidateOverviewRow[]> {
  const { rows } = await sql.query<CandidateOverviewRow>(
    `SELECT c.id AS candidate_id, u.email AS owner_email, u.full_name AS owner_name,
              coalesce(m.new_matches, 0)::int AS new_matches, coalesce(m.total_matches, 0)::int AS total_matches,
              m.best_score, r.roles
         FROM candidates c
         LEFT JOIN users u ON u.id = c.owner_user_id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE status = 'suggested' AND viewed_at IS NULL) AS new_matches,
                  count(*) AS total_matches, max(match_score) AS best_score
             FROM candidate_job_matches WHERE candidate_id = c.id) m ON true
         LEFT JOIN LATERAL (
           SELECT array_agg(g.name ORDER BY l.id) AS roles
             FROM candidate_global_roles l JOIN global_roles g ON g.id = l.global_role_id
            WHERE l.candidate_id = c.id) r ON true
        WHERE c.tenant_id = $1 AND c.id = ANY ($2::int[])`,
    [tenantId, ids],
  );
  return rows;
}

/** Whether `userId` is an active recruiter or admin of the tenant (who may own candidates). */
export async function isActiveCandidateOwner(
  sql: SqlExecutor,
  tenantId: number,
  userId: number,
): Promise<boolean> {
  const { rows } = await sql.query(
    `SELECT 1 FROM users WHERE id = $1 AND tenant_id = $2 AND is_active AND role IN ('RECRUITER', 'TENANT_ADMIN')`,
    [userId, tenantId],
  );
  return rows.length > 0;
}

export async function insertStatusChange(
  sql: SqlExecutor,
  candidateId: number,
  from: CandidateStatus | null,
  to: CandidateStatus,
  userId: number,
): Promise<void> {
  await sql.query(
    'INSERT INTO candidate_status_changes (candidate_id, from_status, to_status, changed_by) VALUES ($1, $2, $3, $4)',
    [candidateId, from, to, userId],
  );
}

/** The candidate's status, row-locked until the transaction ends; undefined when there is no such candidate. */
export async function lockCandidateStatus(
  sql: SqlExecutor,
  tenantId: number,
  candidateId: number,
): Promise<CandidateStatus | undefined> {
  const { rows } = await sql.query<{ status: CandidateStatus }>(
    'SELECT status FROM candidates WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    [tenantId, candidateId],
  );
  return rows[0]?.status;
}

export interface StatusHistoryRow {
  from_status: string | null;
  to_status: string;
  user_id: number | null;
  email: string | null;
  full_name: string | null;
  changed_at: Date;
}

export async function candidateStatusHistory(
  sql: SqlExecutor,
  candidateId: number,
): Promise<StatusHistoryRow[]> {
  const { rows } = await sql.query<StatusHistoryRow>(
    `SELECT h.from_status, h.to_status, u.id AS user_id, u.email, u.full_name, h.changed_at
         FROM candidate_status_changes h LEFT JOIN users u ON u.id = h.changed_by
        WHERE h.candidate_id = $1 ORDER BY h.changed_at, h.id`,
    [candidateId],
  );
  return rows;
}

export interface CandidateRoleMappingRow {
  input_text: string | null;
  global_role_id: number;
  role_name: string;
  match_method: string | null;
  confidence: number | null;
}

export async function candidateRoleMappings(
  sql: SqlExecutor,
  candidateId: number,
): Promise<CandidateRoleMappingRow[]> {
  const { rows } = await sql.query<CandidateRoleMappingRow>(
    `SELECT l.input_text, l.global_role_id, g.name AS role_name, l.match_method, l.confidence
         FROM candidate_global_roles l JOIN global_roles g ON g.id = l.global_role_id
        WHERE l.candidate_id = $1 ORDER BY l.id`,
    [candidateId],
  );
  return rows;
}

/** The tenant's candidates (the given columns), in name order, for the CSV export. */
export async function candidateExportRows(
  sql: SqlExecutor,
  tenantId: number,
  columns: readonly string[],
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql.query(
    `SELECT ${columns.join(', ')} FROM candidates WHERE tenant_id = $1 ORDER BY last_name, first_name, id`,
    [tenantId],
  );
  return rows;
}

export async function candidateExists(
  sql: SqlExecutor,
  tenantId: number,
  candidateId: number,
): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM candidates WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    candidateId,
  ]);
  return rows.length > 0;
}

/** One candidate's matches with their job's headline fields, best first, for the CSV export. */
export async function candidateMatchExportRows(
  sql: SqlExecutor,
  candidateId: number,
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql.query(
    `SELECT m.job_posting_id, j.title, j.company, j.location, j.job_url, m.match_score, m.skill_match_score,
              m.experience_match_score, m.location_match_score, m.salary_match_score, m.semantic_similarity,
              m.matched_skills, m.missing_skills, m.status, m.is_recommended, m.matched_at
         FROM candidate_job_matches m JOIN job_postings j ON j.id = m.job_posting_id
        WHERE m.candidate_id = $1
        ORDER BY m.match_score DESC, m.id`,
    [candidateId],
  );
  return rows;
}

export interface IdentityKeys {
  emails: string[];
  phones: string[];
  lastNames: string[];
  lastNamePrefixes: string[];
}

/** The tenant's candidates sharing an e-mail, a phone, a last name or its first three letters with `keys`. */
export async function candidatesSharingIdentity<Row>(
  sql: SqlExecutor,
  tenantId: number,
  keys: IdentityKeys,
): Promise<Row[]> {
  const { rows } = await sql.query<Row>(
    `SELECT id, first_name, last_name, email, phone, location, current_employer FROM candidates
      WHERE tenant_id = $1
        AND (lower(email) = ANY($2::text[])
             OR right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) = ANY($3::text[])
             OR lower(last_name) = ANY($4::text[])
             OR lower(left(last_name, 3)) = ANY($5::text[]))
      ORDER BY id LIMIT 2000`,
    [tenantId, keys.emails, keys.phones, keys.lastNames, keys.lastNamePrefixes],
  );
  return rows;
}

/** "Not a duplicate" pairs (lower id first) that involve any of `ids`. */
export async function duplicateDismissalsOf(
  sql: SqlExecutor,
  tenantId: number,
  ids: readonly number[],
): Promise<{ candidate_id: number; other_candidate_id: number }[]> {
  const { rows } = await sql.query<{ candidate_id: number; other_candidate_id: number }>(
    `SELECT candidate_id, other_candidate_id FROM candidate_duplicate_dismissals
        WHERE tenant_id = $1 AND (candidate_id = ANY($2::int[]) OR other_candidate_id = ANY($2::int[]))`,
    [tenantId, ids],
  );
  return rows;
}

export async function countTenantCandidates(
  sql: SqlExecutor,
  tenantId: number,
  ids: readonly number[],
): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM candidates WHERE tenant_id = $1 AND id = ANY($2::int[])`,
    [tenantId, ids],
  );
  return rows[0]!.n;
}

/** Records that candidates `low` < `high` are different people (idempotent). */
export async function insertDuplicateDismissal(
  sql: SqlExecutor,
  tenantId: number,
  low: number,
  high: number,
  userId: number,
): Promise<void> {
  await sql.query(
    `INSERT INTO candidate_duplicate_dismissals (tenant_id, candidate_id, other_candidate_id, decided_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT (candidate_id, other_candidate_id) DO NOTHING`,
    [tenantId, low, high, userId],
  );
}
