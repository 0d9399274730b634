import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { csvLine } from '../domain/csv.js';
import { AppError } from '../errors.js';
import { candidateExists, candidateExportRows, candidateMatchExportRows } from './candidate-queries.js';

const CANDIDATE_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'current_title',
  'current_employer',
  'skills',
  'total_experience_years',
  'expected_salary',
  'location',
  'preferred_locations',
  'preferred_roles',
  'status',
  'created_at',
  'updated_at',
] as const;

type Cell = string | number | boolean | null;
const cellOf = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('; ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
};

const toCsv = (columns: readonly string[], rows: Record<string, unknown>[]) =>
  csvLine(columns) + rows.map((row) => csvLine(columns.map((column) => cellOf(row[column])))).join('');

/** The agency's candidates as CSV (formula-safe cells), in name order. */
export function exportCandidatesCsv(database: Database, tenantId: number): Promise<string> {
  return withTenant(database, tenantId, async (tx) => {
    const rows = await candidateExportRows(tx.sql, tenantId, CANDIDATE_COLUMNS);
    return toCsv(CANDIDATE_COLUMNS, rows);
  });
}

const MATCH_COLUMNS = [
  'job_posting_id',
  'title',
  'company',
  'location',
  'job_url',
  'match_score',
  'skill_match_score',
  'experience_match_score',
  'location_match_score',
  'salary_match_score',
  'semantic_similarity',
  'matched_skills',
  'missing_skills',
  'status',
  'is_recommended',
  'matched_at',
] as const;

/** One candidate's matches as CSV, best first; 404 when the candidate is not this agency's. */
export function exportCandidateMatchesCsv(
  database: Database,
  tenantId: number,
  candidateId: number,
): Promise<string> {
  return withTenant(database, tenantId, async (tx) => {
    if (!(await candidateExists(tx.sql, tenantId, candidateId)))
      throw AppError.notFound(`Candidate ${candidateId}`);
    const rows = await candidateMatchExportRows(tx.sql, candidateId);
    return toCsv(MATCH_COLUMNS, rows);
  });
}
