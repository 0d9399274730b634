/** The recruiter's review of matches: each call is one tenant transaction, opened here. */
import type { Database } from '../db/database.js';
import { inTenantTransaction, withTenant } from '../db/with-tenant.js';
import type { JobQueue } from '../worker/job-queue.js';
import {
  getMatch,
  listCandidateMatches,
  listJobMatches,
  requestRematch,
  updateMatchStatus,
} from './match-queries.js';

export const listMatchesOfCandidate = inTenantTransaction(listCandidateMatches);
export const listMatchesOfJob = inTenantTransaction(listJobMatches);
export const showMatch = inTenantTransaction(getMatch);
export const setMatchStatus = inTenantTransaction(updateMatchStatus);

export function rematchCandidateLater(
  database: Database,
  queue: Pick<JobQueue, 'send'>,
  tenantId: number,
  candidateId: number,
): Promise<{ queued: boolean }> {
  return withTenant(database, tenantId, (tx) => requestRematch(tx, queue, tenantId, candidateId));
}
