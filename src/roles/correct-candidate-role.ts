import type { DbContext } from '../db/database.js';
import { AppError } from '../errors.js';
import { recountRoles } from './role-candidate-counts.js';
import {
  candidateRoleLinksWithText,
  deleteOtherLinksToRole,
  lockTenantCandidate,
  markLinkManual,
  relinkManually,
} from './role-link-queries.js';
import { findRoleName, insertRoleReport } from './role-queries.js';

export interface CorrectedRole {
  input_text: string;
  previous_role: { id: number; name: string };
  role: { id: number; name: string };
}

/**
 * A recruiter overrides the canonical role one of a candidate's preferred roles was mapped to. The link is
 * marked `manual` (later profile edits keep it), both roles' counts stay exact, and the correction is filed
 * as a mapping report so platform admins can fix the mapping for everyone (an alias, a merge).
 */
export async function correctCandidateRole(
  tx: DbContext,
  tenantId: number,
  candidateId: number,
  input: { input_text: string; global_role_id: number; reported_by: number | null },
): Promise<CorrectedRole> {
  if (!(await lockTenantCandidate(tx.sql, tenantId, candidateId)))
    throw AppError.notFound(`Candidate ${candidateId}`);
  const links = await candidateRoleLinksWithText(tx.sql, candidateId, input.input_text);
  const link = links[0];
  if (!link)
    throw AppError.notFound(`Preferred role "${input.input_text.slice(0, 80)}" of candidate ${candidateId}`);
  const role = await findRoleName(tx.sql, input.global_role_id);
  if (!role) throw AppError.notFound(`Role ${input.global_role_id}`);

  const previous = { id: link.global_role_id, name: link.role_name };
  if (previous.id !== role.id) {
    // The candidate may already want the chosen role through another text: then this link just goes away.
    await deleteOtherLinksToRole(tx.sql, candidateId, role.id, link.id);
    await relinkManually(tx.sql, link.id, role.id);
    await recountRoles(tx.sql, [previous.id, role.id]);
    await insertRoleReport(tx.sql, tenantId, {
      candidateId,
      inputText: link.input_text,
      globalRoleId: previous.id,
      suggestedRoleName: role.name,
      note: 'Corrected for the candidate by a recruiter',
      reportedBy: input.reported_by,
    });
  } else {
    await markLinkManual(tx.sql, link.id);
  }
  return { input_text: link.input_text, previous_role: previous, role };
}
