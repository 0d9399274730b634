import type { SqlExecutor } from '../db/database.js';
import type { RolePriority } from '../db/schema.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';

export interface RoleSettings {
  /** null clears the category. */
  category?: string | null;
  priority?: RolePriority;
}

/** Sets a role's category and/or scrape priority. */
export async function updateRoleSettings(
  sql: SqlExecutor,
  roleId: number,
  settings: RoleSettings,
): Promise<RoleSummary> {
  const category = settings.category === undefined ? undefined : settings.category?.trim() || null;
  if (category !== undefined && category !== null && category.length > 100) {
    throw new AppError('validation_failed', 'The category is longer than 100 characters.', {
      errors: [{ field: 'category', message: 'at most 100 characters' }],
    });
  }
  const { rowCount } = await sql.query(
    `UPDATE global_roles
     SET category = CASE WHEN $2 THEN $3 ELSE category END,
         priority = coalesce($4, priority),
         updated_at = now()
     WHERE id = $1`,
    [roleId, category !== undefined, category ?? null, settings.priority ?? null],
  );
  if (rowCount === 0) throw AppError.notFound(`Role ${roleId}`);
  return getRole(sql, roleId);
}
