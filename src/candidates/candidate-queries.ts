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

/** Locks the tenant's candidates `ids` and returns each as a JSON row (for a merge and its undo). */
export async function lockCandidatesAsJson(
  sql: SqlExecutor,
  tenantId: number,
  ids: readonly number[],
): Promise<{ id: number; row: Record<string, unknown> }[]> {
  const { rows } = await sql.query<{ id: number; row: Record<string, unknown> }>(
    `SELECT id, to_jsonb(c) AS row FROM candidates c WHERE tenant_id = $1 AND id = ANY($2::int[]) ORDER BY id FOR UPDATE`,
    [tenantId, ids],
  );
  return rows;
}

const returnedIds = async (sql: SqlExecutor, text: string, params: unknown[]) =>
  (await sql.query<{ id: number }>(text, params)).rows.map((row) => row.id);
const jsonRows = async (sql: SqlExecutor, text: string, params: unknown[]) =>
  (
    await sql.query<{ rows: unknown[] | null }>(
      `SELECT coalesce(json_agg(x), '[]') AS rows FROM (${text}) x`,
      params,
    )
  ).rows[0]!.rows ?? [];

/** The merged candidate's rows a merge drops (the kept candidate has the same role, match or application), as JSON. */
export async function rowsDroppedByMerge(sql: SqlExecutor, mergedId: number, keptId: number) {
  const params = [mergedId, keptId];
  return {
    roles: await jsonRows(
      sql,
      `SELECT l.* FROM candidate_global_roles l WHERE candidate_id = $1 AND global_role_id IN (SELECT global_role_id FROM candidate_global_roles WHERE candidate_id = $2)`,
      params,
    ),
    matches: await jsonRows(
      sql,
      `SELECT m.* FROM candidate_job_matches m WHERE candidate_id = $1 AND job_posting_id IN (SELECT job_posting_id FROM candidate_job_matches WHERE candidate_id = $2)`,
      params,
    ),
    applications: await jsonRows(
      sql,
      `SELECT a.* FROM job_applications a WHERE candidate_id = $1 AND job_posting_id IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2)`,
      params,
    ),
    application_events: await jsonRows(
      sql,
      `SELECT e.* FROM job_application_events e JOIN job_applications a ON a.id = e.application_id
          WHERE a.candidate_id = $1 AND a.job_posting_id IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2)`,
      params,
    ),
    dismissals: await jsonRows(
      sql,
      `SELECT d.* FROM candidate_duplicate_dismissals d WHERE $1 IN (d.candidate_id, d.other_candidate_id)`,
      [mergedId],
    ),
  };
}

/** Moves the merged candidate's rows the kept candidate has no counterpart of to the kept one; their ids by table. */
export async function moveRowsToKeptCandidate(sql: SqlExecutor, mergedId: number, keptId: number) {
  const params = [mergedId, keptId];
  return {
    status_changes: await returnedIds(
      sql,
      `UPDATE candidate_status_changes SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
      params,
    ),
    roles: await returnedIds(
      sql,
      `UPDATE candidate_global_roles SET candidate_id = $2 WHERE candidate_id = $1
            AND global_role_id NOT IN (SELECT global_role_id FROM candidate_global_roles WHERE candidate_id = $2) RETURNING id`,
      params,
    ),
    matches: await returnedIds(
      sql,
      `UPDATE candidate_job_matches SET candidate_id = $2 WHERE candidate_id = $1
            AND job_posting_id NOT IN (SELECT job_posting_id FROM candidate_job_matches WHERE candidate_id = $2) RETURNING id`,
      params,
    ),
    applications: await returnedIds(
      sql,
      `UPDATE job_applications SET candidate_id = $2 WHERE candidate_id = $1
            AND job_posting_id NOT IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2) RETURNING id`,
      params,
    ),
    files: await returnedIds(
      sql,
      `UPDATE resume_files SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
      params,
    ),
    drafts: await returnedIds(
      sql,
      `UPDATE resume_drafts SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
      params,
    ),
  };
}

/** Points the moved applications at the kept candidate's match for their job. */
export async function repointApplicationsToMatches(
  sql: SqlExecutor,
  applicationIds: readonly number[],
  keptId: number,
): Promise<void> {
  await sql.query(
    `UPDATE job_applications a SET match_id = m.id FROM candidate_job_matches m
        WHERE a.id = ANY($1::int[]) AND m.candidate_id = $2 AND m.job_posting_id = a.job_posting_id`,
    [applicationIds, keptId],
  );
}

/** Fills the kept candidate's empty fields from the merged one and joins their lists. */
export async function fillKeptFromMerged(sql: SqlExecutor, mergedId: number, keptId: number): Promise<void> {
  await sql.query(
    `UPDATE candidates k SET
         phone = coalesce(k.phone, m.phone),
         current_title = coalesce(k.current_title, m.current_title),
         current_employer = coalesce(k.current_employer, m.current_employer),
         location = coalesce(k.location, m.location),
         professional_summary = coalesce(k.professional_summary, m.professional_summary),
         expected_salary = coalesce(k.expected_salary, m.expected_salary),
         total_experience_years = greatest(k.total_experience_years, m.total_experience_years),
         skills = ARRAY(SELECT DISTINCT unnest(coalesce(k.skills, '{}') || coalesce(m.skills, '{}'))),
         preferred_roles = ARRAY(SELECT DISTINCT unnest(coalesce(k.preferred_roles, '{}') || coalesce(m.preferred_roles, '{}'))),
         preferred_locations = ARRAY(SELECT DISTINCT unnest(coalesce(k.preferred_locations, '{}') || coalesce(m.preferred_locations, '{}'))),
         updated_at = now()
       FROM candidates m WHERE k.id = $2 AND m.id = $1`,
    [mergedId, keptId],
  );
}

export async function deleteTenantCandidate(sql: SqlExecutor, tenantId: number, id: number): Promise<void> {
  await sql.query('DELETE FROM candidates WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function insertCandidateMerge(
  sql: SqlExecutor,
  tenantId: number,
  merge: { keptId: number; mergedId: number; snapshot: string; mergedBy: number },
): Promise<{ id: number; merged_at: Date }> {
  const { rows } = await sql.query<{ id: number; merged_at: Date }>(
    `INSERT INTO candidate_merges (tenant_id, kept_candidate_id, merged_candidate_id, snapshot, merged_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, merged_at`,
    [tenantId, merge.keptId, merge.mergedId, merge.snapshot, merge.mergedBy],
  );
  return rows[0]!;
}

/** The tenant's merge, row-locked, with whether it is older than `undoDays`. */
export async function lockCandidateMerge<Snapshot>(
  sql: SqlExecutor,
  tenantId: number,
  mergeId: number,
  undoDays: number,
) {
  const { rows } = await sql.query<{
    kept_candidate_id: number;
    merged_candidate_id: number;
    snapshot: Snapshot;
    undone_at: Date | null;
    expired: boolean;
  }>(
    `SELECT kept_candidate_id, merged_candidate_id, snapshot, undone_at,
              merged_at < now() - make_interval(days => $3) AS expired
         FROM candidate_merges WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, mergeId, undoDays],
  );
  return rows[0];
}

/** Inserts a candidate from its JSON row (as {@link lockCandidatesAsJson} read it). */
export async function insertCandidateFromJson(sql: SqlExecutor, row: Record<string, unknown>): Promise<void> {
  await sql.query(`INSERT INTO candidates SELECT * FROM jsonb_populate_record(NULL::candidates, $1::jsonb)`, [
    JSON.stringify(row),
  ]);
}

type MergedTable =
  | 'candidate_status_changes'
  | 'candidate_global_roles'
  | 'candidate_job_matches'
  | 'job_applications'
  | 'resume_files'
  | 'resume_drafts';

/** Gives the rows `ids` of `table` that the kept candidate still holds back to the restored candidate. */
export function moveRowsBack(
  sql: SqlExecutor,
  table: MergedTable,
  ids: readonly number[],
  restoredId: number,
  keptId: number,
) {
  return sql.query(`UPDATE ${table} SET candidate_id = $1 WHERE id = ANY($2::int[]) AND candidate_id = $3`, [
    restoredId,
    ids,
    keptId,
  ]);
}

/** Inserts JSON rows back into `table`, skipping rows that exist again. */
export function restoreJsonRows(
  sql: SqlExecutor,
  table:
    | Exclude<MergedTable, 'resume_files' | 'resume_drafts' | 'candidate_status_changes'>
    | 'job_application_events'
    | 'candidate_duplicate_dismissals',
  rows: unknown[],
) {
  return sql.query(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Sets the kept candidate's merged fields back to the JSON row taken before the merge. */
export async function restoreKeptFields(
  sql: SqlExecutor,
  keptId: number,
  before: Record<string, unknown>,
): Promise<void> {
  await sql.query(
    `UPDATE candidates k SET phone = b.phone, current_title = b.current_title, location = b.location,
              current_employer = b.current_employer,
              professional_summary = b.professional_summary, expected_salary = b.expected_salary,
              total_experience_years = b.total_experience_years, skills = b.skills,
              preferred_roles = b.preferred_roles, preferred_locations = b.preferred_locations, updated_at = now()
         FROM jsonb_populate_record(NULL::candidates, $2::jsonb) b WHERE k.id = $1`,
    [keptId, JSON.stringify(before)],
  );
}

export async function markMergeUndone(sql: SqlExecutor, mergeId: number): Promise<void> {
  await sql.query('UPDATE candidate_merges SET undone_at = now() WHERE id = $1', [mergeId]);
}
