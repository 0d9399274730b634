import type { Database } from '../db/database.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { assertTextFreeFor } from './rename-role.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';

/** Adds an alias (no-op when the role already has it); 409 when it names another role. */
export async function addRoleAlias(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  aliasText: string,
): Promise<RoleSummary> {
  const alias = aliasText.trim().replace(/\s+/g, ' ');
  const changed = await database.transaction(async (tx) => {
    await getRole(tx.sql, roleId);
    await assertTextFreeFor(tx.sql, roleId, alias, 'alias');
    const { rowCount } = await tx.sql.query(
      `UPDATE global_roles SET aliases = array_append(coalesce(aliases, '{}'), $2), updated_at = now()
       WHERE id = $1 AND lower(name) <> lower($2)
         AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(aliases, '{}')) AS a WHERE lower(a) = lower($2))`,
      [roleId, alias],
    );
    return rowCount > 0;
  });
  if (changed) await refreshRoleEmbeddings(database.sql, provider, [roleId]);
  return getRole(database.sql, roleId);
}

/** Removes an alias (case-insensitively); 404 when the role has no such alias. */
export async function removeRoleAlias(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  aliasText: string,
): Promise<RoleSummary> {
  const alias = aliasText.trim();
  await database.transaction(async (tx) => {
    await getRole(tx.sql, roleId);
    const { rowCount } = await tx.sql.query(
      `UPDATE global_roles
       SET aliases = ARRAY(SELECT a FROM unnest(aliases) WITH ORDINALITY AS u(a, n) WHERE lower(a) <> lower($2) ORDER BY n),
           updated_at = now()
       WHERE id = $1 AND EXISTS (SELECT 1 FROM unnest(coalesce(aliases, '{}')) AS a WHERE lower(a) = lower($2))`,
      [roleId, alias],
    );
    if (rowCount === 0) throw new AppError('not_found', `Role ${roleId} has no alias "${alias}".`);
  });
  await refreshRoleEmbeddings(database.sql, provider, [roleId]);
  return getRole(database.sql, roleId);
}
