import { candidateExists } from '../candidates/candidate-queries.js';
import type { SqlExecutor } from '../db/database.js';
import type { REPORT_STATUSES } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  closeOpenRoleReport,
  findRoleName,
  findRoleReport,
  insertRoleReport,
  roleReportPage,
} from './role-queries.js';

export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface RoleMappingReport {
  id: number;
  tenant_id: number;
  candidate_id: number | null;
  input_text: string;
  global_role_id: number | null;
  global_role_name: string | null;
  suggested_role_name: string | null;
  note: string | null;
  status: ReportStatus;
  reported_by: number | null;
  resolved_by: number | null;
  created_at: Date;
  resolved_at: Date | null;
}

export interface NewRoleMappingReport {
  candidateId?: number | null;
  inputText: string;
  globalRoleId?: number | null;
  suggestedRoleName?: string | null;
  note?: string | null;
  reportedBy: number | null;
}

/** A recruiter reports that a role text was mapped to the wrong role; the candidate must be the tenant's own. */
export async function createRoleReport(
  sql: SqlExecutor,
  tenantId: number,
  input: NewRoleMappingReport,
): Promise<RoleMappingReport> {
  if (input.candidateId != null) {
    if (!(await candidateExists(sql, tenantId, input.candidateId)))
      throw AppError.notFound(`Candidate ${input.candidateId}`);
  }
  if (input.globalRoleId != null) {
    if (!(await findRoleName(sql, input.globalRoleId))) throw AppError.notFound(`Role ${input.globalRoleId}`);
  }
  const id = await insertRoleReport(sql, tenantId, input);
  return (await findRoleReport(sql, id))!;
}

/** What the report list searches and sorts by (its query string is built from it). */
export { ROLE_REPORT_LIST } from './role-queries.js';

export async function listRoleReports(
  { sql }: { sql: SqlExecutor },
  query: Parameters<typeof roleReportPage>[1],
): Promise<{ items: RoleMappingReport[]; total: number }> {
  return roleReportPage(sql, query);
}

/** Closes an open report as resolved or dismissed; 409 when it is already closed. */
export async function closeRoleReport(
  { sql }: { sql: SqlExecutor },
  id: number,
  status: Exclude<ReportStatus, 'open'>,
  closedBy: number | null,
): Promise<RoleMappingReport> {
  const closed = await closeOpenRoleReport(sql, id, status, closedBy);
  const report = await findRoleReport(sql, id);
  if (!report) throw AppError.notFound(`Report ${id}`);
  if (!closed) throw new AppError('conflict', `Report ${id} is already ${report.status}.`);
  return report;
}
