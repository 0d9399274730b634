import type { z } from 'zod';
import { withTenant } from '../db/with-tenant.js';
import type { FieldProblem } from '../errors.js';
import { readRecords, type SourceRecord } from '../ingestion/read-records.js';
import { type CandidateCreate, candidateCreateSchema } from './candidate-input.js';
import { type Actor, type CandidateServiceDependencies, insertCandidate } from './candidates.js';
import { findDuplicates } from './find-duplicates.js';

export interface CandidateImportResult {
  total: number;
  created: number;
  failed: number;
  errors: { row_number: number; field: string | null; reason: string }[];
}

const LIST_FIELDS = new Set([
  'skills',
  'preferred_roles',
  'preferred_locations',
  'work_modes',
  'employment_types',
]);
const YES = /^(?:true|yes|y|1)$/i;
const NO = /^(?:false|no|n|0)$/i;
const ROWS_PER_TRANSACTION = 200;

/** Header → field: case and separators do not matter ("First Name", "first_name", "first-name"). */
const fieldNameOf = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A CSV row as candidate input: list cells split on `;` or `|`, blank cells left out, years as numbers. */
function candidateValues(record: SourceRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [header, raw] of Object.entries(record.values)) {
    const field = fieldNameOf(header);
    const cell = typeof raw === 'string' ? raw.trim() : raw;
    if (cell === '' || cell === null || cell === undefined) continue;
    if (LIST_FIELDS.has(field)) values[field] = String(cell).split(/[;|]/);
    else if (field === 'open_to_relocation')
      values[field] = YES.test(String(cell)) ? true : NO.test(String(cell)) ? false : cell;
    else if (field === 'total_experience_years' || field === 'commute_radius_km')
      values[field] = /^\d+$/.test(String(cell)) ? Number(cell) : cell;
    else values[field] = cell;
  }
  return values;
}

function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? { field: issue.keys.join(', '), message: 'not a candidate field' }
      : { field: issue.path.map(String).join('.'), message: issue.message },
  );
}

/**
 * Imports candidates from a CSV stream into the actor's agency. Every row is accounted for: created, or
 * failed with its row number and reason (invalid fields, unreadable row, an email already in the agency or
 * earlier in the file). Valid rows are written in transactions of a few hundred.
 */
export async function importCandidates(
  deps: CandidateServiceDependencies,
  actor: Actor,
  source: NodeJS.ReadableStream,
): Promise<CandidateImportResult> {
  const result: CandidateImportResult = { total: 0, created: 0, failed: 0, errors: [] };
  const seenEmails = new Set<string>();
  let pending: { rowNumber: number; input: CandidateCreate }[] = [];
  const fail = (rowNumber: number, field: string | null, reason: string) => {
    result.failed++;
    result.errors.push({ row_number: rowNumber, field, reason });
  };

  const flush = async () => {
    const rows = pending;
    pending = [];
    if (rows.length === 0) return;
    await withTenant(deps.database, actor.tenantId, async (tx) => {
      const duplicates = await findDuplicates(
        tx,
        actor.tenantId,
        rows.map((row) => row.input),
      );
      for (const [index, row] of rows.entries()) {
        const [duplicate] = duplicates[index] ?? [];
        if (duplicate) {
          fail(
            row.rowNumber,
            duplicate.reason === 'same_phone' ? 'phone' : 'email',
            `looks like candidate ${duplicate.id} (${duplicate.reason.replaceAll('_', ' ')})`,
          );
          continue;
        }
        await insertCandidate(deps, tx, actor, row.input);
        result.created++;
      }
    });
  };

  for await (const item of readRecords(source, { format: 'csv' })) {
    if (item.kind === 'error') {
      result.total++;
      fail(item.error.rowNumber, null, item.error.reason);
      continue;
    }
    result.total++;
    const parsed = candidateCreateSchema.safeParse(candidateValues(item.record));
    if (!parsed.success) {
      const [first, ...rest] = problemsOf(parsed.error.issues);
      fail(
        item.record.rowNumber,
        first?.field ?? null,
        [first, ...rest].map((problem) => `${problem?.field}: ${problem?.message}`).join('; '),
      );
      continue;
    }
    if (seenEmails.has(parsed.data.email)) {
      fail(item.record.rowNumber, 'email', 'the same email appears earlier in the file');
      continue;
    }
    seenEmails.add(parsed.data.email);
    pending.push({ rowNumber: item.record.rowNumber, input: parsed.data });
    if (pending.length >= ROWS_PER_TRANSACTION) await flush();
  }
  await flush();
  result.errors.sort((a, b) => a.row_number - b.row_number);
  return result;
}
