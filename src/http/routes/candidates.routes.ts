import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateCreateSchema, candidateUpdateSchema } from '../../candidates/candidate-input.js';
import { listCandidateOverviews } from '../../candidates/candidate-overview.js';
import {
  type CandidateServiceDependencies,
  changeCandidateStatus,
  createCandidate,
  deleteCandidate,
  getCandidateDetail,
  updateCandidate,
} from '../../candidates/candidates.js';
import { exportCandidateMatchesCsv, exportCandidatesCsv } from '../../candidates/export-candidates.js';
import { importCandidates } from '../../candidates/import-candidates.js';
import { CANDIDATE_STATUSES } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { databaseId, idParams, pagedQuery } from '../schemas.js';

/** One candidate, as the examples of every candidate schema show it. */
const candidateExample = {
  id: 42,
  first_name: 'Priya',
  last_name: 'Sharma',
  email: 'priya.sharma@example.com',
  phone: '+15125550142',
  current_title: 'Python Developer',
  current_employer: 'Northwind Analytics',
  skills: ['Python', 'Django', 'PostgreSQL', 'AWS'],
  total_experience_years: 6,
  professional_summary: 'Backend developer building data-heavy web services.',
  expected_salary: '$130,000',
  location: 'Austin, TX',
  preferred_locations: ['Austin, TX', 'Remote'],
  preferred_roles: ['Python Developer', 'Backend Engineer'],
  work_modes: ['remote', 'hybrid'],
  employment_types: ['full_time'],
  expected_hourly_rate: null,
  open_to_relocation: false,
  commute_radius_km: 30,
  status: 'approved',
  created_at: '2026-11-28T14:05:00.000Z',
  updated_at: '2026-11-30T09:12:00.000Z',
  owner_user_id: 17,
};

export const candidateSchema = z
  .object({
    id: z.number().int(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    current_title: z.string().nullable(),
    current_employer: z.string().nullable(),
    skills: z.array(z.string()).nullable(),
    total_experience_years: z.number().int().nullable(),
    professional_summary: z.string().nullable(),
    expected_salary: z.string().nullable(),
    location: z.string().nullable(),
    preferred_locations: z.array(z.string()).nullable(),
    preferred_roles: z.array(z.string()).nullable(),
    work_modes: z.array(z.string()).nullable(),
    employment_types: z.array(z.string()).nullable(),
    expected_hourly_rate: z.string().nullable(),
    open_to_relocation: z.boolean(),
    commute_radius_km: z.number().int().nullable(),
    status: z.string().nullable(),
    created_at: z.date().nullable(),
    updated_at: z.date().nullable(),
    owner_user_id: z.number().int().nullable(),
  })
  .meta({
    id: 'Candidate',
    examples: [
      {
        ...candidateExample,
      },
    ],
  });

const candidateListItemSchema = candidateSchema
  .extend({
    owner: z.object({ id: z.number().int(), email: z.string(), name: z.string().nullable() }).nullable(),
    new_matches: z.number().int(),
    total_matches: z.number().int(),
    best_score: z.number().nullable(),
    roles: z.array(z.string()),
  })
  .meta({
    id: 'CandidateListItem',
    examples: [
      {
        ...candidateExample,
        owner: { id: 17, email: 'dana.reyes@northwind.example', name: 'Dana Reyes' },
        new_matches: 2,
        total_matches: 14,
        best_score: 87.5,
        roles: ['Python Developer', 'Backend Engineer'],
      },
    ],
  });

const candidateDetailSchema = candidateSchema
  .extend({
    status_history: z.array(
      z.object({
        from_status: z.string().nullable(),
        to_status: z.string(),
        changed_by: z
          .object({ id: z.number().int(), email: z.string(), name: z.string().nullable() })
          .nullable(),
        changed_at: z.date(),
      }),
    ),
    role_mappings: z.array(
      z.object({
        input_text: z.string().nullable(),
        global_role_id: z.number().int(),
        role_name: z.string(),
        match_method: z.string().nullable(),
        confidence: z.number().nullable(),
      }),
    ),
  })
  .meta({
    id: 'CandidateDetail',
    examples: [
      {
        ...candidateExample,
        status_history: [
          {
            from_status: null,
            to_status: 'pending_review',
            changed_by: { id: 17, email: 'dana.reyes@northwind.example', name: 'Dana Reyes' },
            changed_at: '2026-11-28T14:05:00.000Z',
          },
          {
            from_status: 'pending_review',
            to_status: 'approved',
            changed_by: { id: 17, email: 'dana.reyes@northwind.example', name: 'Dana Reyes' },
            changed_at: '2026-11-30T09:12:00.000Z',
          },
        ],
        role_mappings: [
          {
            input_text: 'Python Developer',
            global_role_id: 12,
            role_name: 'Python Developer',
            match_method: 'exact',
            confidence: 1,
          },
        ],
      },
    ],
  });

const searchText = z.string().trim().min(1).max(200);
const listQuery = pagedQuery(
  {
    q: searchText.optional().meta({ description: 'Words in the name or e-mail' }),
    search: searchText.optional().meta({ description: 'Deprecated: use q', deprecated: true }),
    status: z.enum(CANDIDATE_STATUSES).optional(),
    skill: z.string().trim().min(1).max(100).optional(),
    role_id: databaseId.optional(),
    mine: z.stringbool().optional(),
    sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  },
  { default: 50, max: 200 },
).transform(({ q, search, ...query }) => {
  const text = q ?? search;
  return { ...query, ...(text ? { search: text } : {}) };
});
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
export const duplicateQuery = z
  .object({
    allow_duplicate: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  })
  .strict();

export function candidateRoutes(
  deps: CandidateServiceDependencies & { importMaxBytes: number },
): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };
    const actorOf = (request: Parameters<typeof tenantOf>[0]) => ({
      tenantId: tenantOf(request),
      userId: request.principal!.userId,
    });

    app.get(
      '/api/candidates',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            "Search the agency's candidates (name/email), filter by status, skill, role or mine (owned by me); " +
            'paginated and sorted; each with owner, new and total matches, best score and roles',
          description:
            "Lists the agency's candidates with their owner, new and total matches, best score and mapped roles. `q` searches name and e-mail (`search` is its deprecated old name); filters combine. Paginated with `page`/`page_size`, sorted by `sort` and `order`.",
          querystring: listQuery,
          response: {
            200: z.object({
              items: z.array(candidateListItemSchema),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        const { role_id, mine, ...query } = request.query;
        const page = await listCandidateOverviews(deps.database, tenantId, {
          ...query,
          ...(role_id ? { roleId: role_id } : {}),
          ...(mine ? { ownerUserId: request.principal!.userId } : {}),
        });
        return { ...page, limit: query.limit, offset: query.offset };
      },
    );

    app.post(
      '/api/candidates',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Add a candidate (status pending_review)',
          description:
            'A candidate with the same e-mail or phone, or a close name with the same location, employer or phone suffix, ' +
            'is a 409 listing the existing candidates (`duplicates`) unless `allow_duplicate=true`.',
          querystring: duplicateQuery,
          body: candidateCreateSchema,
          response: { 201: candidateSchema, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createCandidate(deps, actorOf(request), request.body, {
            allowDuplicate: request.query.allow_duplicate,
          }),
        ),
    );

    app.get(
      '/api/candidates/export.csv',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: "The agency's candidates as CSV (formula-safe)",
          description:
            'Every candidate of the agency as a CSV file; cells that a spreadsheet would run as formulas are quoted.',
          produces: ['text/csv'],
          response: {
            200: z.string().meta({
              examples: [
                'id,first_name,last_name,email,phone,current_title,current_employer,skills,total_experience_years,expected_salary,location,preferred_locations,preferred_roles,status,created_at,updated_at\r\n' +
                  '42,Priya,Sharma,priya.sharma@example.com,+15125550142,Python Developer,Northwind Analytics,Python; Django; PostgreSQL,6,"$130,000","Austin, TX","Austin, TX; Remote",Python Developer,approved,2026-11-28T14:05:00.000Z,2026-11-30T09:12:00.000Z\r\n',
              ],
            }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="candidates.csv"')
          .send(await exportCandidatesCsv(deps.database, tenantOf(request))),
    );

    app.post(
      '/api/candidates/imports',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Import candidates from a CSV upload (multipart, field "file"); every row is reported',
          description:
            'Header names are the candidate fields (first_name, last_name, email, phone, current_title, current_employer, skills, ' +
            'total_experience_years, professional_summary, expected_salary, location, preferred_locations, ' +
            'preferred_roles, work_modes, employment_types, expected_hourly_rate, open_to_relocation, commute_radius_km); list cells ' +
            'separate items with ";" or "|".',
          consumes: ['multipart/form-data'],
          response: {
            201: z
              .object({
                total: z.number().int(),
                created: z.number().int(),
                failed: z.number().int(),
                errors: z.array(
                  z.object({
                    row_number: z.number().int(),
                    field: z.string().nullable(),
                    reason: z.string(),
                  }),
                ),
              })
              .meta({
                examples: [
                  {
                    total: 120,
                    created: 118,
                    failed: 2,
                    errors: [
                      { row_number: 17, field: 'email', reason: 'Invalid email address' },
                      {
                        row_number: 64,
                        field: null,
                        reason: 'A candidate with this email already exists (id 42)',
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
          throw new AppError(
            'unsupported_media_type',
            'Upload the CSV as multipart/form-data (field "file").',
          );
        }
        const file = await request.file({ limits: { fileSize: deps.importMaxBytes } });
        if (!file) throw new AppError('bad_request', 'No file in the upload (field "file").');
        const result = await importCandidates(deps, actorOf(request), file.file);
        if (file.file.truncated) {
          throw new AppError(
            'payload_too_large',
            'The file is larger than the import limit; rows past it were not read.',
          );
        }
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/api/candidates/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'A candidate with its status history and preferred-role mappings',
          description:
            'The candidate with its status history (who, when) and how each preferred role was mapped to a global role.',
          params: idParams,
          response: { 200: candidateDetailSchema, ...errors, 404: problemSchema },
        },
      },
      async (request) => {
        const detail = await getCandidateDetail(deps, tenantOf(request), request.params.id);
        return {
          ...detail.candidate,
          status_history: detail.status_history,
          role_mappings: detail.role_mappings,
        };
      },
    );

    app.patch(
      '/api/candidates/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Change candidate fields (status changes go through /status)',
          description:
            'Changing identity fields into a duplicate of another candidate is a 409 unless `allow_duplicate=true`.',
          params: idParams,
          querystring: duplicateQuery,
          body: candidateUpdateSchema,
          response: { 200: candidateSchema, ...errors, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) =>
        updateCandidate(deps, actorOf(request), request.params.id, request.body, {
          allowDuplicate: request.query.allow_duplicate,
        }),
    );

    app.delete(
      '/api/candidates/:id',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Delete a candidate with its matches, applications and role links',
          description: 'Deletes the candidate and, with it, its matches, applications and role links.',
          params: idParams,
          response: { 204: z.null(), ...errors, 404: problemSchema },
        },
      },
      async (request, reply) => {
        await deleteCandidate(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/candidates/:id/status',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            'Move a candidate through review: pending_review → approved|rejected; approved → ready_for_assignment',
          description:
            'Changes the review status along the allowed transitions and records it in the history; any other transition is a 422.',
          params: idParams,
          body: z.object({ status: z.enum(CANDIDATE_STATUSES) }).strict(),
          response: { 200: candidateSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        changeCandidateStatus(deps, actorOf(request), request.params.id, request.body.status),
    );

    app.get(
      '/api/candidates/:id/matches/export.csv',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: "A candidate's matches as CSV, best first (formula-safe)",
          description:
            "The candidate's matches as a CSV file, one row per match, best first; cells a spreadsheet would run as formulas are quoted.",
          params: idParams,
          produces: ['text/csv'],
          response: {
            200: z.string().meta({
              examples: [
                'job_posting_id,title,company,location,job_url,match_score,skill_match_score,experience_match_score,location_match_score,salary_match_score,semantic_similarity,matched_skills,missing_skills,status,is_recommended\r\n' +
                  '1207,Senior Python Developer,Acme Analytics,"Austin, TX",https://jobs.example.com/8841207,87.5,100,90,100,80,71.2,Python; Django; PostgreSQL,,suggested,true\r\n',
              ],
            }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="candidate-${request.params.id}-matches.csv"`)
          .send(await exportCandidateMatchesCsv(deps.database, tenantOf(request), request.params.id)),
    );
  };
}
