import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateCreateSchema } from '../../candidates/candidate-input.js';
import type { CandidateServiceDependencies } from '../../candidates/candidates.js';
import type { SkillMatcher } from '../../domain/skills.js';
import { AppError } from '../../errors.js';
import {
  DRAFT_LIST,
  discardDraft,
  getDraft,
  getResumeFile,
  intakeResumes,
  listCandidateResumeFiles,
  listDrafts,
  MAX_INTAKE_FILES,
  RESUME_FILE_LIST,
  saveDraft,
  type UploadedFile,
} from '../../intake/intake-resumes.js';
import { actorOf, requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { idParams, listQuery } from '../schemas.js';
import { candidateSchema, duplicateQuery } from './candidates.routes.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const duplicateSchema = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  reason: z.string(),
});
const draftSummarySchema = z.object({
  id: z.number().int(),
  status: z.string(),
  format: z.string(),
  file_name: z.string(),
  resume_file_id: z.number().int(),
  candidate_id: z.number().int().nullable(),
  created_at: z.date(),
});
const DRAFT_SUMMARY_EXAMPLE = {
  id: 73,
  status: 'pending_review',
  format: 'pdf',
  file_name: 'priya-sharma.pdf',
  resume_file_id: 88,
  candidate_id: null,
  created_at: '2026-11-28T14:05:00.000Z',
};

export interface ResumeIntakeRouteDependencies extends CandidateServiceDependencies {
  skills: () => SkillMatcher;
  /** Largest resume file; an upload is refused before reading when it declares more than 100 of them. */
  maxFileBytes: number;
}

export function resumeIntakeRoutes(deps: ResumeIntakeRouteDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };
    const uploadLimit = MAX_INTAKE_FILES * deps.maxFileBytes;

    app.post(
      '/api/resume-intake',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            'Upload resumes (PDF, DOCX, DOC, RTF, TXT, HTML; several files or a zip, at most 100) into drafts for review',
          description:
            'Multipart upload of one or more file parts: each file is read and parsed into a draft candidate with a confidence per field, and possible duplicates are listed. Every file is reported as drafted or failed with a reason; nothing becomes a candidate until a draft is saved.',
          consumes: ['multipart/form-data'],
          response: {
            201: z
              .object({
                drafted: z.number().int(),
                failed: z.number().int(),
                items: z.array(
                  z.object({
                    file_name: z.string(),
                    status: z.enum(['drafted', 'failed']),
                    draft_id: z.number().int().optional(),
                    format: z.string().optional(),
                    duplicates: z.array(duplicateSchema).optional(),
                    reason: z.string().optional(),
                  }),
                ),
              })
              .meta({
                examples: [
                  {
                    drafted: 1,
                    failed: 1,
                    items: [
                      {
                        file_name: 'priya-sharma.pdf',
                        status: 'drafted',
                        draft_id: 73,
                        format: 'pdf',
                        duplicates: [
                          {
                            id: 42,
                            first_name: 'Priya',
                            last_name: 'Sharma',
                            email: 'priya.sharma@example.com',
                            reason: 'same email',
                          },
                        ],
                      },
                      {
                        file_name: 'scan.png',
                        status: 'failed',
                        reason: 'Unsupported file type (PDF, DOCX, DOC, RTF, TXT or HTML)',
                      },
                    ],
                  },
                ],
              }),
            ...errors,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', 'Upload the resumes as multipart/form-data.');
        }
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > uploadLimit) {
          throw new AppError(
            'payload_too_large',
            `The upload is larger than ${Math.round(uploadLimit / 1024 / 1024)} MB.`,
          );
        }
        const files: UploadedFile[] = [];
        for await (const part of request.files({
          limits: { files: MAX_INTAKE_FILES + 1, fileSize: deps.maxFileBytes },
          throwFileSizeLimit: false,
        })) {
          if (files.length >= MAX_INTAKE_FILES) {
            part.file.resume();
            throw new AppError('payload_too_large', `At most ${MAX_INTAKE_FILES} files at once.`);
          }
          const chunks: Buffer[] = [];
          for await (const chunk of part.file) chunks.push(chunk as Buffer);
          files.push({
            name: part.filename || 'resume',
            contentType: part.mimetype,
            bytes: Buffer.concat(chunks),
            tooLarge: part.file.truncated,
          });
        }
        if (files.length === 0) throw new AppError('bad_request', 'No file in the upload.');
        return reply.status(201).send(await intakeResumes(deps, actorOf(request), files));
      },
    );

    app.get(
      '/api/resume-drafts',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Resume drafts of the agency (default: those waiting for review)',
          description:
            "The agency's resume drafts, by status (default: waiting for review), newest first; `q` searches the file name, `sort`/`order` sort them; paginated with `page`/`page_size`.",
          querystring: listQuery(
            { status: z.enum(['pending_review', 'saved', 'discarded']).default('pending_review') },
            DRAFT_LIST,
            { default: 500, max: 500 },
          ),
          response: {
            200: z
              .object({ items: z.array(draftSummarySchema), total: z.number().int() })
              .meta({ examples: [{ items: [DRAFT_SUMMARY_EXAMPLE], total: 1 }] }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { status, ...query } = request.query;
        return listDrafts(deps.database, tenantOf(request), status, query);
      },
    );

    app.get(
      '/api/resume-drafts/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            'A resume draft: the extracted text, each field with its source span and confidence, and duplicates',
          description:
            'One draft for review: the text extracted from the file, each proposed field with the span of text it came from and a confidence, and possible duplicate candidates.',
          params: idParams,
          response: {
            200: draftSummarySchema
              .extend({
                extracted_text: z.string(),
                draft: z.record(z.string(), z.unknown()),
                duplicates: z.array(duplicateSchema),
              })
              .meta({
                examples: [
                  {
                    ...DRAFT_SUMMARY_EXAMPLE,
                    extracted_text:
                      'Priya Sharma\npriya.sharma@example.com\nPython Developer, Austin, TX\n...',
                    draft: {
                      first_name: { value: 'Priya', source: { start: 0, end: 5 }, confidence: 0.95 },
                      last_name: { value: 'Sharma', source: { start: 6, end: 12 }, confidence: 0.95 },
                      email: {
                        value: 'priya.sharma@example.com',
                        source: { start: 13, end: 37 },
                        confidence: 0.99,
                      },
                    },
                    duplicates: [],
                  },
                ],
              }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const draft = await getDraft(deps.database, tenantOf(request), request.params.id);
        return { ...draft, draft: draft.draft as unknown as Record<string, unknown> };
      },
    );

    app.post(
      '/api/resume-drafts/:id/save',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            'Save a reviewed draft as a candidate (pending_review) with its resume file; 409 on a duplicate',
          description:
            'Creates the candidate from the reviewed fields in the body and keeps the resume file with it. A duplicate of an existing candidate is a 409 listing it unless `allow_duplicate=true`; a draft saved before is a 409 too.',
          params: idParams,
          querystring: duplicateQuery,
          body: candidateCreateSchema,
          response: { 201: candidateSchema, ...errors, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await saveDraft(deps, actorOf(request), request.params.id, request.body, {
            allowDuplicate: request.query.allow_duplicate,
          }),
        ),
    );

    app.delete(
      '/api/resume-drafts/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Discard a draft that was not saved, with its file',
          description: 'Discards a draft and its stored file; a draft already saved as a candidate is a 409.',
          params: idParams,
          response: { 204: z.null(), ...errors, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        await discardDraft(deps.database, tenantOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/candidates/:id/resume-files',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: "A candidate's stored resume files",
          description:
            "The candidate's original resume files (name, size, upload time), in upload order; `q` searches the file name, `sort`/`order` sort them; paginated with `page`/`page_size`.",
          params: idParams,
          querystring: listQuery({}, RESUME_FILE_LIST, { default: 500, max: 500 }),
          response: {
            200: z
              .object({
                items: z.array(
                  z.object({
                    id: z.number().int(),
                    file_name: z.string(),
                    byte_size: z.number().int(),
                    created_at: z.date(),
                  }),
                ),
                total: z.number().int(),
              })
              .meta({
                examples: [
                  {
                    items: [
                      {
                        id: 88,
                        file_name: 'priya-sharma.pdf',
                        byte_size: 184213,
                        created_at: '2026-11-28T14:05:00.000Z',
                      },
                    ],
                    total: 1,
                  },
                ],
              }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) =>
        listCandidateResumeFiles(deps.database, tenantOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/resume-files/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Download an original resume file (the agency that uploaded it only)',
          description: 'The original file as uploaded, with its content type and a download file name.',
          params: idParams,
          produces: ['application/octet-stream'],
          response: { 200: z.any(), ...errors, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const file = await getResumeFile(deps.database, tenantOf(request), request.params.id);
        return reply
          .type('application/octet-stream')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
          .send(file.content);
      },
    );
  };
}
