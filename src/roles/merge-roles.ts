import type { Database } from '../db/database.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { candidatesOfRole, markCandidatesStale } from '../matching/matching-queries.js';
import { getRole, type RoleSummary } from './list-roles.js';
import { recountRoles } from './role-candidate-counts.js';
import { refreshRoleEmbeddings } from './role-embeddings.js';

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
 * become aliases of the target, and the source is deleted. Counts are recounted in the same transaction.
 */
export async function mergeRoles(
  database: Database,
  provider: EmbeddingProvider,
  sourceId: number,
  targetId: number,
): Promise<MergeRolesResult> {
  if (sourceId === targetId) throw new AppError('validation_failed', 'A role cannot be merged into itself.');
  const moved = await database.transaction(async (tx) => {
    const { rows: locked } = await tx.sql.query<{ id: number }>(
      'SELECT id FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
      [[sourceId, targetId]],
    );
    for (const id of [sourceId, targetId]) {
      if (!locked.some((row) => row.id === id)) throw AppError.notFound(`Role ${id}`);
    }
    const count = async (text: string) => (await tx.sql.query(text, [sourceId, targetId])).rowCount;
    const candidateLinks = await count(
      `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence, created_at)
       SELECT candidate_id, $2, input_text, match_method, confidence, created_at
       FROM candidate_global_roles WHERE global_role_id = $1
       ON CONFLICT (candidate_id, global_role_id) DO NOTHING`,
    );
    const jobMappings = await count(
      `INSERT INTO role_job_mapping (global_role_id, job_posting_id, scraped_at)
       SELECT $2, job_posting_id, scraped_at FROM role_job_mapping WHERE global_role_id = $1
       ON CONFLICT (global_role_id, job_posting_id) DO NOTHING`,
    );
    const jobPostings = await count(
      'UPDATE job_postings SET normalized_role_id = $2 WHERE normalized_role_id = $1',
    );
    const scrapeSessions = await count(
      'UPDATE scrape_sessions SET global_role_id = $2 WHERE global_role_id = $1',
    );
    const reports = await count(
      'UPDATE role_mapping_reports SET global_role_id = $2 WHERE global_role_id = $1',
    );
    await tx.sql.query(
      `UPDATE global_roles AS t
       SET aliases = ARRAY(
             SELECT a FROM unnest(coalesce(t.aliases, '{}') || s.name || coalesce(s.aliases, '{}'))
               WITH ORDINALITY AS u(a, n)
             WHERE lower(a) <> lower(t.name)
             GROUP BY lower(a), a ORDER BY min(n)),
           category = coalesce(t.category, s.category),
           priority = CASE WHEN array_position(ARRAY['urgent', 'high', 'normal', 'low'], s.priority)
                              < array_position(ARRAY['urgent', 'high', 'normal', 'low'], t.priority)
                           THEN s.priority ELSE t.priority END,
           total_jobs_scraped = coalesce(t.total_jobs_scraped, 0) + coalesce(s.total_jobs_scraped, 0),
           last_scraped_at = greatest(t.last_scraped_at, s.last_scraped_at),
           updated_at = now()
       FROM global_roles AS s
       WHERE t.id = $2 AND s.id = $1`,
      [sourceId, targetId],
    );
    await tx.sql.query('DELETE FROM global_roles WHERE id = $1', [sourceId]);
    await recountRoles(tx.sql, [targetId]);
    // Candidates of either role now want the jobs of both.
    await markCandidatesStale(tx, await candidatesOfRole(tx, targetId));
    return { candidateLinks, jobMappings, jobPostings, scrapeSessions, reports };
  });
  await refreshRoleEmbeddings(database.sql, provider, [targetId]);
  return { role: await getRole(database.sql, targetId), moved };
}
