import type { Database } from '../db/database.js';
import { aliasesMeaning } from '../domain/roles/alias-fit.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { candidatesOfRole, markCandidatesStale } from '../matching/matching-queries.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { recountRoles } from './role-candidate-counts.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';
import {
  absorbRoleAttributes,
  deleteRole,
  lockRoles,
  moveRoleReferences,
  roleNamesAndAliases,
} from './role-queries.js';

export interface MergeRolesResult {
  role: RoleSummary;
  moved: {
    candidateLinks: number;
    jobMappings: number;
    jobPostings: number;
    scrapeSessions: number;
    reports: number;
  };
}

/**
 * Merges `sourceId` into `targetId`: candidate links and job mappings move without duplicates, postings,
 * scrape sessions (their history) and mapping reports point at the target, the source's name and aliases
 * that mean the target (`aliasesMeaning`) become aliases of it, and the source is deleted. Counts and the target's vector are refreshed in the
 * same transaction.
 */
export async function mergeRoles(
  database: Database,
  provider: EmbeddingProvider,
  sourceId: number,
  targetId: number,
): Promise<MergeRolesResult> {
  if (sourceId === targetId) throw new AppError('validation_failed', 'A role cannot be merged into itself.');
  return database.transaction(async (tx) => {
    const locked = await lockRoles(tx.sql, [sourceId, targetId]);
    for (const id of [sourceId, targetId]) {
      if (!locked.includes(id)) throw AppError.notFound(`Role ${id}`);
    }
    const references = await moveRoleReferences(tx.sql, sourceId, targetId);
    await absorbRoleAttributes(
      tx.sql,
      sourceId,
      targetId,
      await aliasesFromSource(tx.sql, sourceId, targetId),
    );
    await deleteRole(tx.sql, sourceId);
    await recountRoles(tx.sql, [targetId]);
    // Candidates of either role now want the jobs of both.
    await markCandidatesStale(tx, await candidatesOfRole(tx, targetId));
    await refreshRoleEmbeddings(tx.sql, provider, [targetId]);
    return { role: await getRole(tx, targetId), moved: references };
  });
}

/** The source's name and aliases that mean the target, so they may become its aliases. */
async function aliasesFromSource(
  sql: Database['sql'],
  sourceId: number,
  targetId: number,
): Promise<string[]> {
  const rows = await roleNamesAndAliases(sql, [sourceId, targetId]);
  const source = rows.find((row) => row.id === sourceId)!;
  const target = rows.find((row) => row.id === targetId)!;
  return aliasesMeaning([source.name, ...(source.aliases ?? [])], target.name);
}
