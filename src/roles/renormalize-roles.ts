import type { Database } from '../db/database.js';
import {
  proposeRelinks,
  proposeRoleMerges,
  type RelinkProposal,
  type RoleMergeProposal,
} from '../domain/roles/propose-merges.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { markCandidatesStale } from '../matching/matching-queries.js';
import { mergeRoles } from './merge-roles.js';
import { recountRoles } from './role-candidate-counts.js';
import { loadRoleIndex } from './role-index.js';
import { moveRoleLinks, storedRoleLinks } from './role-link-queries.js';
import { loadRoleSeed } from './seed-roles.js';

export interface RenormalizeResult {
  proposals: RoleMergeProposal[];
  /** Stored candidate links the current decider moves to another canonical role. */
  relinks: RelinkProposal[];
  /** Proposals merged (only with `apply`): links move and candidate counts are recounted by mergeRoles. */
  merged: number;
  /** Links moved (only with `apply`); a candidate already linked to the target keeps one link. */
  relinked: number;
}

/**
 * Re-decides every stored candidate-role link from the text the recruiter typed, with the current title
 * parser, and proposes moving those that now reach another canonical role by their words; then re-reads every
 * role created on the fly (and, on older deployments, every role outside the seed) and proposes merging those
 * whose name now reaches a canonical role. With `apply`, links move first (one transaction, counts recounted),
 * then each merge runs (candidate links, job mappings and history move; counts stay exact).
 */
export async function renormalizeRoles(
  database: Database,
  provider: EmbeddingProvider,
  options: { apply?: boolean } = {},
): Promise<RenormalizeResult> {
  const { roles } = await loadRoleIndex(database.sql);
  const seedNames = new Set((await loadRoleSeed()).map((role) => role.name.toLowerCase()));
  const proposals = proposeRoleMerges([...roles.values()], seedNames);
  const merging = new Set(proposals.map((p) => p.sourceId));
  const links = await storedRoleLinks(database.sql);
  const relinks = proposeRelinks(
    links,
    [...roles.values()].filter((role) => !merging.has(role.id)),
  );
  if (!options.apply) return { proposals, relinks, merged: 0, relinked: 0 };
  const relinked = await moveLinks(database, relinks);
  let merged = 0;
  for (const proposal of proposals) {
    await mergeRoles(database, provider, proposal.sourceId, proposal.targetId);
    merged += 1;
  }
  return { proposals, relinks, merged, relinked };
}

/** Moves each link to its new role in one statement pair; counts of every role touched are recounted. */
async function moveLinks(database: Database, relinks: readonly RelinkProposal[]): Promise<number> {
  if (relinks.length === 0) return 0;
  return database.transaction(async (tx) => {
    const rowCount = await moveRoleLinks(tx.sql, relinks);
    await recountRoles(tx.sql, [...relinks.map((r) => r.fromId), ...relinks.map((r) => r.toId)]);
    await markCandidatesStale(tx, [...new Set(relinks.map((r) => r.candidateId))]);
    return rowCount;
  });
}
