import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { EVENT, eventPublisher } from '../events/events.js';
import { recountRoles, roleIdsOfCandidates } from '../roles/role-candidate-counts.js';
import {
  deleteTenantCandidate,
  fillKeptFromMerged,
  insertCandidateFromJson,
  insertCandidateMerge,
  lockCandidateMerge,
  lockCandidatesAsJson,
  markMergeUndone,
  moveRowsBack,
  moveRowsToKeptCandidate,
  repointApplicationsToMatches,
  restoreJsonRows,
  restoreKeptFields,
  rowsDroppedByMerge,
} from './candidate-queries.js';
import type { Actor, CandidateServiceDependencies } from './candidates.js';

export const MERGE_UNDO_DAYS = 30;

interface MergeSnapshot {
  merged: Record<string, unknown>;
  kept_before: Record<string, unknown>;
  moved: {
    status_changes: number[];
    roles: number[];
    matches: number[];
    applications: number[];
    files: number[];
    drafts: number[];
  };
  dropped: {
    roles: unknown[];
    matches: unknown[];
    applications: unknown[];
    application_events: unknown[];
    /** "Not a duplicate" decisions about the merged candidate (deleted with it); absent in older merges. */
    dismissals?: unknown[];
  };
}

export interface MergeResult {
  merge_id: number;
  kept_candidate_id: number;
  merged_candidate_id: number;
  undo_until: Date;
}

/**
 * Merges candidate `mergedId` into `keptId`: status history, role links, matches, applications, resume files
 * and drafts move to the kept candidate (a match or application for a job the kept one already has is
 * dropped, so no duplicate pair arises), empty fields of the kept candidate are filled, lists joined, and the
 * merged candidate is deleted. Everything undo needs is kept for {@link MERGE_UNDO_DAYS} days.
 */
export function mergeCandidates(
  deps: CandidateServiceDependencies,
  actor: Actor,
  keptId: number,
  mergedId: number,
): Promise<MergeResult> {
  if (keptId === mergedId) throw new AppError('bad_request', 'A candidate cannot be merged into itself.');
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const rows = await lockCandidatesAsJson(tx.sql, actor.tenantId, [keptId, mergedId]);
    const kept = rows.find((row) => row.id === keptId);
    const merged = rows.find((row) => row.id === mergedId);
    if (!kept || !merged) throw AppError.notFound(`Candidate ${kept ? mergedId : keptId}`);
    const roleIds = await roleIdsOfCandidates(tx, [keptId, mergedId]);
    const dropped = await rowsDroppedByMerge(tx.sql, mergedId, keptId);
    const moved = await moveRowsToKeptCandidate(tx.sql, mergedId, keptId);
    // A moved application pointing at a dropped match points at the kept candidate's match for that job.
    await repointApplicationsToMatches(tx.sql, moved.applications, keptId);
    await fillKeptFromMerged(tx.sql, mergedId, keptId);
    await deleteTenantCandidate(tx.sql, actor.tenantId, mergedId);
    await recountRoles(tx.sql, roleIds);
    const snapshot: MergeSnapshot = { merged: merged.row, kept_before: kept.row, moved, dropped };
    const inserted = await insertCandidateMerge(tx.sql, actor.tenantId, {
      keptId,
      mergedId,
      snapshot: JSON.stringify(snapshot),
      mergedBy: actor.userId,
    });
    await eventPublisher(deps.queue).publish(tx, {
      name: EVENT.candidateChanged,
      data: { tenantId: actor.tenantId, candidateId: keptId },
    });
    const undoUntil = new Date(new Date(inserted.merged_at).getTime() + MERGE_UNDO_DAYS * 86_400_000);
    return {
      merge_id: inserted.id,
      kept_candidate_id: keptId,
      merged_candidate_id: mergedId,
      undo_until: undoUntil,
    };
  });
}

/**
 * Undoes a merge within {@link MERGE_UNDO_DAYS} days: the merged candidate comes back with its id, the rows
 * that moved go back, dropped rows are restored and the kept candidate's fields are as before the merge.
 * Rows the kept candidate gained since the merge stay with it.
 */
export function undoMerge(
  deps: CandidateServiceDependencies,
  actor: Actor,
  mergeId: number,
): Promise<{ restored_candidate_id: number }> {
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const merge = await lockCandidateMerge<MergeSnapshot>(tx.sql, actor.tenantId, mergeId, MERGE_UNDO_DAYS);
    if (!merge) throw AppError.notFound(`Merge ${mergeId}`);
    if (merge.undone_at) throw new AppError('conflict', `Merge ${mergeId} was already undone.`);
    if (merge.expired)
      throw new AppError(
        'unprocessable',
        `Merge ${mergeId} is older than ${MERGE_UNDO_DAYS} days and can no longer be undone.`,
      );
    const { snapshot } = merge;
    const restored = merge.merged_candidate_id;
    const keptId = merge.kept_candidate_id;
    await insertCandidateFromJson(tx.sql, snapshot.merged);
    const moveBack = (table: Parameters<typeof moveRowsBack>[1], list: number[]) =>
      moveRowsBack(tx.sql, table, list, restored, keptId);
    await moveBack('candidate_status_changes', snapshot.moved.status_changes);
    await moveBack('candidate_global_roles', snapshot.moved.roles);
    await moveBack('candidate_job_matches', snapshot.moved.matches);
    await moveBack('job_applications', snapshot.moved.applications);
    await moveBack('resume_files', snapshot.moved.files);
    await moveBack('resume_drafts', snapshot.moved.drafts);
    const restore = (table: Parameters<typeof restoreJsonRows>[1], list: unknown[]) =>
      restoreJsonRows(tx.sql, table, list);
    await restore('candidate_global_roles', snapshot.dropped.roles);
    await restore('candidate_job_matches', snapshot.dropped.matches);
    await restore('job_applications', snapshot.dropped.applications);
    await restore('job_application_events', snapshot.dropped.application_events);
    await restore('candidate_duplicate_dismissals', snapshot.dropped.dismissals ?? []);
    await restoreKeptFields(tx.sql, keptId, snapshot.kept_before);
    await recountRoles(tx.sql, await roleIdsOfCandidates(tx, [keptId, restored]));
    await markMergeUndone(tx.sql, mergeId);
    for (const candidateId of [keptId, restored]) {
      await eventPublisher(deps.queue).publish(tx, {
        name: EVENT.candidateChanged,
        data: { tenantId: actor.tenantId, candidateId },
      });
    }
    return { restored_candidate_id: restored };
  });
}
