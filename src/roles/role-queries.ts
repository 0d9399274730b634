import type { SqlExecutor } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
import type { QueueStatus, RolePriority } from '../db/schema.js';
import type { CatalogRole } from '../domain/roles/decide-role.js';
import type { RoleSummary } from './list-roles.js';
import type { MergeRolesResult } from './merge-roles.js';
import type { CountDrift } from './role-candidate-counts.js';
import type { NewRoleMappingReport, ReportStatus, RoleMappingReport } from './role-reports.js';
import type { SeedRole } from './seed-roles.js';

export interface RoleChoice {
  id: number;
  name: string;
  category: string | null;
}

/** Roles to choose a mapping from: `q` searches name and aliases; names starting with `q` first, then the most wanted. */
export const ROLE_CHOICE_LIST = {
  search: ['name', 'alias_text'],
  sort: {
    relevance: { column: 'relevance', order: 'asc' },
    name: { column: 'name_key', order: 'asc' },
    candidate_count: { column: 'candidate_count', order: 'desc' },
  },
  defaultSort: 'relevance',
} as const satisfies ListSpec;

/** A page of the canonical roles whose name or an alias contains `q`, in the order `query` asks for. */
export async function searchRolesByName(
  { sql }: { sql: SqlExecutor },
  query: ListQuery<keyof typeof ROLE_CHOICE_LIST.sort>,
): Promise<{ items: RoleChoice[]; total: number }> {
  const prefix = `${(query.q ?? '').trim().replace(/[\\%_]/g, '\\$&')}%`;
  const page = await listPage<RoleChoice, keyof typeof ROLE_CHOICE_LIST.sort>(
    sql,
    {
      text: `SELECT id, name, category, candidate_count, lower(name) AS name_key,
                    array_to_string(aliases, ' | ') AS alias_text,
                    row_number() OVER (ORDER BY (name ILIKE $1) DESC, candidate_count DESC, name) AS relevance
               FROM global_roles`,
      params: [prefix],
    },
    ROLE_CHOICE_LIST,
    query,
  );
  return { items: page.items.map(({ id, name, category }) => ({ id, name, category })), total: page.total };
}

/** Sets a role's category (when `category` is not undefined; null clears it) and priority (null: unchanged); false when there is no such role. */
export async function setRoleCategoryAndPriority(
  sql: SqlExecutor,
  roleId: number,
  category: string | null | undefined,
  priority: RolePriority | null,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE global_roles
     SET category = CASE WHEN $2 THEN $3 ELSE category END,
         priority = coalesce($4, priority),
         updated_at = now()
     WHERE id = $1`,
    [roleId, category !== undefined, category ?? null, priority],
  );
  return rowCount > 0;
}

/** Whether a role other than `roleId` has this name (case-insensitively). */
export async function otherRoleNamed(sql: SqlExecutor, name: string, roleId: number): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM global_roles WHERE lower(name) = lower($1) AND id <> $2', [
    name,
    roleId,
  ]);
  return rows.length > 0;
}

/**
 * Renames a role; its old name joins its aliases when `keepOldName`, and an alias equal to the new name
 * leaves them.
 */
export async function setRoleName(
  sql: SqlExecutor,
  roleId: number,
  name: string,
  keepOldName: boolean,
): Promise<void> {
  await sql.query(
    `UPDATE global_roles
     SET aliases = ARRAY(
           SELECT a FROM unnest(coalesce(aliases, '{}') || CASE WHEN $3 THEN ARRAY[name] ELSE '{}' END)
             WITH ORDINALITY AS u(a, n)
           WHERE lower(a) <> lower($2) GROUP BY a ORDER BY min(n)),
         name = $2, updated_at = now()
     WHERE id = $1`,
    [roleId, name, keepOldName],
  );
}

/** Adds an alias unless the role already has it or is named so; whether it was added. */
export async function appendRoleAlias(sql: SqlExecutor, roleId: number, alias: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE global_roles SET aliases = array_append(coalesce(aliases, '{}'), $2), updated_at = now()
     WHERE id = $1 AND lower(name) <> lower($2)
       AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(aliases, '{}')) AS a WHERE lower(a) = lower($2))`,
    [roleId, alias],
  );
  return rowCount > 0;
}

/** Removes an alias (case-insensitively); false when the role has no such alias. */
export async function dropRoleAlias(sql: SqlExecutor, roleId: number, alias: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE global_roles
     SET aliases = ARRAY(SELECT a FROM unnest(aliases) WITH ORDINALITY AS u(a, n) WHERE lower(a) <> lower($2) ORDER BY n),
         updated_at = now()
     WHERE id = $1 AND EXISTS (SELECT 1 FROM unnest(coalesce(aliases, '{}')) AS a WHERE lower(a) = lower($2))`,
    [roleId, alias],
  );
  return rowCount > 0;
}

/**
 * A content hash of every role's id, name and aliases. Cheap (roles are a few hundred) and exact: any write
 * (in this process, another process, or a transaction that rolled back) changes it, so the cache below never
 * serves a stale index, without relying on timestamps.
 */
const FINGERPRINT_SQL = `
  SELECT count(*)::int AS n,
         coalesce(sum(hashtext(id::text || '|' || name || '|' || array_to_string(aliases, '|')
           || '|' || canonical::text || '|' || coalesce(category, ''))), 0)::text AS hash
  FROM global_roles`;

/** The fingerprint of the role catalog: changes with any write to a role's id, name, aliases, canonical flag or category. */
export async function roleCatalogFingerprint(sql: SqlExecutor): Promise<string> {
  const { rows } = await sql.query<{ n: number; hash: string }>(FINGERPRINT_SQL);
  return `${rows[0]?.n}:${rows[0]?.hash}`;
}

/** Every role as the text-matching catalog reads it, in id order. */
export async function catalogRoles(sql: SqlExecutor): Promise<CatalogRole[]> {
  const { rows } = await sql.query<CatalogRole>(
    `SELECT id, name, coalesce(aliases, '{}') AS aliases, canonical, category FROM global_roles ORDER BY id`,
  );
  return rows;
}

/** Inserts the seed roles whose name no role has as name or alias (case-insensitively); how many. */
export async function insertSeedRolesNotYetNamed(
  sql: SqlExecutor,
  seed: readonly SeedRole[],
): Promise<number> {
  const { rowCount } = await sql.query(
    `INSERT INTO global_roles (name, aliases, category)
     SELECT s.name, coalesce(s.aliases, '{}'), s.category
     FROM jsonb_to_recordset($1::jsonb) AS s(name text, aliases text[], category text)
     WHERE NOT EXISTS (
       SELECT 1 FROM global_roles g
       WHERE lower(g.name) = lower(s.name)
          OR EXISTS (SELECT 1 FROM unnest(g.aliases) AS a WHERE lower(a) = lower(s.name)))
     ON CONFLICT (name) DO NOTHING`,
    [JSON.stringify(seed)],
  );
  return rowCount;
}

/** Serializes seeding the taxonomy between processes, for the rest of the transaction. */
export async function lockRoleSeeding(sql: SqlExecutor): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('jobmatch:seed-roles'))`);
}

export async function anyRoleExists(sql: SqlExecutor): Promise<boolean> {
  const { rows } = await sql.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM global_roles) AS present',
  );
  return rows[0]?.present ?? false;
}

const SUMMARY_COLUMNS = `id, name, coalesce(aliases, '{}') AS aliases, category,
  coalesce(candidate_count, 0) AS candidate_count, coalesce(queue_status, 'pending') AS queue_status,
  coalesce(priority, 'normal') AS priority, coalesce(total_jobs_scraped, 0) AS total_jobs_scraped,
  last_scraped_at, embedding_model, embedding IS NOT NULL AS has_embedding, created_at, updated_at`;

/** Roles as a list: `q` searches name and aliases; by name by default. */
export const ROLE_LIST = {
  search: ['name', 'alias_text'],
  sort: {
    name: { column: 'name_key', order: 'asc' },
    candidate_count: { column: 'candidate_count', order: 'desc' },
    priority: { column: 'priority_rank', order: 'asc' },
    last_scraped_at: { column: 'last_scraped_at', order: 'desc' },
    created_at: { column: 'created_at', order: 'desc' },
  },
  defaultSort: 'name',
} as const satisfies ListSpec;
export type RoleSort = keyof typeof ROLE_LIST.sort;

/** One page of the roles of a queue status (null: any), searched and sorted as {@link ROLE_LIST} says. */
export async function roleSummaryPage(
  sql: SqlExecutor,
  filter: { queueStatus: QueueStatus | null },
  query: ListQuery<RoleSort>,
): Promise<{ items: RoleSummary[]; total: number }> {
  const page = await listPage<RoleSummary & Record<string, unknown>, RoleSort>(
    sql,
    {
      text: `SELECT ${SUMMARY_COLUMNS}, lower(name) AS name_key, array_to_string(aliases, ' | ') AS alias_text,
                    array_position(ARRAY['urgent', 'high', 'normal', 'low'], coalesce(priority, 'normal')) AS priority_rank
               FROM global_roles WHERE $1::text IS NULL OR queue_status = $1`,
      params: [filter.queueStatus],
    },
    ROLE_LIST,
    query,
  );
  return {
    items: page.items.map(
      ({ name_key: _key, alias_text: _aliases, priority_rank: _rank, ...role }) => role as RoleSummary,
    ),
    total: page.total,
  };
}

export async function findRoleSummary(sql: SqlExecutor, id: number): Promise<RoleSummary | undefined> {
  const { rows } = await sql.query<RoleSummary>(`SELECT ${SUMMARY_COLUMNS} FROM global_roles WHERE id = $1`, [
    id,
  ]);
  return rows[0];
}

export async function roleNamesAndAliases(
  sql: SqlExecutor,
  roleIds: readonly number[],
): Promise<{ id: number; name: string; aliases: string[] | null }[]> {
  const { rows } = await sql.query<{ id: number; name: string; aliases: string[] | null }>(
    'SELECT id, name, aliases FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id',
    [roleIds],
  );
  return rows;
}

export async function clearRoleEmbeddings(sql: SqlExecutor, roleIds: readonly number[]): Promise<void> {
  await sql.query(
    'UPDATE global_roles SET embedding = NULL, embedding_model = NULL WHERE id = ANY($1::int[])',
    [roleIds],
  );
}

/** The `limit` roles with a vector of `modelId` nearest to the vector (a pgvector literal), with their distance. */
export async function nearestRoleRows(sql: SqlExecutor, vector: string, modelId: string, limit: number) {
  const { rows } = await sql.query<{ id: number; name: string; aliases: string[] | null; distance: number }>(
    `SELECT id, name, aliases, embedding <=> $1::vector AS distance
     FROM global_roles
     WHERE embedding IS NOT NULL AND embedding_model = $2
     ORDER BY embedding <=> $1::vector, id
     LIMIT $3`,
    [vector, modelId, limit],
  );
  return rows;
}

/** Locks these roles in id order; their stored candidate counts. */
export async function lockRoleCounts(
  sql: SqlExecutor,
  ids: readonly number[],
): Promise<{ id: number; candidate_count: number | null }[]> {
  const { rows } = await sql.query<{ id: number; candidate_count: number | null }>(
    'SELECT id, candidate_count FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return rows;
}

/** Stores these roles' candidate counts from every tenant's links (a SECURITY DEFINER function). */
export async function recountRoleCandidatesOf(sql: SqlExecutor, ids: readonly number[]): Promise<void> {
  await sql.query('SELECT jobmatch_recount_role_candidates($1::int[])', [ids]);
}

/** Of these roles, those that now have candidates and are not being scraped become `pending`. */
export async function queueRolesThatGainedCandidates(
  sql: SqlExecutor,
  ids: readonly number[],
): Promise<void> {
  await sql.query(
    `UPDATE global_roles SET queue_status = 'pending'
     WHERE id = ANY($1::int[]) AND candidate_count > 0 AND queue_status IS DISTINCT FROM 'processing'`,
    [ids],
  );
}

export async function roleIdsLinkedToCandidates(
  sql: SqlExecutor,
  candidateIds: readonly number[],
): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    'SELECT DISTINCT global_role_id AS id FROM candidate_global_roles WHERE candidate_id = ANY($1::int[])',
    [candidateIds],
  );
  return rows.map((row) => row.id);
}

/** Roles whose stored candidate count differs from their links, with both counts. */
export async function rolesWithWrongCount(sql: SqlExecutor): Promise<CountDrift[]> {
  const { rows } = await sql.query<CountDrift>(
    `SELECT g.id, g.name, g.candidate_count AS stored, count(l.id)::int AS actual
     FROM global_roles g LEFT JOIN candidate_global_roles l ON l.global_role_id = g.id
     GROUP BY g.id
     HAVING g.candidate_count IS DISTINCT FROM count(l.id)::int
     ORDER BY g.id`,
  );
  return rows;
}

export async function findRoleName(
  sql: SqlExecutor,
  id: number,
): Promise<{ id: number; name: string } | undefined> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    'SELECT id, name FROM global_roles WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function findRoleNamed(
  sql: SqlExecutor,
  name: string,
): Promise<{ id: number; name: string } | undefined> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    'SELECT id, name FROM global_roles WHERE name = $1',
    [name],
  );
  return rows[0];
}

/** Inserts a role created on the fly (not canonical); undefined when a role of that name exists. */
export async function insertCreatedRole(
  sql: SqlExecutor,
  name: string,
  category: string | null,
): Promise<{ id: number; name: string } | undefined> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    `INSERT INTO global_roles (name, category, canonical) VALUES ($1, $2, false)
     ON CONFLICT (name) DO NOTHING RETURNING id, name`,
    [name, category],
  );
  return rows[0];
}

/** Locks these roles in id order; the ids that exist. */
export async function lockRoles(sql: SqlExecutor, ids: readonly number[]): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    'SELECT id FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return rows.map((row) => row.id);
}

/** Moves candidate links and job mappings (without duplicates), postings, sessions and reports from one role to another. */
export async function moveRoleReferences(
  sql: SqlExecutor,
  sourceId: number,
  targetId: number,
): Promise<MergeRolesResult['moved']> {
  const count = async (text: string) => (await sql.query(text, [sourceId, targetId])).rowCount;
  const candidateLinks = await count(
    `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence, created_at)
     SELECT candidate_id, $2, input_text, match_method, confidence, created_at
     FROM candidate_global_roles WHERE global_role_id = $1
     ON CONFLICT (candidate_id, global_role_id) DO NOTHING`,
  );
  const jobMappings = await count(
    `INSERT INTO role_job_mapping (global_role_id, job_posting_id, scraped_at)
     SELECT $2, job_posting_id, scraped_at FROM role_job_mapping WHERE global_role_id = $1
     ON CONFLICT (global_role_id, job_posting_id) DO NOTHING`,
  );
  const jobPostings = await count(
    'UPDATE job_postings SET normalized_role_id = $2 WHERE normalized_role_id = $1',
  );
  const scrapeSessions = await count(
    'UPDATE scrape_sessions SET global_role_id = $2 WHERE global_role_id = $1',
  );
  const reports = await count(
    'UPDATE role_mapping_reports SET global_role_id = $2 WHERE global_role_id = $1',
  );
  return { candidateLinks, jobMappings, jobPostings, scrapeSessions, reports };
}

/**
 * The target takes `newAliases` (the source's name and aliases that mean it) as aliases, the source's category
 * and priority where better, and its scrape totals.
 */
export async function absorbRoleAttributes(
  sql: SqlExecutor,
  sourceId: number,
  targetId: number,
  newAliases: readonly string[],
): Promise<void> {
  await sql.query(
    `UPDATE global_roles AS t
     SET aliases = ARRAY(
           SELECT a FROM unnest(coalesce(t.aliases, '{}') || $3::text[])
             WITH ORDINALITY AS u(a, n)
           WHERE lower(a) <> lower(t.name)
           GROUP BY lower(a), a ORDER BY min(n)),
         category = coalesce(t.category, s.category),
         priority = CASE WHEN array_position(ARRAY['urgent', 'high', 'normal', 'low'], s.priority)
                            < array_position(ARRAY['urgent', 'high', 'normal', 'low'], t.priority)
                         THEN s.priority ELSE t.priority END,
         total_jobs_scraped = coalesce(t.total_jobs_scraped, 0) + coalesce(s.total_jobs_scraped, 0),
         last_scraped_at = greatest(t.last_scraped_at, s.last_scraped_at),
         updated_at = now()
     FROM global_roles AS s
     WHERE t.id = $2 AND s.id = $1`,
    [sourceId, targetId, newAliases],
  );
}

export async function deleteRole(sql: SqlExecutor, id: number): Promise<void> {
  await sql.query('DELETE FROM global_roles WHERE id = $1', [id]);
}

const REPORT_COLUMNS = `r.id, r.tenant_id, r.candidate_id, r.input_text, r.global_role_id, g.name AS global_role_name,
  r.suggested_role_name, r.note, r.status, r.reported_by, r.resolved_by, r.created_at, r.resolved_at`;

export async function findRoleReport(sql: SqlExecutor, id: number): Promise<RoleMappingReport | undefined> {
  const { rows } = await sql.query<RoleMappingReport>(
    `SELECT ${REPORT_COLUMNS} FROM role_mapping_reports r LEFT JOIN global_roles g ON g.id = r.global_role_id
     WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

/** Inserts an open report of the tenant; returns its id. */
export async function insertRoleReport(
  sql: SqlExecutor,
  tenantId: number,
  input: NewRoleMappingReport,
): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO role_mapping_reports (tenant_id, candidate_id, input_text, global_role_id, suggested_role_name, note, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      tenantId,
      input.candidateId ?? null,
      input.inputText,
      input.globalRoleId ?? null,
      input.suggestedRoleName ?? null,
      input.note ?? null,
      input.reportedBy,
    ],
  );
  return rows[0]!.id;
}

/** One page of reports (of one status, or all), newest first, and how many there are. */
/** Role-mapping reports as a list: `q` searches the reported text, the role and the suggestion; newest first. */
export const ROLE_REPORT_LIST = {
  search: ['input_text', 'global_role_name', 'suggested_role_name', 'note'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    resolved_at: { column: 'resolved_at', order: 'desc' },
    input_text: { column: 'input_text', order: 'asc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

export function roleReportPage(
  sql: SqlExecutor,
  query: ListQuery<keyof typeof ROLE_REPORT_LIST.sort> & { status?: ReportStatus | undefined },
): Promise<{ items: RoleMappingReport[]; total: number }> {
  return listPage<RoleMappingReport, keyof typeof ROLE_REPORT_LIST.sort>(
    sql,
    {
      text: `SELECT ${REPORT_COLUMNS} FROM role_mapping_reports r LEFT JOIN global_roles g ON g.id = r.global_role_id
              WHERE $1::text IS NULL OR r.status = $1`,
      params: [query.status ?? null],
    },
    ROLE_REPORT_LIST,
    query,
  );
}

/** Closes the report if it is open; false when it is not (closed already, or no such report). */
export async function closeOpenRoleReport(
  sql: SqlExecutor,
  id: number,
  status: Exclude<ReportStatus, 'open'>,
  closedBy: number | null,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE role_mapping_reports SET status = $2, resolved_by = $3, resolved_at = now()
     WHERE id = $1 AND status = 'open'`,
    [id, status, closedBy],
  );
  return rowCount > 0;
}
