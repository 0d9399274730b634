import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import {
  type PipelineDecision,
  type PipelineEvent,
  reopenApplication,
  undoLastMove,
} from '../domain/pipeline-history.js';
import { AppError } from '../errors.js';
import { refreshInboxSoon } from '../inbox/inbox-tasks.js';
import type { JobQueue } from '../worker/job-queue.js';
import { findView, pipelineEventsOf } from './application-queries.js';
import { type Actor, type ApplicationView, lockApplication, moveApplication } from './applications.js';

function decided(decision: PipelineDecision): { eventId: number; to: PipelineEvent['to_status'] } {
  if (!decision.ok) throw new AppError('unprocessable', decision.reason);
  return decision;
}

/** Takes back the caller's latest move of an application; the history keeps the move and its undo. */
export function undoApplicationMove(
  database: Database,
  actor: Actor,
  id: number,
  queue?: Pick<JobQueue, 'send'>,
): Promise<ApplicationView> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const { application_status: from } = await lockApplication(tx, actor.tenantId, id);
    const { eventId, to } = decided(undoLastMove(await pipelineEventsOf(tx, id), actor.userId));
    await moveApplication(tx, id, from, to, actor.userId, null, { kind: 'undo', undoesEventId: eventId });
    await refreshInboxSoon(queue, tx);
    return (await findView(tx, actor.tenantId, id))!;
  });
}

/** Reopens a rejected or withdrawn application at the stage it was closed from, with the reason recorded. */
export function reopenApplicationWithReason(
  database: Database,
  actor: Actor,
  id: number,
  reason: string,
  queue?: Pick<JobQueue, 'send'>,
): Promise<ApplicationView> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const { application_status: from } = await lockApplication(tx, actor.tenantId, id);
    const { to } = decided(reopenApplication(from, await pipelineEventsOf(tx, id)));
    await moveApplication(tx, id, from, to, actor.userId, reason, { kind: 'reopen' });
    await refreshInboxSoon(queue, tx);
    return (await findView(tx, actor.tenantId, id))!;
  });
}
