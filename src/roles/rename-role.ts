import type { Database } from '../db/database.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { assertRoleText } from './normalize-role.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';
import { loadRoleIndex } from './role-index.js';

/** Fails with 409 when the text (cleaned) already names or aliases a role other than `roleId`. */
export async function assertTextFreeFor(
  sql: Database['sql'],
  roleId: number,
  text: string,
  field: string,
): Promise<void> {
  const cleaned = assertRoleText(text, field).cleaned;
  const { index, roles } = await loadRoleIndex(sql);
  const owner = index.byCleaned.get(cleaned);
  if (owner === undefined || owner?.roleId === roleId) return;
  const other = owner ? roles.get(owner.roleId)?.name : undefined;
  throw new AppError(
    'conflict',
    other ? `"${text}" already names the role "${other}".` : `"${text}" already names several roles.`,
  );
}

/** Renames a role; the old name stays as an alias so texts that matched it still do. */
export async function renameRole(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  newName: string,
): Promise<RoleSummary> {
  const name = newName.trim().replace(/\s+/g, ' ');
  await database.transaction(async (tx) => {
    const role = await getRole(tx.sql, roleId);
    if (role.name === name) return;
    await assertTextFreeFor(tx.sql, roleId, name, 'name');
    const { rows: clash } = await tx.sql.query(
      'SELECT 1 FROM global_roles WHERE lower(name) = lower($1) AND id <> $2',
      [name, roleId],
    );
    if (clash.length > 0) throw new AppError('conflict', `A role named "${name}" already exists.`);
    await tx.sql.query(
      `UPDATE global_roles
       SET aliases = ARRAY(
             SELECT a FROM unnest(array_append(coalesce(aliases, '{}'), name)) WITH ORDINALITY AS u(a, n)
             WHERE lower(a) <> lower($2) GROUP BY a ORDER BY min(n)),
           name = $2, updated_at = now()
       WHERE id = $1`,
      [roleId, name],
    );
  });
  await refreshRoleEmbeddings(database.sql, provider, [roleId]);
  return getRole(database.sql, roleId);
}
