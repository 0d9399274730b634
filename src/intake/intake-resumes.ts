import { createHash } from 'node:crypto';
import type { CandidateCreate } from '../candidates/candidate-input.js';
import { candidateExists } from '../candidates/candidate-queries.js';
import {
  type Actor,
  type CandidateServiceDependencies,
  insertCheckedCandidate,
} from '../candidates/candidates.js';
import { type DuplicateCandidate, findDuplicates } from '../candidates/find-duplicates.js';
import type { Database, DbContext } from '../db/database.js';
import type { Candidate } from '../db/repositories/candidate.repository.js';
import { withTenant } from '../db/with-tenant.js';
import { type ListQuery, type ListSpec, pageOfItems } from '../domain/list.js';
import type { ResumeDraft } from '../domain/resume/parse-resume.js';
import type { SkillMatcher } from '../domain/skills.js';
import { AppError } from '../errors.js';
import { roleNamesAndAliases } from '../roles/role-queries.js';
import { rolesForTitles } from '../roles/roles-for-titles.js';
import { ExtractionError } from './extraction-error.js';
import {
  attachResumeFile,
  candidateResumeFiles,
  DRAFT_LIST,
  deleteUnattachedResumeFile,
  draftsWithStatus,
  findDraft,
  findResumeFile,
  insertResumeDraft,
  insertResumeFile,
  markDraftSaved,
} from './intake-queries.js';
import { readResume } from './read-resume.js';
import { readZipEntries } from './zip-entries.js';

export const MAX_INTAKE_FILES = 100;
/** A zip archive unpacks to at most this many largest files (resumes are far smaller than the limit). */
const ARCHIVE_UNPACKED_FILES = 25;
const RESUME_NAME = /\.(?:pdf|docx|rtf|txt|html?|text)$/i;

export interface IntakeDependencies {
  database: Database;
  skills: () => SkillMatcher;
  now?: () => Date;
  /** Largest resume file kept. */
  maxFileBytes: number;
  /** Called after each file with the count done so far. */
  onProgress?: (done: number, total: number, item: IntakeItem) => void;
}

export const DEFAULT_RESUME_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  /** Set when the upload cut the file at the size limit. */
  tooLarge?: boolean;
}

export type IntakeItem =
  | {
      file_name: string;
      status: 'drafted';
      draft_id: number;
      format: string;
      duplicates: DuplicateCandidate[];
    }
  | { file_name: string; status: 'failed'; reason: string };

export interface IntakeResult {
  drafted: number;
  failed: number;
  items: IntakeItem[];
}

const isZipArchive = (file: UploadedFile) =>
  /\.zip$/i.test(file.name) || /^application\/(?:x-)?zip(?:-compressed)?$/i.test(file.contentType);
const safeName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? 'resume').replace(/[^\p{L}\p{N}._ ()-]/gu, '_').slice(0, 200) || 'resume';

/** Zip archives become their resume files (within limits); everything else passes through. */
type ExpandedFile = UploadedFile | { name: string; error: string };

function expandArchives(files: UploadedFile[], maxFileBytes: number): ExpandedFile[] {
  return files.flatMap((file): ExpandedFile[] => {
    if (file.tooLarge || !isZipArchive(file)) return [file];
    try {
      const entries = readZipEntries(file.bytes, {
        maxEntries: MAX_INTAKE_FILES,
        maxUnpackedBytes: ARCHIVE_UNPACKED_FILES * maxFileBytes,
        accept: (name) => RESUME_NAME.test(name) && !/(^|\/)(__MACOSX|\.)/.test(name),
      });
      return entries.map((entry) => ({
        name: safeName(entry.name),
        contentType: 'application/octet-stream',
        bytes: Buffer.from(entry.data),
        tooLarge: entry.data.length > maxFileBytes,
      }));
    } catch (error) {
      const reason = error instanceof ExtractionError ? error.message : 'The archive could not be unpacked.';
      return [{ name: safeName(file.name), error: reason }];
    }
  });
}

const identityOf = (draft: ResumeDraft) =>
  draft.email && draft.first_name && draft.last_name
    ? {
        first_name: draft.first_name.value,
        last_name: draft.last_name.value,
        email: draft.email.value,
        phone: draft.phone?.value ?? null,
        location: draft.location?.value ?? null,
        current_employer: draft.current_employer?.value ?? null,
      }
    : null;

/** A file read for intake: its resume, or why it failed. */
type ReadFile =
  | { fileName: string; failed: string }
  | { fileName: string; file: UploadedFile; resume: Awaited<ReturnType<typeof readResume>> };

/**
 * Reads up to {@link MAX_INTAKE_FILES} resume files (zip archives unpacked) into drafts that wait for review.
 * Each file stands alone: one that cannot be read gets its reason and the others go on. The files are read
 * first; the drafted ones are then written with their drafts in one transaction, so nothing is half-written.
 */
export async function intakeResumes(
  deps: IntakeDependencies,
  actor: Actor,
  files: UploadedFile[],
): Promise<IntakeResult> {
  const expanded = expandArchives(files, deps.maxFileBytes);
  if (expanded.length > MAX_INTAKE_FILES) {
    throw new AppError(
      'payload_too_large',
      `At most ${MAX_INTAKE_FILES} resumes at once; this upload holds ${expanded.length}.`,
    );
  }
  const skills = deps.skills();
  const now = (deps.now ?? (() => new Date()))();
  // Reading (the slow part) touches no database; the drafts are then written in one tenant transaction.
  const read: ReadFile[] = [];
  for (const file of expanded) read.push(await readFile(file));
  async function readFile(file: ExpandedFile): Promise<ReadFile> {
    const fileName = safeName(file.name);
    if ('error' in file) return { fileName, failed: file.error };
    if (file.tooLarge) {
      const limit = Math.round(deps.maxFileBytes / 1024 / 1024);
      return { fileName, failed: `The file is larger than ${limit} MB.` };
    }
    try {
      // A library failing on a malformed file is that file's problem, never the batch's.
      const resume = await readResume(fileName, file.bytes, { skills, now }).catch((error: unknown) => {
        if (error instanceof ExtractionError) throw error;
        throw new ExtractionError(
          'The file could not be read: it may be damaged or in an unsupported format.',
        );
      });
      return { fileName, file, resume };
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      return { fileName, failed: error.message };
    }
  }
  const items: IntakeItem[] = [];
  const push = (item: IntakeItem) => {
    items.push(item);
    deps.onProgress?.(items.length, expanded.length, item);
  };
  await withTenant(deps.database, actor.tenantId, async (tx) => {
    for (const entry of read) {
      if ('failed' in entry) {
        push({ file_name: entry.fileName, status: 'failed', reason: entry.failed });
        continue;
      }
      const { fileName, file, resume } = entry;
      const fileId = await storeResumeFile(tx, actor.tenantId, fileName, file);
      const suggested_roles = await suggestRoles(tx, resume.draft);
      const draftId = await insertResumeDraft(tx.sql, actor.tenantId, {
        resumeFileId: fileId,
        format: resume.format,
        extractedText: resume.text,
        draft: JSON.stringify({ ...resume.draft, suggested_roles }),
        createdBy: actor.userId,
      });
      const identity = identityOf(resume.draft);
      const [duplicates] = identity ? await findDuplicates(tx, actor.tenantId, [identity]) : [[]];
      push({
        file_name: fileName,
        status: 'drafted',
        draft_id: draftId,
        format: resume.format,
        duplicates: duplicates ?? [],
      });
    }
  });
  return {
    drafted: items.filter((item) => item.status === 'drafted').length,
    failed: items.filter((item) => item.status === 'failed').length,
    items,
  };
}

export interface SuggestedRole {
  /** The resume's title the role was found for. */
  text: string;
  role_id: number;
  role_name: string;
}

/** Preferred roles to suggest: the canonical roles of the current and past titles, by role normalization's text rules. */
async function suggestRoles(tx: DbContext, draft: ResumeDraft): Promise<SuggestedRole[]> {
  const titles = [
    draft.current_title?.value,
    ...draft.work_history.map((entry) => entry.title?.value),
  ].filter((title): title is string => !!title && title.length <= 200);
  const roleIds = await rolesForTitles(tx.sql, titles);
  const found = [...roleIds].flatMap(([text, id]) => (id === null ? [] : [{ text, role_id: id }]));
  if (found.length === 0) return [];
  const rows = await roleNamesAndAliases(
    tx.sql,
    found.map((role) => role.role_id),
  );
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const seen = new Set<number>();
  return found.flatMap((role) => {
    if (seen.has(role.role_id)) return [];
    seen.add(role.role_id);
    return [{ ...role, role_name: names.get(role.role_id) ?? role.text }];
  });
}

async function storeResumeFile(
  tx: DbContext,
  tenantId: number,
  fileName: string,
  file: UploadedFile,
): Promise<number> {
  return insertResumeFile(tx.sql, tenantId, {
    fileName,
    contentType: file.contentType.slice(0, 100) || 'application/octet-stream',
    byteSize: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
  });
}

export interface DraftSummary {
  id: number;
  status: string;
  format: string;
  file_name: string;
  resume_file_id: number;
  candidate_id: number | null;
  created_at: Date;
}

export interface DraftDetail extends DraftSummary {
  extracted_text: string;
  draft: ResumeDraft & { suggested_roles?: SuggestedRole[] };
  duplicates: DuplicateCandidate[];
}

/** What the draft and resume-file lists search and sort by (their query strings are built from them). */
export { DRAFT_LIST };

/** Resume files of a candidate as a list: `q` searches the file name; in upload order by default. */
export const RESUME_FILE_LIST = {
  search: ['file_name'],
  sort: {
    uploaded: { column: 'id', order: 'asc' },
    file_name: { column: 'file_name', order: 'asc' },
    byte_size: { column: 'byte_size', order: 'desc' },
  },
  defaultSort: 'uploaded',
} as const satisfies ListSpec;

export function listDrafts(
  database: Database,
  tenantId: number,
  status: string,
  query: Parameters<typeof draftsWithStatus>[3],
): Promise<{ items: DraftSummary[]; total: number }> {
  return withTenant(database, tenantId, (tx) => draftsWithStatus(tx.sql, tenantId, status, query));
}

async function loadDraft(tx: DbContext, tenantId: number, id: number, lock = false) {
  const draft = await findDraft(tx.sql, tenantId, id, lock);
  if (!draft) throw AppError.notFound(`Resume draft ${id}`);
  return draft;
}

export function getDraft(database: Database, tenantId: number, id: number): Promise<DraftDetail> {
  return withTenant(database, tenantId, async (tx) => {
    const draft = await loadDraft(tx, tenantId, id);
    const identity = identityOf(draft.draft);
    const [duplicates] = identity ? await findDuplicates(tx, tenantId, [identity]) : [[]];
    return { ...draft, duplicates: duplicates ?? [] };
  });
}

/**
 * Saves a reviewed draft as a candidate (pending_review) with the recruiter's corrected fields; the resume file
 * goes with the candidate. A duplicate is a 409 unless allowed; a draft is saved once.
 */
export async function saveDraft(
  deps: CandidateServiceDependencies,
  actor: Actor,
  id: number,
  input: CandidateCreate,
  policy: { allowDuplicate?: boolean },
): Promise<Candidate> {
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const draft = await loadDraft(tx, actor.tenantId, id, true);
    if (draft.status !== 'pending_review') {
      throw new AppError('conflict', `Resume draft ${id} is already ${draft.status}.`);
    }
    const candidate = await insertCheckedCandidate(deps, tx, actor, input, policy);
    await attachResumeFile(tx.sql, actor.tenantId, draft.resume_file_id, candidate.id);
    await markDraftSaved(tx.sql, actor.tenantId, id, candidate.id);
    return candidate;
  });
}

/** Discards a draft that was not saved, with its file. */
export function discardDraft(database: Database, tenantId: number, id: number): Promise<void> {
  return withTenant(database, tenantId, async (tx) => {
    const draft = await loadDraft(tx, tenantId, id, true);
    if (draft.status === 'saved')
      throw new AppError('conflict', `Resume draft ${id} was saved; delete the candidate instead.`);
    await deleteUnattachedResumeFile(tx.sql, tenantId, draft.resume_file_id);
  });
}

export interface ResumeFileContent {
  file_name: string;
  content_type: string;
  content: Buffer;
}

export function getResumeFile(database: Database, tenantId: number, id: number): Promise<ResumeFileContent> {
  return withTenant(database, tenantId, async (tx) => {
    const file = await findResumeFile(tx.sql, tenantId, id);
    if (!file) throw AppError.notFound(`Resume file ${id}`);
    return { ...file, content: Buffer.from(file.content) };
  });
}

/** A page of a candidate's resume files (a short list, read whole). */
export function listCandidateResumeFiles(
  database: Database,
  tenantId: number,
  candidateId: number,
  query: ListQuery<keyof typeof RESUME_FILE_LIST.sort>,
) {
  return withTenant(database, tenantId, async (tx) => {
    if (!(await candidateExists(tx.sql, tenantId, candidateId)))
      throw AppError.notFound(`Candidate ${candidateId}`);
    return pageOfItems(await candidateResumeFiles(tx.sql, tenantId, candidateId), RESUME_FILE_LIST, query);
  });
}
