import type { SqlExecutor } from '../db/database.js';
import type { QueueStatus, RolePriority } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findRoleSummary, roleSummaryPage } from './role-queries.js';

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

export interface ListRolesQuery {
  /** Matches any part of the name or of an alias, case-insensitively. */
  q?: string;
  queueStatus?: QueueStatus;
  limit: number;
  offset: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function listRoles(
  { sql }: { sql: SqlExecutor },
  query: ListRolesQuery,
): Promise<{ items: RoleSummary[]; total: number }> {
  const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
  return roleSummaryPage(sql, { pattern: q, queueStatus: query.queueStatus ?? null }, query);
}

export async function getRole({ sql }: { sql: SqlExecutor }, id: number): Promise<RoleSummary> {
  const role = await findRoleSummary(sql, id);
  if (!role) throw AppError.notFound(`Role ${id}`);
  return role;
}
