import type { DbContext } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';

/** Background task: re-embed the candidate and rescore its matches (handled by the matching worker). */
export const CANDIDATE_CHANGED_TASK = 'candidates/changed';

export interface CandidateChanged {
  tenantId: number;
  candidateId: number;
}

/** Enqueues the task inside `tx`: it exists exactly when the change commits. Without a queue, nothing to do. */
export async function notifyCandidateChanged(
  queue: Pick<JobQueue, 'send'> | undefined,
  tx: DbContext,
  event: CandidateChanged,
): Promise<void> {
  await queue?.send(CANDIDATE_CHANGED_TASK, event, { tx });
}
