import { describe, expect, it } from 'vitest';
import { type PipelineEvent, reopenApplication, undoLastMove } from './pipeline-history.js';

const created: PipelineEvent = {
  id: 1,
  kind: 'move',
  from_status: null,
  to_status: 'applied',
  changed_by: 7,
};
const screened: PipelineEvent = {
  id: 2,
  kind: 'move',
  from_status: 'applied',
  to_status: 'screening',
  changed_by: 7,
};

describe('undoLastMove', () => {
  it('takes the latest move back to its earlier stage, for the user who made it', () => {
    expect(undoLastMove([created, screened], 7)).toEqual({ ok: true, eventId: 2, to: 'applied' });
    expect(undoLastMove([created, screened], 8)).toMatchObject({ ok: false, reason: /Only the user/ });
  });

  it('refuses the creation, an undo, and an acceptance', () => {
    expect(undoLastMove([created], 7).ok).toBe(false);
    expect(undoLastMove([], 7).ok).toBe(false);
    const undo: PipelineEvent = {
      id: 3,
      kind: 'undo',
      from_status: 'screening',
      to_status: 'applied',
      changed_by: 7,
    };
    expect(undoLastMove([created, screened, undo], 7)).toMatchObject({ ok: false, reason: /already/ });
    const accepted: PipelineEvent = {
      id: 4,
      kind: 'move',
      from_status: 'offer',
      to_status: 'accepted',
      changed_by: 7,
    };
    expect(undoLastMove([created, accepted], 7)).toMatchObject({ ok: false, reason: /placement/ });
  });
});

describe('reopenApplication', () => {
  it('goes back to the stage the application was closed from', () => {
    const rejected: PipelineEvent = {
      id: 3,
      kind: 'move',
      from_status: 'screening',
      to_status: 'rejected',
      changed_by: 7,
    };
    expect(reopenApplication('rejected', [created, screened, rejected])).toEqual({
      ok: true,
      eventId: 3,
      to: 'screening',
    });
  });

  it('falls back to applied without a closing event, and refuses an open application', () => {
    expect(reopenApplication('withdrawn', [created])).toMatchObject({ ok: true, to: 'applied' });
    expect(reopenApplication('screening', [created, screened])).toMatchObject({ ok: false });
  });
});
