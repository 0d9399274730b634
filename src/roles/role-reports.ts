import type { SqlExecutor } from '../db/database.js';
import type { REPORT_STATUSES } from '../db/schema.js';
import { AppError } from '../errors.js';

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

const REPORT_COLUMNS = `r.id, r.tenant_id, r.candidate_id, r.input_text, r.global_role_id, g.name AS global_role_name,
  r.suggested_role_name, r.note, r.status, r.reported_by, r.resolved_by, r.created_at, r.resolved_at`;

export interface NewRoleMappingReport {
  candidateId?: number | null;
  inputText: string;
  globalRoleId?: number | null;
  suggestedRoleName?: string | null;
  note?: string | null;
  reportedBy: number | null;
}

async function findReport(sql: SqlExecutor, id: number): Promise<RoleMappingReport | undefined> {
  const { rows } = await sql.query<RoleMappingReport>(
    `SELECT ${REPORT_COLUMNS} FROM role_mapping_reports r LEFT JOIN global_roles g ON g.id = r.global_role_id
     WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

/** A recruiter reports that a role text was mapped to the wrong role; the candidate must be the tenant's own. */
export async function createRoleReport(
  sql: SqlExecutor,
  tenantId: number,
  input: NewRoleMappingReport,
): Promise<RoleMappingReport> {
  if (input.candidateId != null) {
    const { rows } = await sql.query('SELECT 1 FROM candidates WHERE id = $1 AND tenant_id = $2', [
      input.candidateId,
      tenantId,
    ]);
    if (rows.length === 0) throw AppError.notFound(`Candidate ${input.candidateId}`);
  }
  if (input.globalRoleId != null) {
    const { rows } = await sql.query('SELECT 1 FROM global_roles WHERE id = $1', [input.globalRoleId]);
    if (rows.length === 0) throw AppError.notFound(`Role ${input.globalRoleId}`);
  }
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO role_mapping_reports (tenant_id, candidate_id, input_text, global_role_id, suggested_role_name, note, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      tenantId,
      input.candidateId ?? null,
      input.inputText,
      input.globalRoleId ?? null,
      input.suggestedRoleName ?? null,
      input.note ?? null,
      input.reportedBy,
    ],
  );
  return (await findReport(sql, rows[0]!.id))!;
}

export async function listRoleReports(
  sql: SqlExecutor,
  query: { status?: ReportStatus; limit: number; offset: number },
): Promise<{ items: RoleMappingReport[]; total: number }> {
  const [{ rows: items }, { rows: counted }] = await Promise.all([
    sql.query<RoleMappingReport>(
      `SELECT ${REPORT_COLUMNS} FROM role_mapping_reports r LEFT JOIN global_roles g ON g.id = r.global_role_id
       WHERE $1::text IS NULL OR r.status = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3`,
      [query.status ?? null, query.limit, query.offset],
    ),
    sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM role_mapping_reports WHERE $1::text IS NULL OR status = $1',
      [query.status ?? null],
    ),
  ]);
  return { items, total: counted[0]?.n ?? 0 };
}

/** Closes an open report as resolved or dismissed; 409 when it is already closed. */
export async function closeRoleReport(
  sql: SqlExecutor,
  id: number,
  status: Exclude<ReportStatus, 'open'>,
  closedBy: number | null,
): Promise<RoleMappingReport> {
  const { rowCount } = await sql.query(
    `UPDATE role_mapping_reports SET status = $2, resolved_by = $3, resolved_at = now()
     WHERE id = $1 AND status = 'open'`,
    [id, status, closedBy],
  );
  const report = await findReport(sql, id);
  if (!report) throw AppError.notFound(`Report ${id}`);
  if (rowCount === 0) throw new AppError('conflict', `Report ${id} is already ${report.status}.`);
  return report;
}
