import type { SqlExecutor } from '../db/database.js';

export interface RoleChoice {
  id: number;
  name: string;
  category: string | null;
}

/** Canonical roles whose name or an alias contains `text`, names starting with it first, then the most wanted. */
export async function searchRolesByName(
  sql: SqlExecutor,
  text: string,
  limit: number,
): Promise<RoleChoice[]> {
  const escaped = text.replace(/[\\%_]/g, '\\$&');
  const { rows } = await sql.query<RoleChoice>(
    `SELECT id, name, category FROM global_roles
           WHERE name ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(aliases) AS alias WHERE alias ILIKE $1)
           ORDER BY (name ILIKE $2) DESC, candidate_count DESC, name LIMIT $3`,
    [`%${escaped}%`, `${escaped}%`, limit],
  );
  return rows;
}
