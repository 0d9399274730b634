import type { SqlExecutor } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
import type { ResumeDraft } from '../domain/resume/parse-resume.js';
import type { DraftSummary, ResumeFileContent } from './intake-resumes.js';

export async function insertResumeFile(
  sql: SqlExecutor,
  tenantId: number,
  file: { fileName: string; contentType: string; byteSize: number; sha256: string; content: Buffer },
): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO resume_files (tenant_id, file_name, content_type, byte_size, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [tenantId, file.fileName, file.contentType, file.byteSize, file.sha256, file.content],
  );
  return rows[0]!.id;
}

/** Inserts a draft waiting for review; `draft` is its JSON text. Returns its id. */
export async function insertResumeDraft(
  sql: SqlExecutor,
  tenantId: number,
  draft: { resumeFileId: number; format: string; extractedText: string; draft: string; createdBy: number },
): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO resume_drafts (tenant_id, resume_file_id, format, extracted_text, draft, created_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [tenantId, draft.resumeFileId, draft.format, draft.extractedText, draft.draft, draft.createdBy],
  );
  return rows[0]!.id;
}

const DRAFT_COLUMNS = `d.id, d.status, d.format, f.file_name, d.resume_file_id, d.candidate_id, d.created_at`;

/** Resume drafts as a list: `q` searches the file name; newest first by default. */
export const DRAFT_LIST = {
  search: ['file_name'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    file_name: { column: 'file_name', order: 'asc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

export function draftsWithStatus(
  sql: SqlExecutor,
  tenantId: number,
  status: string,
  query: ListQuery<keyof typeof DRAFT_LIST.sort>,
): Promise<{ items: DraftSummary[]; total: number }> {
  return listPage<DraftSummary, keyof typeof DRAFT_LIST.sort>(
    sql,
    {
      text: `SELECT ${DRAFT_COLUMNS} FROM resume_drafts d JOIN resume_files f ON f.id = d.resume_file_id
              WHERE d.tenant_id = $1 AND d.status = $2`,
      params: [tenantId, status],
    },
    DRAFT_LIST,
    query,
  );
}

/** The draft with its text, row-locked when `lock`; undefined when the tenant has no such draft. */
export async function findDraft(sql: SqlExecutor, tenantId: number, id: number, lock: boolean) {
  const { rows } = await sql.query<DraftSummary & { extracted_text: string; draft: ResumeDraft }>(
    `SELECT ${DRAFT_COLUMNS}, d.extracted_text, d.draft FROM resume_drafts d
       JOIN resume_files f ON f.id = d.resume_file_id
      WHERE d.tenant_id = $1 AND d.id = $2${lock ? ' FOR UPDATE OF d' : ''}`,
    [tenantId, id],
  );
  return rows[0];
}

export async function attachResumeFile(
  sql: SqlExecutor,
  tenantId: number,
  resumeFileId: number,
  candidateId: number,
): Promise<void> {
  await sql.query(`UPDATE resume_files SET candidate_id = $3 WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    resumeFileId,
    candidateId,
  ]);
}

export async function markDraftSaved(
  sql: SqlExecutor,
  tenantId: number,
  id: number,
  candidateId: number,
): Promise<void> {
  await sql.query(
    `UPDATE resume_drafts SET status = 'saved', candidate_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, candidateId],
  );
}

/** Deletes the resume file (its drafts go with it) unless a candidate holds it. */
export async function deleteUnattachedResumeFile(
  sql: SqlExecutor,
  tenantId: number,
  resumeFileId: number,
): Promise<void> {
  await sql.query(`DELETE FROM resume_files WHERE tenant_id = $1 AND id = $2 AND candidate_id IS NULL`, [
    tenantId,
    resumeFileId,
  ]);
}

export async function findResumeFile(
  sql: SqlExecutor,
  tenantId: number,
  id: number,
): Promise<ResumeFileContent | undefined> {
  const { rows } = await sql.query<ResumeFileContent>(
    `SELECT file_name, content_type, content FROM resume_files WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return rows[0];
}

export async function candidateResumeFiles(sql: SqlExecutor, tenantId: number, candidateId: number) {
  const { rows } = await sql.query<{
    id: number;
    file_name: string;
    byte_size: number;
    created_at: Date;
  }>(
    `SELECT id, file_name, byte_size, created_at FROM resume_files WHERE tenant_id = $1 AND candidate_id = $2 ORDER BY id`,
    [tenantId, candidateId],
  );
  return rows;
}
