import type { SqlExecutor } from '../db/database.js';
import type { QueueStatus, RolePriority } from '../db/schema.js';
import { AppError } from '../errors.js';

export interface RoleSummary {
  id: number;
  name: string;
  aliases: string[];
  category: string | null;
  candidate_count: number;
  queue_status: QueueStatus;
  priority: RolePriority;
  total_jobs_scraped: number;
  last_scraped_at: Date | null;
  embedding_model: string | null;
  has_embedding: boolean;
  created_at: Date | null;
  updated_at: Date | null;
}

const SUMMARY_COLUMNS = `id, name, coalesce(aliases, '{}') AS aliases, category,
  coalesce(candidate_count, 0) AS candidate_count, coalesce(queue_status, 'pending') AS queue_status,
  coalesce(priority, 'normal') AS priority, coalesce(total_jobs_scraped, 0) AS total_jobs_scraped,
  last_scraped_at, embedding_model, embedding IS NOT NULL AS has_embedding, created_at, updated_at`;

export interface ListRolesQuery {
  /** Matches any part of the name or of an alias, case-insensitively. */
  q?: string;
  queueStatus?: QueueStatus;
  limit: number;
  offset: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function listRoles(
  sql: SqlExecutor,
  query: ListRolesQuery,
): Promise<{ items: RoleSummary[]; total: number }> {
  const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
  const where = `($1::text IS NULL OR name ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(aliases) AS a WHERE a ILIKE $1))
    AND ($2::text IS NULL OR queue_status = $2)`;
  const params = [q, query.queueStatus ?? null];
  const [{ rows: items }, { rows: counted }] = await Promise.all([
    sql.query<RoleSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM global_roles WHERE ${where}
       ORDER BY lower(name), id LIMIT $3 OFFSET $4`,
      [...params, query.limit, query.offset],
    ),
    sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM global_roles WHERE ${where}`, params),
  ]);
  return { items, total: counted[0]?.n ?? 0 };
}

export async function getRole(sql: SqlExecutor, id: number): Promise<RoleSummary> {
  const { rows } = await sql.query<RoleSummary>(`SELECT ${SUMMARY_COLUMNS} FROM global_roles WHERE id = $1`, [
    id,
  ]);
  if (!rows[0]) throw AppError.notFound(`Role ${id}`);
  return rows[0];
}
