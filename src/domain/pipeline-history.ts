import { type ApplicationStatus, isOpenApplicationStatus } from './application-status.js';

export const APPLICATION_EVENT_KINDS = ['move', 'undo', 'reopen'] as const;

export type ApplicationEventKind = (typeof APPLICATION_EVENT_KINDS)[number];

/** One entry of an application's history, oldest first. */
export interface PipelineEvent {
  id: number;
  kind: ApplicationEventKind;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  changed_by: number | null;
}

export type PipelineDecision =
  | { ok: true; eventId: number; to: ApplicationStatus }
  | { ok: false; reason: string };

/**
 * Undo: only the latest move, only by the user who made it, and never the acceptance that recorded a
 * placement. The undo is a new event back to the earlier stage, so the history keeps both moves.
 */
export function undoLastMove(history: readonly PipelineEvent[], userId: number): PipelineDecision {
  const last = history.at(-1);
  if (!last || last.from_status === null) return { ok: false, reason: 'There is no move to undo.' };
  if (last.kind === 'undo') return { ok: false, reason: 'The last move already is an undo.' };
  if (last.changed_by !== userId)
    return { ok: false, reason: 'Only the user who made the last move can undo it.' };
  if (last.to_status === 'accepted')
    return { ok: false, reason: 'An accepted offer has a placement recorded; it cannot be undone.' };
  return { ok: true, eventId: last.id, to: last.from_status };
}

/** Reopen: a rejected or withdrawn application goes back to the stage it was closed from. */
export function reopenApplication(
  status: ApplicationStatus,
  history: readonly PipelineEvent[],
): PipelineDecision {
  if (status !== 'rejected' && status !== 'withdrawn')
    return {
      ok: false,
      reason: `Only a rejected or withdrawn application can be reopened, not one in ${status}.`,
    };
  const closing = history.findLast((event) => event.to_status === status && event.from_status !== null);
  const stage = closing?.from_status;
  const to = stage && isOpenApplicationStatus(stage) ? stage : 'applied';
  return { ok: true, eventId: closing?.id ?? 0, to };
}
