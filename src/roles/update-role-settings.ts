import type { SqlExecutor } from '../db/database.js';
import type { RolePriority } from '../db/schema.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { setRoleCategoryAndPriority } from './role-queries.js';

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
  if (!(await setRoleCategoryAndPriority(sql, roleId, category, settings.priority ?? null)))
    throw AppError.notFound(`Role ${roleId}`);
  return getRole({ sql }, roleId);
}
