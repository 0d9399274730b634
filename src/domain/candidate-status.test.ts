import { describe, expect, it } from 'vitest';
import { CANDIDATE_STATUSES, canChangeCandidateStatus, nextCandidateStatuses } from './candidate-status.js';

describe('candidate status workflow', () => {
  it('moves a pending candidate to approved or rejected', () => {
    expect(nextCandidateStatuses('pending_review')).toEqual(['approved', 'rejected']);
  });

  it('makes only approved candidates ready for assignment', () => {
    expect(canChangeCandidateStatus('approved', 'ready_for_assignment')).toBe(true);
    expect(canChangeCandidateStatus('pending_review', 'ready_for_assignment')).toBe(false);
    expect(canChangeCandidateStatus('rejected', 'ready_for_assignment')).toBe(false);
  });

  it('reopens a rejected candidate for review, and nothing else', () => {
    expect(nextCandidateStatuses('rejected')).toEqual(['pending_review']);
  });

  it('never allows staying in the same status', () => {
    for (const status of CANDIDATE_STATUSES) expect(canChangeCandidateStatus(status, status)).toBe(false);
  });
});
