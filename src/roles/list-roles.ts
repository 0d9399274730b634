import type { SqlExecutor } from '../db/database.js';
import type { ListQuery } from '../db/list-page.js';
import type { QueueStatus, RolePriority } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findRoleSummary, ROLE_LIST, type RoleSort, roleSummaryPage } from './role-queries.js';

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

export interface ListRolesQuery extends ListQuery<RoleSort> {
  /** Matches any part of the name or of an alias, case-insensitively. */
  q?: string | undefined;
  queueStatus?: QueueStatus | undefined;
}

/** What the role list searches and sorts by (its query string is built from it). */
export { ROLE_LIST };

export async function listRoles(
  { sql }: { sql: SqlExecutor },
  query: ListRolesQuery,
): Promise<{ items: RoleSummary[]; total: number }> {
  return roleSummaryPage(sql, { queueStatus: query.queueStatus ?? null }, query);
}

export async function getRole({ sql }: { sql: SqlExecutor }, id: number): Promise<RoleSummary> {
  const role = await findRoleSummary(sql, id);
  if (!role) throw AppError.notFound(`Role ${id}`);
  return role;
}
