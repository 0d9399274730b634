import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { MappingError, parseColumnMapping } from '../../domain/jobs/column-mapping.js';
import type { SkillMatcher } from '../../domain/skills.js';
import { AppError } from '../../errors.js';
import { publishJobsImported } from '../../events/events.js';
import {
  getImportBatch,
  IMPORT_BATCH_LIST,
  type JobImportBatch,
  listImportBatches,
} from '../../ingestion/import-batches.js';
import { importJobs } from '../../ingestion/import-jobs.js';
import { detectFormat, type RecordFormat } from '../../ingestion/read-records.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole } from '../auth/principal.js';
import { uploadedFile } from '../multipart-upload.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';
import { databaseId, listQuery, pageOffset } from '../schemas.js';

const batchSchema = z
  .object({
    id: z.number().int(),
    batch_id: z.string(),
    platform: z.string(),
    file_name: z.string().nullable(),
    format: z.string().nullable(),
    import_status: z.enum(['in_progress', 'completed', 'failed', 'partial']),
    total_jobs: z.number().int(),
    new_jobs: z.number().int(),
    updated_jobs: z.number().int(),
    unchanged_jobs: z.number().int(),
    failed_jobs: z.number().int(),
    error_message: z.string().nullable(),
    imported_by: z.number().int().nullable(),
    started_at: z.date(),
    completed_at: z.date().nullable(),
  })
  .meta({
    id: 'ImportBatch',
    examples: [
      {
        id: 7,
        batch_id: 'imp_20261128_1405',
        platform: 'indeed',
        file_name: 'indeed-2026-11-28.csv',
        format: 'csv',
        import_status: 'partial',
        total_jobs: 1200,
        new_jobs: 940,
        updated_jobs: 180,
        unchanged_jobs: 70,
        failed_jobs: 10,
        error_message: null,
        imported_by: 1,
        started_at: '2026-11-28T14:05:00.000Z',
        completed_at: '2026-11-28T14:06:12.000Z',
      },
    ],
  });

const rowErrorSchema = z
  .object({
    row_number: z.number().int(),
    field: z.string().nullable(),
    reason: z.string(),
    /** `warning`: the row was stored with the field left empty; `error`: the row was not stored. */
    severity: z.enum(['error', 'warning']).or(z.string()).optional(),
  })
  .meta({
    id: 'ImportRowError',
    examples: [{ row_number: 118, field: 'title', reason: 'is required', severity: 'error' }],
  });

const importOptionsSchema = z.object({
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,49}$/, 'a platform name: a-z, 0-9, _ . - (max 50)')
    // Like the CLI: rows that name their own platform (JobSpy's `site`) need none.
    .optional(),
  format: z.enum(['csv', 'json', 'jsonl']).optional(),
  map: z.string().max(4000).optional(),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto'),
});

const toBatch = (row: JobImportBatch) => ({
  ...row,
  total_jobs: row.total_jobs ?? 0,
  new_jobs: row.new_jobs ?? 0,
  updated_jobs: row.updated_jobs ?? 0,
  unchanged_jobs: row.unchanged_jobs ?? 0,
  failed_jobs: row.failed_jobs ?? 0,
  import_status: (row.import_status ?? 'in_progress') as z.infer<typeof batchSchema>['import_status'],
  started_at: row.started_at ?? new Date(0),
});

/** Reads the multipart fields sent before the file, merged over the query string. */
function optionsFrom(file: MultipartFile, query: Record<string, unknown>) {
  const fields: Record<string, unknown> = { ...query };
  for (const [name, field] of Object.entries(file.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field') fields[name] = value.value;
  }
  const parsed = importOptionsSchema.safeParse(fields);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The import options are invalid.', {
      errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

export function adminImportRoutes(deps: {
  database: Database;
  skills: () => SkillMatcher;
  maxBytes: number;
  /** Where `jobs/imported` goes; without it the jobs wait for candidates' own rescoring. */
  queue?: Pick<JobQueue, 'send'> | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    app.post(
      '/api/admin/imports',
      {
        // An upload that says it is too large is refused before a byte of it is read.
        onRequest: async (request) => {
          const length = Number(request.headers['content-length']);
          if (Number.isFinite(length) && length > deps.maxBytes + 16 * 1024) {
            throw new AppError(
              'payload_too_large',
              `The upload is ${length} bytes; the import limit is ${deps.maxBytes} bytes.`,
            );
          }
        },
        schema: {
          tags: ['imports'],
          summary:
            'Import a job file (multipart upload: field "file"; options as form fields, before or after it, or as query)',
          description:
            'CSV (RFC 4180, UTF-8 or Windows-1252), JSON array or JSON Lines. JobSpy CSV and the Jobmatch job schema ' +
            'are recognized; other layouts need `map`, e.g. `title=Job Title,company=Company Name`. Rows that fail are ' +
            'counted and reported with their row number; they never stop the import. `platform` is needed only when the ' +
            'rows name none (JobSpy rows name theirs in `site`).',
          consumes: ['multipart/form-data'],
          querystring: importOptionsSchema,
          response: {
            201: z.object({ batch: batchSchema, errors: z.array(rowErrorSchema) }),
            400: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(
            'unsupported_media_type',
            'Upload the file as multipart/form-data (field "file").',
          );
        }
        const file = await uploadedFile(request, 'file');
        const options = optionsFrom(file, request.query as Record<string, unknown>);
        let mapping: ReturnType<typeof parseColumnMapping> | undefined;
        try {
          mapping = options.map ? parseColumnMapping(options.map) : undefined;
        } catch (error) {
          if (error instanceof MappingError) throw new AppError('validation_failed', `map: ${error.message}`);
          throw error;
        }
        const format: RecordFormat | null = options.format ?? detectFormat(file.filename, Buffer.alloc(0));
        if (!format) {
          throw new AppError(
            'bad_request',
            `Cannot tell the format of "${file.filename}"; give format=csv|json|jsonl.`,
          );
        }
        const result = await importJobs(
          {
            database: deps.database,
            skills: deps.skills(),
            ...(deps.queue ? { onJobsImported: publishJobsImported(deps.queue) } : {}),
          },
          {
            source: file.open(),
            fileName: file.filename,
            format,
            platform: options.platform,
            mapping,
            encoding: options.encoding,
            importedBy: request.principal?.userId ?? null,
          },
        );
        if (file.file.truncated) {
          throw new AppError(
            'payload_too_large',
            'The file is larger than the import limit; nothing past it was read.',
          );
        }
        return reply.status(201).send({ batch: toBatch(result.batch), errors: result.errors });
      },
    );

    app.get(
      '/api/admin/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import batches, newest first',
          description:
            'Job-file import batches with their counts (new, updated, unchanged, failed), newest first; `q` searches file name, platform and status, `sort`/`order` sort them; paginated with `page`/`page_size`, counted in `total`.',
          querystring: listQuery({}, IMPORT_BATCH_LIST, { default: 50, max: 500 }),
          response: { 200: z.object({ items: z.array(batchSchema), total: z.number().int() }) },
        },
      },
      async (request) => {
        const page = await listImportBatches(deps.database, request.query);
        return { items: page.items.map(toBatch), total: page.total };
      },
    );

    app.get(
      '/api/admin/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'One import batch with its row errors',
          description:
            'The batch with its counts and its row errors (row, field, reason), paged with `errors_limit`/`errors_offset`.',
          params: z.object({ id: databaseId }),
          querystring: z.object({
            errors_limit: z.coerce.number().int().min(0).max(10_000).default(500),
            errors_offset: pageOffset,
          }),
          response: {
            200: batchSchema.extend({ errors: z.array(rowErrorSchema), errors_total: z.number().int() }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { batch, errors, errorsTotal } = await getImportBatch(deps.database, request.params.id, {
          limit: request.query.errors_limit,
          offset: request.query.errors_offset,
        });
        return { ...toBatch(batch), errors, errors_total: errorsTotal };
      },
    );
  };
}
