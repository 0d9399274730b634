import type { SqlExecutor } from '../db/database.js';
import { decideTitle, WORDED_LINK_CONFIDENCE } from '../domain/roles/decide-role.js';
import { loadRoleIndex } from './role-index.js';

/**
 * The role each posting title maps to by the text rules of role normalization (parsed role phrase; name,
 * alias, typo, plain variant, relaxed team words; no embeddings, no new roles, no low-confidence guesses):
 * imported postings join the role graph their candidates use.
 */
export async function rolesForTitles(
  sql: SqlExecutor,
  titles: Iterable<string>,
): Promise<Map<string, number | null>> {
  const { catalog } = await loadRoleIndex(sql);
  const roles = new Map<string, number | null>();
  for (const title of titles) {
    if (roles.has(title)) continue;
    const decision = decideTitle(catalog, title);
    const linked = decision.kind === 'match' && decision.confidence >= WORDED_LINK_CONFIDENCE;
    roles.set(title, linked ? decision.roleId : null);
  }
  return roles;
}
