import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { JOB_STATUSES, SALARY_SOURCES } from '../../db/schema.js';
import { getJob, JOB_LIST, searchJobs } from '../../jobs/job-queries.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';
import { databaseId, INT4_MAX, listQuery } from '../schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

const searchQuery = listQuery(
  {
    skills: z
      .string()
      .max(1000)
      .optional()
      .transform((value) => (value ? value.split(',') : undefined))
      .meta({ description: 'Comma-separated skills the job must all list' }),
    company: z.string().max(200).optional(),
    location: z.string().max(200).optional(),
    remote: z
      .enum(['true', 'false', '1', '0'])
      .transform((value) => value === 'true' || value === '1')
      .optional(),
    salary_min: z.coerce
      .number()
      .int()
      .min(0)
      .max(INT4_MAX)
      .optional()
      .meta({ description: 'Annual salary the job reaches' }),
    salary_max: z.coerce.number().int().min(0).max(INT4_MAX).optional(),
    status: z.enum(JOB_STATUSES).default('active'),
  },
  JOB_LIST,
  { default: 25, max: 200 },
);

const jobListItemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string().nullable(),
    location: z.string().nullable(),
    is_remote: z.boolean(),
    work_arrangement: z.string().nullable(),
    employment_type: z.string().nullable(),
    salary_range: z.string().nullable(),
    salary_min_annual: z.number().nullable(),
    salary_max_annual: z.number().nullable(),
    salary_currency: z.string().nullable(),
    skills: z.array(z.string()),
    status: z.string().nullable(),
    platform: z.string(),
    posted_date: z.string().nullable(),
    imported_at: z.date(),
    role_name: z.string().nullable(),
  })
  .meta({
    id: 'JobListItem',
    examples: [
      {
        id: 1207,
        title: 'Senior Python Developer',
        company: 'Acme Analytics',
        location: 'Austin, TX',
        is_remote: false,
        work_arrangement: 'hybrid',
        employment_type: 'full_time',
        salary_range: '$120,000 - $150,000',
        salary_min_annual: 120000,
        salary_max_annual: 150000,
        salary_currency: 'USD',
        skills: ['Python', 'Django', 'PostgreSQL'],
        status: 'active',
        platform: 'indeed',
        posted_date: '2026-11-25',
        imported_at: '2026-11-28T14:05:00.000Z',
        role_name: 'Python Developer',
      },
    ],
  });

const jobDetailSchema = jobListItemSchema
  .extend({
    external_job_id: z.string().nullable(),
    description: z.string().nullable(),
    requirements: z.string().nullable(),
    salary_min: z.number().nullable(),
    salary_max: z.number().nullable(),
    salary_period: z.string().nullable(),
    salary_min_exact: z.number().nullable(),
    salary_max_exact: z.number().nullable(),
    salary_source: z.enum(SALARY_SOURCES).nullable().meta({
      description:
        'Where the salary was read from: the amount columns, the salary text, or the description (none in the columns)',
    }),
    contract_type: z.string().nullable(),
    experience_required: z.string().nullable(),
    experience_min: z.number().nullable(),
    experience_max: z.number().nullable(),
    keywords: z.array(z.string()),
    job_url: z.string().nullable(),
    location_city: z.string().nullable(),
    location_region: z.string().nullable(),
    location_country: z.string().nullable(),
    normalized_role_id: z.number().int().nullable(),
    updated_at: z.date(),
  })
  .meta({
    id: 'JobDetail',
    examples: [
      {
        id: 1207,
        title: 'Senior Python Developer',
        company: 'Acme Analytics',
        location: 'Austin, TX',
        is_remote: false,
        work_arrangement: 'hybrid',
        employment_type: 'full_time',
        salary_range: '$120,000 - $150,000',
        salary_min_annual: 120000,
        salary_max_annual: 150000,
        salary_currency: 'USD',
        skills: ['Python', 'Django', 'PostgreSQL'],
        status: 'active',
        platform: 'indeed',
        posted_date: '2026-11-25',
        imported_at: '2026-11-28T14:05:00.000Z',
        role_name: 'Python Developer',
        external_job_id: 'ind-8841207',
        description: 'Build and run the data services behind our analytics product.',
        requirements: '5+ years of Python; Django or Flask; PostgreSQL.',
        salary_min: 120000,
        salary_max: 150000,
        salary_period: 'year',
        salary_min_exact: 120000,
        salary_max_exact: 150000,
        salary_source: 'salary_text',
        contract_type: null,
        experience_required: '5+ years',
        experience_min: 5,
        experience_max: null,
        keywords: ['python', 'django', 'postgresql', 'analytics'],
        job_url: 'https://jobs.example.com/8841207',
        location_city: 'Austin',
        location_region: 'TX',
        location_country: 'US',
        normalized_role_id: 12,
        updated_at: '2026-11-28T14:05:00.000Z',
      },
    ],
  });

/** Job postings are shared by all agencies: every signed-in user may search and read them. */
export function jobRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN', 'TENANT_ADMIN', 'RECRUITER')));
    app.get(
      '/api/jobs',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Search job postings (active by default): text, skills, company, location, remote, salary',
          description:
            'Full-text search over title, company and description, combined with filters; active jobs unless `status` says otherwise. Sorted with `sort`/`order`, paginated with `page`/`page_size`; the answer counts all hits in `total`.',
          querystring: searchQuery,
          response: {
            200: z.object({
              items: z.array(jobListItemSchema),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const query = request.query;
        const result = await searchJobs(deps.database, {
          ...(query.q !== undefined ? { q: query.q } : {}),
          ...(query.skills !== undefined ? { skills: query.skills } : {}),
          ...(query.company !== undefined ? { company: query.company } : {}),
          ...(query.location !== undefined ? { location: query.location } : {}),
          ...(query.remote !== undefined ? { remote: query.remote } : {}),
          ...(query.salary_min !== undefined ? { salaryMin: query.salary_min } : {}),
          ...(query.salary_max !== undefined ? { salaryMax: query.salary_max } : {}),
          status: query.status,
          sort: query.sort,
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        });
        return { ...result, limit: query.limit, offset: query.offset };
      },
    );
    app.get(
      '/api/jobs/:id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'One job posting: parsed fields beside the raw description and requirements',
          description:
            'Every parsed field of the job (salary, experience, location parts, skills, keywords, normalized role) beside the raw description and requirements it was parsed from.',
          params: z.object({ id: databaseId }),
          response: { 200: jobDetailSchema, 404: problemSchema, ...errors },
        },
      },
      async (request) => getJob(deps.database, request.params.id),
    );
  };
}
