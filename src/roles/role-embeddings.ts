import type { SqlExecutor } from '../db/database.js';
import type { RoleCandidate } from '../domain/roles/normalize-role.js';
import { writeEmbeddings } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { roleEmbeddingText } from '../embeddings/embedding-text.js';
import { toPgVectorLiteral } from '../embeddings/vector-math.js';

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
  const { rows } = await sql.query<{ id: number; name: string; aliases: string[] | null }>(
    'SELECT id, name, aliases FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id',
    [roleIds],
  );
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
    await sql.query(
      'UPDATE global_roles SET embedding = NULL, embedding_model = NULL WHERE id = ANY($1::int[])',
      [roleIds],
    );
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
  const { rows } = await sql.query<{ id: number; name: string; aliases: string[] | null; distance: number }>(
    `SELECT id, name, aliases, embedding <=> $1::vector AS distance
     FROM global_roles
     WHERE embedding IS NOT NULL AND embedding_model = $2
     ORDER BY embedding <=> $1::vector, id
     LIMIT $3`,
    [toPgVectorLiteral(vector), modelId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    aliases: row.aliases ?? [],
    similarity: 1 - Number(row.distance),
  }));
}
