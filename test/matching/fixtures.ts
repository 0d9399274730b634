import type { DbContext } from '../../src/db/database.js';
import { toPgVectorLiteral } from '../../src/embeddings/vector-math.js';

export const MODEL = 'test-model';

/** A deterministic unit vector near `axis` (a small tilt by `seed` keeps vectors distinct). */
export function unitVector(axis: number, seed = 0, dims = 768): Float32Array {
  const v = new Float32Array(dims);
  let state = (seed * 2654435761 + axis * 40503 + 1) >>> 0;
  let sum = 0;
  for (let i = 0; i < dims; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    v[i] = ((state / 2 ** 32) * 2 - 1) * 0.3 + (i === axis % dims ? 5 : 0);
    sum += v[i]! * v[i]!;
  }
  const norm = Math.sqrt(sum);
  for (let i = 0; i < dims; i++) v[i] = v[i]! / norm;
  return v;
}

export async function createTenant(ctx: DbContext, slug: string): Promise<number> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    'INSERT INTO tenants (name, slug) VALUES ($1, $1) RETURNING id',
    [slug],
  );
  return rows[0]!.id;
}

export async function createRole(ctx: DbContext, name: string): Promise<number> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    'INSERT INTO global_roles (name) VALUES ($1) RETURNING id',
    [name],
  );
  return rows[0]!.id;
}

export interface CandidateSeed {
  skills?: string[];
  years?: number | null;
  salary?: string | null;
  location?: string | null;
  preferred?: string[];
  status?: string;
  embedding?: Float32Array | null;
  roleIds?: number[];
}

export async function createCandidate(
  ctx: DbContext,
  tenantId: number,
  seed: CandidateSeed = {},
): Promise<number> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    `INSERT INTO candidates (tenant_id, first_name, last_name, email, skills, total_experience_years,
       expected_salary, location, preferred_locations, status, embedding, embedding_model)
     VALUES ($1, 'Test', 'Candidate', 'c@example.test', $2, $3, $4, $5, $6, $7, $8::vector, $9) RETURNING id`,
    [
      tenantId,
      seed.skills ?? ['Python', 'SQL'],
      seed.years ?? 5,
      seed.salary ?? null,
      seed.location ?? 'Austin, TX',
      seed.preferred ?? [],
      seed.status ?? 'approved',
      seed.embedding ? toPgVectorLiteral(seed.embedding) : null,
      seed.embedding ? MODEL : null,
    ],
  );
  const id = rows[0]!.id;
  if (seed.roleIds?.length) {
    await ctx.sql.query(
      'INSERT INTO candidate_global_roles (candidate_id, global_role_id) SELECT $1, unnest($2::int[])',
      [id, seed.roleIds],
    );
  }
  return id;
}

export interface JobSeed {
  title?: string;
  skills?: string[];
  experienceMin?: number | null;
  experienceMax?: number | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
  remote?: boolean;
  salaryMin?: number | null;
  salaryMax?: number | null;
  status?: string;
  embedding?: Float32Array | null;
  roleId?: number | null;
  company?: string;
}

let jobCounter = 0;

export async function createJob(ctx: DbContext, seed: JobSeed = {}): Promise<number> {
  jobCounter++;
  const { rows } = await ctx.sql.query<{ id: number }>(
    `INSERT INTO job_postings (platform, external_job_id, title, company, location, skills, experience_min,
       experience_max, location_city, location_region, location_country, is_remote, salary_min_annual,
       salary_max_annual, salary_currency, status, embedding, embedding_model, normalized_role_id)
     VALUES ('test', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::vector, $17, $18)
     RETURNING id`,
    [
      `job-${jobCounter}-${Math.random().toString(36).slice(2)}`,
      seed.title ?? 'Python Developer',
      seed.company ?? 'Acme',
      [seed.city, seed.region].filter(Boolean).join(', ') || null,
      seed.skills ?? ['Python', 'SQL', 'AWS'],
      seed.experienceMin ?? 3,
      seed.experienceMax ?? 7,
      seed.city === undefined ? 'Austin' : seed.city,
      seed.region === undefined ? 'TX' : seed.region,
      seed.country === undefined ? 'US' : seed.country,
      seed.remote ?? false,
      seed.salaryMin ?? null,
      seed.salaryMax ?? null,
      seed.salaryMin || seed.salaryMax ? 'USD' : null,
      seed.status ?? 'active',
      seed.embedding ? toPgVectorLiteral(seed.embedding) : null,
      seed.embedding ? MODEL : null,
      seed.roleId ?? null,
    ],
  );
  const id = rows[0]!.id;
  if (seed.roleId) {
    await ctx.sql.query('INSERT INTO role_job_mapping (global_role_id, job_posting_id) VALUES ($1, $2)', [
      seed.roleId,
      id,
    ]);
  }
  return id;
}

export interface StoredMatch {
  id: number;
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  status: string;
  viewed_at: Date | null;
  match_reasons: string[];
  matched_skills: string[];
  improvements: unknown;
  scoring_version: string;
  updated_at: Date;
}

export async function storedMatches(ctx: DbContext, candidateId?: number): Promise<StoredMatch[]> {
  const { rows } = await ctx.sql.query<StoredMatch>(
    `SELECT id, candidate_id, job_posting_id, match_score, status, viewed_at, match_reasons, matched_skills,
            improvements, scoring_version, updated_at
     FROM candidate_job_matches WHERE ($1::int IS NULL OR candidate_id = $1) ORDER BY candidate_id, job_posting_id`,
    [candidateId ?? null],
  );
  return rows;
}
