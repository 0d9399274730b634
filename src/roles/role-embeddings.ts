import type { SqlExecutor } from '../db/database.js';
import type { RoleCandidate } from '../domain/roles/normalize-role.js';
import { writeEmbeddings } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { roleEmbeddingText } from '../embeddings/embedding-text.js';
import { toPgVectorLiteral } from '../embeddings/vector-math.js';
import { clearRoleEmbeddings, nearestRoleRows, roleNamesAndAliases } from './role-queries.js';

/**
 * Re-embeds roles whose name or aliases changed. When the provider fails the old vector is cleared (it no
 * longer describes the role) and the background task embeds the role later; the write itself never fails.
 */
export async function refreshRoleEmbeddings(
  sql: SqlExecutor,
  provider: EmbeddingProvider,
  roleIds: readonly number[],
): Promise<{ embedded: boolean }> {
  if (roleIds.length === 0) return { embedded: true };
  const rows = await roleNamesAndAliases(sql, roleIds);
  try {
    const vectors = await provider.embed(
      rows.map((role) => roleEmbeddingText(role)),
      'document',
    );
    await writeEmbeddings(
      sql,
      'global_roles',
      rows.map((role) => role.id),
      vectors,
      provider.modelId,
    );
    return { embedded: true };
  } catch {
    await clearRoleEmbeddings(sql, roleIds);
    return { embedded: false };
  }
}

/** The roles nearest to a vector by cosine similarity, among vectors of the same model only. */
export async function nearestRoles(
  sql: SqlExecutor,
  vector: Float32Array,
  modelId: string,
  limit: number,
): Promise<RoleCandidate[]> {
  const rows = await nearestRoleRows(sql, toPgVectorLiteral(vector), modelId, limit);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    aliases: row.aliases ?? [],
    similarity: 1 - Number(row.distance),
  }));
}
