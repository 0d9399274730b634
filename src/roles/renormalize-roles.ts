import type { Database } from '../db/database.js';
import { proposeRoleMerges, type RoleMergeProposal } from '../domain/roles/propose-merges.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { mergeRoles } from './merge-roles.js';
import { loadRoleIndex } from './role-index.js';
import { loadRoleSeed } from './seed-roles.js';

export interface RenormalizeResult {
  proposals: RoleMergeProposal[];
  /** Proposals merged (only with `apply`): links move and candidate counts are recounted by mergeRoles. */
  merged: number;
}

/**
 * Re-reads every role created on the fly (and, on older deployments, every role outside the seed) with the
 * current title parser, and proposes merging those whose name now reaches a canonical role. With `apply`,
 * each proposal is merged (candidate links, job mappings and history move; counts stay exact).
 */
export async function renormalizeRoles(
  database: Database,
  provider: EmbeddingProvider,
  options: { apply?: boolean } = {},
): Promise<RenormalizeResult> {
  const { roles } = await loadRoleIndex(database.sql);
  const seedNames = new Set((await loadRoleSeed()).map((role) => role.name.toLowerCase()));
  const proposals = proposeRoleMerges([...roles.values()], seedNames);
  let merged = 0;
  if (options.apply) {
    for (const proposal of proposals) {
      await mergeRoles(database, provider, proposal.sourceId, proposal.targetId);
      merged += 1;
    }
  }
  return { proposals, merged };
}
