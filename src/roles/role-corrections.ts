/** A recruiter's corrections of role mappings, each one tenant transaction opened here. */

import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { EVENT, eventPublisher } from '../events/events.js';
import type { JobQueue } from '../worker/job-queue.js';
import { type CorrectedRole, correctCandidateRole } from './correct-candidate-role.js';
import { createRoleReport, type NewRoleMappingReport, type RoleMappingReport } from './role-reports.js';

/** Corrects the role one of a candidate's preferred roles maps to; the candidate is rescored after commit. */
export function correctRoleOfCandidate(
  database: Database,
  queue: Pick<JobQueue, 'send'> | undefined,
  tenantId: number,
  candidateId: number,
  input: { input_text: string; global_role_id: number; reported_by: number | null },
): Promise<CorrectedRole> {
  return withTenant(database, tenantId, async (tx) => {
    const corrected = await correctCandidateRole(tx, tenantId, candidateId, input);
    await eventPublisher(queue).publish(tx, {
      name: EVENT.candidateChanged,
      data: { tenantId, candidateId },
    });
    return corrected;
  });
}

/** Files a wrong-mapping report for the platform admins. */
export function reportRoleMapping(
  database: Database,
  tenantId: number,
  input: NewRoleMappingReport,
): Promise<RoleMappingReport> {
  return withTenant(database, tenantId, (tx) => createRoleReport(tx.sql, tenantId, input));
}
