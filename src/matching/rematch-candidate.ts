/**
 * `candidates/changed`: after a candidate is created, edited, approved, rejected or has its roles changed,
 * re-embeds them (when a provider is given) and rescores them in full from their due pairs (due-pairs.ts).
 * A candidate that is not matchable (pending review, rejected) keeps only the pairs a recruiter acted on.
 */

import type { Logger } from 'pino';
import { embeddingTextFor, writeEmbeddings } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { type CandidateChanged, EVENT, EVENT_SCHEMAS } from '../events/events.js';
import { MATCHABLE_CANDIDATE_STATUSES } from './load-features.js';
import type { MatchingDependencies } from './match-imported-jobs.js';
import { candidateEmbeddingFields, candidateStatusInTenant } from './matching-queries.js';
import { rescoreCandidates } from './refresh-matches.js';
import { emptyTotals } from './score-groups.js';
import type { StoreTotals } from './store-matches.js';

export type CandidateChangedEvent = CandidateChanged;

export interface RematchDependencies extends MatchingDependencies {
  embeddings?: EmbeddingProvider;
  logger?: Logger;
}

const MATCHABLE: ReadonlySet<string> = new Set(MATCHABLE_CANDIDATE_STATUSES);

export function parseCandidateChangedEvent(data: unknown): CandidateChangedEvent | null {
  const parsed = EVENT_SCHEMAS[EVENT.candidateChanged].safeParse(data ?? {});
  return parsed.success ? parsed.data : null;
}

/** Re-embeds one candidate from their current profile. A provider failure keeps the stored vector. */
async function reembed(
  deps: RematchDependencies,
  provider: EmbeddingProvider,
  candidateId: number,
): Promise<void> {
  const row = await candidateEmbeddingFields(deps.database.sql, candidateId);
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

export async function rematchCandidate(
  deps: RematchDependencies,
  event: CandidateChangedEvent,
): Promise<StoreTotals> {
  const status = await candidateStatusInTenant(deps.database.sql, event.tenantId, event.candidateId);
  if (status === undefined) return emptyTotals();
  if (deps.embeddings && MATCHABLE.has(status)) {
    await reembed(deps, deps.embeddings, event.candidateId);
  }
  return rescoreCandidates(deps, [event.candidateId]);
}
