import type { Database, DbContext } from '../db/database.js';
import { aliasDisagreement } from '../domain/roles/alias-fit.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { assertRoleText } from './normalize-role.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';
import { loadRoleIndex } from './role-index.js';
import { otherRoleNamed, setRoleName } from './role-queries.js';
import { type RoleSettings, updateRoleSettings } from './update-role-settings.js';

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

/**
 * Renames a role inside `tx`; the old name stays as an alias, so texts that matched it still do, only when it
 * means the renamed role (`aliasDisagreement`): a noisy or narrower old name is dropped.
 */
export async function renameRoleIn(tx: DbContext, roleId: number, newName: string): Promise<void> {
  const name = newName.trim().replace(/\s+/g, ' ');
  const role = await getRole(tx, roleId);
  if (role.name === name) return;
  await assertTextFreeFor(tx.sql, roleId, name, 'name');
  if (await otherRoleNamed(tx.sql, name, roleId))
    throw new AppError('conflict', `A role named "${name}" already exists.`);
  await setRoleName(tx.sql, roleId, name, aliasDisagreement(role.name, name) === null);
}

export interface RoleEdit {
  name?: string | undefined;
  category?: RoleSettings['category'] | undefined;
  priority?: RoleSettings['priority'] | undefined;
}

/**
 * Renames a role and/or sets its category and scrape priority, in one transaction; a new name is embedded
 * again in it. `embeddings` is asked for the provider only when a name is given.
 */
export async function editRole(
  database: Database,
  embeddings: () => Promise<EmbeddingProvider>,
  roleId: number,
  edit: RoleEdit,
): Promise<RoleSummary> {
  const provider = edit.name !== undefined ? await embeddings() : undefined;
  return database.transaction(async (tx) => {
    await getRole(tx, roleId);
    if (edit.name !== undefined && provider) {
      await renameRoleIn(tx, roleId, edit.name);
      await refreshRoleEmbeddings(tx.sql, provider, [roleId]);
    }
    if (edit.category !== undefined || edit.priority !== undefined)
      await updateRoleSettings(tx.sql, roleId, {
        ...(edit.category !== undefined ? { category: edit.category } : {}),
        ...(edit.priority ? { priority: edit.priority } : {}),
      });
    return getRole(tx, roleId);
  });
}

/** Renames a role (the old name stays an alias when it means the role) and embeds it again, in one transaction. */
export function renameRole(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  newName: string,
): Promise<RoleSummary> {
  return editRole(database, async () => provider, roleId, { name: newName });
}
