import type { DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { EVENT, eventPublisher } from '../events/events.js';
import { recountRoles, roleIdsOfCandidates } from '../roles/role-candidate-counts.js';
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

const ids = async (tx: DbContext, sql: string, params: unknown[]) =>
  (await tx.sql.query<{ id: number }>(sql, params)).rows.map((row) => row.id);
const jsonRows = async (tx: DbContext, sql: string, params: unknown[]) =>
  (
    await tx.sql.query<{ rows: unknown[] | null }>(
      `SELECT coalesce(json_agg(x), '[]') AS rows FROM (${sql}) x`,
      params,
    )
  ).rows[0]!.rows ?? [];

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
    const { rows } = await tx.sql.query<{ id: number; row: Record<string, unknown> }>(
      `SELECT id, to_jsonb(c) AS row FROM candidates c WHERE tenant_id = $1 AND id = ANY($2::int[]) ORDER BY id FOR UPDATE`,
      [actor.tenantId, [keptId, mergedId]],
    );
    const kept = rows.find((row) => row.id === keptId);
    const merged = rows.find((row) => row.id === mergedId);
    if (!kept || !merged) throw AppError.notFound(`Candidate ${kept ? mergedId : keptId}`);
    const roleIds = await roleIdsOfCandidates(tx, [keptId, mergedId]);
    const params = [mergedId, keptId];
    const dropped = {
      roles: await jsonRows(
        tx,
        `SELECT l.* FROM candidate_global_roles l WHERE candidate_id = $1 AND global_role_id IN (SELECT global_role_id FROM candidate_global_roles WHERE candidate_id = $2)`,
        params,
      ),
      matches: await jsonRows(
        tx,
        `SELECT m.* FROM candidate_job_matches m WHERE candidate_id = $1 AND job_posting_id IN (SELECT job_posting_id FROM candidate_job_matches WHERE candidate_id = $2)`,
        params,
      ),
      applications: await jsonRows(
        tx,
        `SELECT a.* FROM job_applications a WHERE candidate_id = $1 AND job_posting_id IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2)`,
        params,
      ),
      application_events: await jsonRows(
        tx,
        `SELECT e.* FROM job_application_events e JOIN job_applications a ON a.id = e.application_id
          WHERE a.candidate_id = $1 AND a.job_posting_id IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2)`,
        params,
      ),
      dismissals: await jsonRows(
        tx,
        `SELECT d.* FROM candidate_duplicate_dismissals d WHERE $1 IN (d.candidate_id, d.other_candidate_id)`,
        [mergedId],
      ),
    };
    const moved = {
      status_changes: await ids(
        tx,
        `UPDATE candidate_status_changes SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
        params,
      ),
      roles: await ids(
        tx,
        `UPDATE candidate_global_roles SET candidate_id = $2 WHERE candidate_id = $1
            AND global_role_id NOT IN (SELECT global_role_id FROM candidate_global_roles WHERE candidate_id = $2) RETURNING id`,
        params,
      ),
      matches: await ids(
        tx,
        `UPDATE candidate_job_matches SET candidate_id = $2 WHERE candidate_id = $1
            AND job_posting_id NOT IN (SELECT job_posting_id FROM candidate_job_matches WHERE candidate_id = $2) RETURNING id`,
        params,
      ),
      applications: await ids(
        tx,
        `UPDATE job_applications SET candidate_id = $2 WHERE candidate_id = $1
            AND job_posting_id NOT IN (SELECT job_posting_id FROM job_applications WHERE candidate_id = $2) RETURNING id`,
        params,
      ),
      files: await ids(
        tx,
        `UPDATE resume_files SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
        params,
      ),
      drafts: await ids(
        tx,
        `UPDATE resume_drafts SET candidate_id = $2 WHERE candidate_id = $1 RETURNING id`,
        params,
      ),
    };
    // A moved application pointing at a dropped match points at the kept candidate's match for that job.
    await tx.sql.query(
      `UPDATE job_applications a SET match_id = m.id FROM candidate_job_matches m
        WHERE a.id = ANY($1::int[]) AND m.candidate_id = $2 AND m.job_posting_id = a.job_posting_id`,
      [moved.applications, keptId],
    );
    await tx.sql.query(
      `UPDATE candidates k SET
         phone = coalesce(k.phone, m.phone),
         current_title = coalesce(k.current_title, m.current_title),
         current_employer = coalesce(k.current_employer, m.current_employer),
         location = coalesce(k.location, m.location),
         professional_summary = coalesce(k.professional_summary, m.professional_summary),
         expected_salary = coalesce(k.expected_salary, m.expected_salary),
         total_experience_years = greatest(k.total_experience_years, m.total_experience_years),
         skills = ARRAY(SELECT DISTINCT unnest(coalesce(k.skills, '{}') || coalesce(m.skills, '{}'))),
         preferred_roles = ARRAY(SELECT DISTINCT unnest(coalesce(k.preferred_roles, '{}') || coalesce(m.preferred_roles, '{}'))),
         preferred_locations = ARRAY(SELECT DISTINCT unnest(coalesce(k.preferred_locations, '{}') || coalesce(m.preferred_locations, '{}'))),
         updated_at = now()
       FROM candidates m WHERE k.id = $2 AND m.id = $1`,
      params,
    );
    await tx.sql.query('DELETE FROM candidates WHERE tenant_id = $1 AND id = $2', [actor.tenantId, mergedId]);
    await recountRoles(tx.sql, roleIds);
    const snapshot: MergeSnapshot = { merged: merged.row, kept_before: kept.row, moved, dropped };
    const { rows: inserted } = await tx.sql.query<{ id: number; merged_at: Date }>(
      `INSERT INTO candidate_merges (tenant_id, kept_candidate_id, merged_candidate_id, snapshot, merged_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, merged_at`,
      [actor.tenantId, keptId, mergedId, JSON.stringify(snapshot), actor.userId],
    );
    await eventPublisher(deps.queue).publish(tx, {
      name: EVENT.candidateChanged,
      data: { tenantId: actor.tenantId, candidateId: keptId },
    });
    const undoUntil = new Date(new Date(inserted[0]!.merged_at).getTime() + MERGE_UNDO_DAYS * 86_400_000);
    return {
      merge_id: inserted[0]!.id,
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
    const { rows } = await tx.sql.query<{
      kept_candidate_id: number;
      merged_candidate_id: number;
      snapshot: MergeSnapshot;
      undone_at: Date | null;
      expired: boolean;
    }>(
      `SELECT kept_candidate_id, merged_candidate_id, snapshot, undone_at,
              merged_at < now() - make_interval(days => $3) AS expired
         FROM candidate_merges WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [actor.tenantId, mergeId, MERGE_UNDO_DAYS],
    );
    const merge = rows[0];
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
    await tx.sql.query(
      `INSERT INTO candidates SELECT * FROM jsonb_populate_record(NULL::candidates, $1::jsonb)`,
      [JSON.stringify(snapshot.merged)],
    );
    const moveBack = (table: string, list: number[]) =>
      tx.sql.query(`UPDATE ${table} SET candidate_id = $1 WHERE id = ANY($2::int[]) AND candidate_id = $3`, [
        restored,
        list,
        keptId,
      ]);
    await moveBack('candidate_status_changes', snapshot.moved.status_changes);
    await moveBack('candidate_global_roles', snapshot.moved.roles);
    await moveBack('candidate_job_matches', snapshot.moved.matches);
    await moveBack('job_applications', snapshot.moved.applications);
    await moveBack('resume_files', snapshot.moved.files);
    await moveBack('resume_drafts', snapshot.moved.drafts);
    const restore = (table: string, list: unknown[]) =>
      tx.sql.query(
        `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) ON CONFLICT DO NOTHING`,
        [JSON.stringify(list)],
      );
    await restore('candidate_global_roles', snapshot.dropped.roles);
    await restore('candidate_job_matches', snapshot.dropped.matches);
    await restore('job_applications', snapshot.dropped.applications);
    await restore('job_application_events', snapshot.dropped.application_events);
    await restore('candidate_duplicate_dismissals', snapshot.dropped.dismissals ?? []);
    await tx.sql.query(
      `UPDATE candidates k SET phone = b.phone, current_title = b.current_title, location = b.location,
              current_employer = b.current_employer,
              professional_summary = b.professional_summary, expected_salary = b.expected_salary,
              total_experience_years = b.total_experience_years, skills = b.skills,
              preferred_roles = b.preferred_roles, preferred_locations = b.preferred_locations, updated_at = now()
         FROM jsonb_populate_record(NULL::candidates, $2::jsonb) b WHERE k.id = $1`,
      [keptId, JSON.stringify(snapshot.kept_before)],
    );
    await recountRoles(tx.sql, await roleIdsOfCandidates(tx, [keptId, restored]));
    await tx.sql.query('UPDATE candidate_merges SET undone_at = now() WHERE id = $1', [mergeId]);
    for (const candidateId of [keptId, restored]) {
      await eventPublisher(deps.queue).publish(tx, {
        name: EVENT.candidateChanged,
        data: { tenantId: actor.tenantId, candidateId },
      });
    }
    return { restored_candidate_id: restored };
  });
}
