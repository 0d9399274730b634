import type { Database } from '../db/database.js';
import { aliasDisagreement } from '../domain/roles/alias-fit.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { assertTextFreeFor } from './rename-role.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';
import { appendRoleAlias, dropRoleAlias } from './role-queries.js';

/**
 * Adds an alias (no-op when the role already has it); 409 when it names another role, 400 when its parsed
 * parts are not the role's (a bare role noun such as "Engineer", noise, another specialty or function).
 */
export async function addRoleAlias(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  aliasText: string,
): Promise<RoleSummary> {
  const alias = aliasText.trim().replace(/\s+/g, ' ');
  // The alias and the role's new vector commit together (a provider failure clears the vector instead).
  return database.transaction(async (tx) => {
    const role = await getRole(tx, roleId);
    await assertTextFreeFor(tx.sql, roleId, alias, 'alias');
    const disagreement = aliasDisagreement(alias, role.name);
    if (disagreement !== null) {
      throw new AppError('validation_failed', `"${alias}" is no alias of "${role.name}": ${disagreement}.`, {
        errors: [{ field: 'alias', message: disagreement }],
      });
    }
    if (await appendRoleAlias(tx.sql, roleId, alias)) await refreshRoleEmbeddings(tx.sql, provider, [roleId]);
    return getRole(tx, roleId);
  });
}

/** Removes an alias (case-insensitively); 404 when the role has no such alias. */
export async function removeRoleAlias(
  database: Database,
  provider: EmbeddingProvider,
  roleId: number,
  aliasText: string,
): Promise<RoleSummary> {
  const alias = aliasText.trim();
  return database.transaction(async (tx) => {
    await getRole(tx, roleId);
    if (!(await dropRoleAlias(tx.sql, roleId, alias)))
      throw new AppError('not_found', `Role ${roleId} has no alias "${alias}".`);
    await refreshRoleEmbeddings(tx.sql, provider, [roleId]);
    return getRole(tx, roleId);
  });
}
