export const CANDIDATE_STATUSES = [
  'pending_review',
  'approved',
  'rejected',
  'ready_for_assignment',
  'placed',
] as const;

export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/**
 * The review workflow. A rejected candidate may be reopened for review (people reapply, and a rejection
 * can be a mistake); a candidate ready for assignment may go back to approved when taken off the bench.
 */
const CANDIDATE_TRANSITIONS: Readonly<Record<CandidateStatus, readonly CandidateStatus[]>> = {
  pending_review: ['approved', 'rejected'],
  approved: ['ready_for_assignment', 'rejected'],
  rejected: ['pending_review'],
  ready_for_assignment: ['approved'],
  // Placed only by recording a placement; back on the bench when the assignment ends.
  placed: ['ready_for_assignment'],
};

/** Statuses a candidate in `from` may move to. */
export function nextCandidateStatuses(from: CandidateStatus): readonly CandidateStatus[] {
  return CANDIDATE_TRANSITIONS[from];
}

export function canChangeCandidateStatus(from: CandidateStatus, to: CandidateStatus): boolean {
  return CANDIDATE_TRANSITIONS[from].includes(to);
}
