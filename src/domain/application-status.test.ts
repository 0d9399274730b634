import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  canChangeApplicationStatus,
  isOpenApplicationStatus,
  nextApplicationStatuses,
} from './application-status.js';

describe('application pipeline', () => {
  it('advances one stage at a time', () => {
    expect(canChangeApplicationStatus('applied', 'screening')).toBe(true);
    expect(canChangeApplicationStatus('screening', 'interviewing')).toBe(true);
    expect(canChangeApplicationStatus('interviewing', 'offer')).toBe(true);
    expect(canChangeApplicationStatus('offer', 'accepted')).toBe(true);
    expect(canChangeApplicationStatus('applied', 'offer')).toBe(false);
    expect(canChangeApplicationStatus('offer', 'screening')).toBe(false);
  });

  it('rejects or withdraws from any open stage', () => {
    for (const stage of ['applied', 'screening', 'interviewing', 'offer'] as const) {
      expect(canChangeApplicationStatus(stage, 'rejected')).toBe(true);
      expect(canChangeApplicationStatus(stage, 'withdrawn')).toBe(true);
    }
  });

  it('ends at accepted, rejected and withdrawn', () => {
    for (const closed of ['accepted', 'rejected', 'withdrawn'] as const) {
      expect(isOpenApplicationStatus(closed)).toBe(false);
      expect(nextApplicationStatuses(closed)).toEqual([]);
    }
  });

  it('never moves to the same status or back to applied', () => {
    const status = fc.constantFrom(...APPLICATION_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (from === to || to === 'applied') expect(canChangeApplicationStatus(from, to)).toBe(false);
      }),
    );
  });
});
