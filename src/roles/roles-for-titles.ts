import type { SqlExecutor } from '../db/database.js';
import { matchByText } from '../domain/roles/normalize-role.js';
import { loadRoleIndex } from './role-index.js';

/**
 * The canonical role each posting title maps to by the text rules of role normalization (exact, alias,
 * typo-tolerant; no embeddings, no new roles): imported postings join the role graph their candidates use.
 */
export async function rolesForTitles(
  sql: SqlExecutor,
  titles: Iterable<string>,
): Promise<Map<string, number | null>> {
  const { index } = await loadRoleIndex(sql);
  const roles = new Map<string, number | null>();
  for (const title of titles) {
    if (roles.has(title)) continue;
    const decision = matchByText(index, title);
    roles.set(title, decision?.kind === 'match' ? decision.roleId : null);
  }
  return roles;
}
