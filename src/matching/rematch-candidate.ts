/**
 * `candidates/changed`: after a candidate is created or edited, re-embeds them (when a provider is given)
 * and rescores them against:
 * - the active jobs of their roles (role_job_mapping),
 * - the `vectorTopK` nearest active jobs across all roles (a great job filed under a neighbouring role),
 * - the active jobs they already have matches with (so every stored score is current).
 * Candidates that are not matchable (pending review, rejected) are left alone.
 */

import type { Logger } from 'pino';
import { prepareCandidate, prepareJob } from '../domain/scoring/index.js';
import { embeddingTextFor, writeEmbeddings } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { loadActiveJobs, loadCandidatesByIds } from './load-features.js';
import type { MatchingDependencies } from './match-imported-jobs.js';
import { addTotals, emptyTotals, scoreGroups } from './score-groups.js';
import type { StoreTotals } from './store-matches.js';
import { nearestActiveJobs } from './vector-search.js';

export interface CandidateChangedEvent {
  tenantId: number;
  candidateId: number;
}

export interface RematchDependencies extends MatchingDependencies {
  embeddings?: EmbeddingProvider;
  logger?: Logger;
}

const JOBS_PER_ROUND = 1000;

export function parseCandidateChangedEvent(data: unknown): CandidateChangedEvent | null {
  const event = (data ?? {}) as Partial<CandidateChangedEvent>;
  const valid = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;
  return valid(event.tenantId) && valid(event.candidateId)
    ? { tenantId: event.tenantId, candidateId: event.candidateId }
    : null;
}

/** Re-embeds one candidate from their current profile. A provider failure keeps the stored vector. */
async function reembed(
  deps: RematchDependencies,
  provider: EmbeddingProvider,
  candidateId: number,
): Promise<void> {
  const { rows } = await deps.database.sql.query<Record<string, unknown>>(
    'SELECT current_title, professional_summary, skills, preferred_roles FROM candidates WHERE id = $1',
    [candidateId],
  );
  const row = rows[0];
  if (!row) return;
  try {
    const [vector] = await provider.embed([embeddingTextFor('candidates', row)], 'document');
    if (vector)
      await writeEmbeddings(deps.database.sql, 'candidates', [candidateId], [vector], provider.modelId);
  } catch (error) {
    deps.logger?.warn(
      { err: error, candidateId },
      'candidate re-embedding failed; scoring with the stored vector',
    );
  }
}

async function jobIdsToRescore(deps: RematchDependencies, candidateId: number): Promise<number[]> {
  const { rows } = await deps.database.sql.query<{ id: number }>(
    `SELECT m.job_posting_id AS id FROM role_job_mapping m
       JOIN candidate_global_roles l ON l.global_role_id = m.global_role_id
       JOIN job_postings j ON j.id = m.job_posting_id
     WHERE l.candidate_id = $1 AND j.status = 'active'
     UNION
     SELECT cm.job_posting_id FROM candidate_job_matches cm
       JOIN job_postings j ON j.id = cm.job_posting_id
     WHERE cm.candidate_id = $1 AND j.status = 'active'`,
    [candidateId],
  );
  return rows.map((row) => row.id);
}

export async function rematchCandidate(
  deps: RematchDependencies,
  event: CandidateChangedEvent,
): Promise<StoreTotals> {
  const owned = await deps.database.sql.query('SELECT 1 FROM candidates WHERE id = $1 AND tenant_id = $2', [
    event.candidateId,
    event.tenantId,
  ]);
  if (owned.rows.length === 0) return emptyTotals();
  if (deps.embeddings) await reembed(deps, deps.embeddings, event.candidateId);
  const [candidate] = await loadCandidatesByIds(deps.database, [event.candidateId], deps.skills);
  if (!candidate) return emptyTotals();
  const jobIds = new Set(await jobIdsToRescore(deps, event.candidateId));
  const { embedding, embedding_model } = candidate.features;
  if (embedding && embedding_model && deps.vectorTopK > 0) {
    for (const neighbour of await nearestActiveJobs(
      deps.database,
      embedding,
      embedding_model,
      deps.vectorTopK,
    )) {
      jobIds.add(neighbour.id);
    }
  }
  const group = [{ tenantId: candidate.tenantId, candidates: [prepareCandidate(candidate.features)] }];
  const ids = [...jobIds].sort((a, b) => a - b);
  const totals = emptyTotals();
  for (let start = 0; start < ids.length; start += JOBS_PER_ROUND) {
    const jobs = await loadActiveJobs(deps.database, ids.slice(start, start + JOBS_PER_ROUND));
    addTotals(totals, await scoreGroups(deps.database, group, jobs.map(prepareJob), deps.retention));
  }
  return totals;
}
