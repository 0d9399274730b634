import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  char,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  vector,
} from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES } from '../domain/application-status.js';
import { CANDIDATE_STATUSES } from '../domain/candidate-status.js';
import { APPLICATION_EVENT_KINDS } from '../domain/pipeline-history.js';

/** Spec: `TIMESTAMP DEFAULT NOW()`; stored with time zone (see docs/decisions.md). */
const createdAt = () => timestamp({ withTimezone: true }).defaultNow();
const embedding = () => vector({ dimensions: 768 });
const statusCheck = (name: string, column: string, values: readonly string[]) =>
  check(name, sql.raw(`${column} IN (${values.map((value) => `'${value}'`).join(', ')})`));

export { APPLICATION_EVENT_KINDS, APPLICATION_STATUSES, CANDIDATE_STATUSES };

export const USER_ROLES = ['PM_ADMIN', 'TENANT_ADMIN', 'RECRUITER'] as const;
export const JOB_STATUSES = ['active', 'expired', 'filled', 'closed'] as const;
export const SCRAPE_SESSION_STATUSES = ['in_progress', 'completed', 'failed', 'timeout'] as const;
export const MATCH_STATUSES = ['suggested', 'viewed', 'applied', 'rejected', 'shortlisted'] as const;
export const APPLIED_VIA = ['platform', 'direct', 'referral'] as const;
export const IMPORT_STATUSES = ['in_progress', 'completed', 'failed', 'partial'] as const;
export const QUEUE_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export const ROLE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type RolePriority = (typeof ROLE_PRIORITIES)[number];
export type AppliedVia = (typeof APPLIED_VIA)[number];
export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export const CONTRACT_TYPES = ['W2', 'C2C', '1099'] as const;
export const WORK_ARRANGEMENTS = ['remote', 'hybrid', 'onsite'] as const;
/** Where a posting's salary was read from: the amount columns, the salary text, or the description. */
export const SALARY_SOURCES = ['columns', 'salary_text', 'description'] as const;
export const IMPORT_ROW_PROBLEM_SEVERITIES = ['error', 'warning'] as const;

export const tenants = pgTable(
  'tenants',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 255 }).notNull(),
    slug: varchar({ length: 100 }).notNull(),
    is_active: boolean().notNull().default(true),
    created_at: createdAt().notNull(),
    updated_at: createdAt().notNull(),
  },
  (t) => [uniqueIndex('idx_tenants_slug').on(t.slug)],
);

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    tenant_id: integer().references(() => tenants.id, { onDelete: 'cascade' }),
    email: varchar({ length: 255 }).notNull(),
    password_hash: text().notNull(),
    full_name: varchar({ length: 200 }),
    role: varchar({ length: 20 }).notNull(),
    is_active: boolean().notNull().default(true),
    last_login_at: timestamp({ withTimezone: true }),
    created_at: createdAt().notNull(),
    updated_at: createdAt().notNull(),
  },
  (t) => [
    // Unique per agency and among platform admins (migration 0008); the plain index serves sign-in.
    uniqueIndex('idx_users_tenant_email')
      .on(t.tenant_id, sql`lower(${t.email})`)
      .where(sql`${t.tenant_id} IS NOT NULL`),
    uniqueIndex('idx_users_platform_email').on(sql`lower(${t.email})`).where(sql`${t.tenant_id} IS NULL`),
    index('idx_users_email').on(sql`lower(${t.email})`),
    index('idx_users_tenant').on(t.tenant_id),
    statusCheck('users_role_check', 'role', USER_ROLES),
    check('users_tenant_role_check', sql`(role = 'PM_ADMIN') = (tenant_id IS NULL)`),
  ],
);

/** What a tenant API key may do: `read` only safe methods, `write` everything the recruiter API offers. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const scraperApiKeys = pgTable(
  'scraper_api_keys',
  {
    id: serial().primaryKey(),
    key_hash: varchar({ length: 255 }).notNull().unique('scraper_api_keys_key_hash_key'),
    name: varchar({ length: 100 }).notNull(),
    is_active: boolean().default(true),
    last_used_at: timestamp({ withTimezone: true }),
    total_requests: integer().default(0),
    created_by: integer().references(() => users.id),
    created_at: createdAt(),
    revoked_at: timestamp({ withTimezone: true }),
    // Beyond the spec (migration 0021): a tenant API key for the recruiter API has its agency and scope; a
    // scraper key has neither.
    tenant_id: integer().references(() => tenants.id, { onDelete: 'cascade' }),
    scope: varchar({ length: 10 }).$type<ApiKeyScope>(),
  },
  (t) => [
    index('idx_scraper_api_keys_tenant').on(t.tenant_id).where(sql`${t.tenant_id} IS NOT NULL`),
    check(
      'scraper_api_keys_scope_check',
      sql`(tenant_id IS NULL AND scope IS NULL) OR (tenant_id IS NOT NULL AND scope IN ('read', 'write'))`,
    ),
  ],
);

export const globalRoles = pgTable(
  'global_roles',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 255 }).notNull().unique('global_roles_name_key'),
    embedding: embedding(),
    embedding_model: varchar({ length: 100 }),
    aliases: text().array().default(sql`'{}'`),
    category: varchar({ length: 100 }),
    candidate_count: integer().default(0),
    queue_status: varchar({ length: 20 }).default('pending'),
    priority: varchar({ length: 20 }).default('normal'),
    total_jobs_scraped: integer().default(0),
    last_scraped_at: timestamp({ withTimezone: true }),
    created_at: createdAt(),
    updated_at: createdAt(),
    // Beyond the spec (migration 0010): false for roles created on the fly, which normalization ranks below
    // seeded and admin-approved roles.
    canonical: boolean().notNull().default(true),
    /** Failed or timed-out scrapes since the last success; at the cap the role is `failed` (migration 0008). */
    scrape_failures: integer().notNull().default(0),
    last_scrape_error: text(),
  },
  (t) => [
    index('idx_global_roles_embedding').using('hnsw', t.embedding.op('vector_cosine_ops')),
    index('idx_global_roles_queue').on(t.queue_status, t.priority, t.candidate_count.desc()),
    index('idx_global_roles_name').on(t.name),
    index('idx_global_roles_category').on(t.category),
    statusCheck('global_roles_queue_status_check', 'queue_status', QUEUE_STATUSES),
    statusCheck('global_roles_priority_check', 'priority', ROLE_PRIORITIES),
    check('global_roles_candidate_count_check', sql`candidate_count >= 0`),
  ],
);

export const jobImportBatches = pgTable(
  'job_import_batches',
  {
    id: serial().primaryKey(),
    batch_id: varchar({ length: 255 }).notNull().unique('job_import_batches_batch_id_key'),
    platform: varchar({ length: 50 }).notNull(),
    file_name: varchar({ length: 255 }),
    total_jobs: integer().default(0),
    new_jobs: integer().default(0),
    updated_jobs: integer().default(0),
    failed_jobs: integer().default(0),
    import_status: varchar({ length: 50 }).default('in_progress'),
    error_message: text(),
    imported_by: integer().references(() => users.id),
    started_at: createdAt(),
    completed_at: timestamp({ withTimezone: true }),
    created_at: createdAt(),
    // Beyond the spec: rows already present and identical, the input format, and a liveness stamp
    // so that an import whose process died is recovered instead of staying in_progress forever.
    unchanged_jobs: integer().default(0),
    format: varchar({ length: 20 }),
    heartbeat_at: createdAt(),
  },
  () => [statusCheck('job_import_batches_import_status_check', 'import_status', IMPORT_STATUSES)],
);

/** Per-row problems of an import (beyond the spec): row number, field and reason, kept with the batch. */
export const jobImportErrors = pgTable(
  'job_import_errors',
  {
    id: serial().primaryKey(),
    batch_id: integer()
      .notNull()
      .references(() => jobImportBatches.id, { onDelete: 'cascade' }),
    row_number: integer().notNull(),
    field: varchar({ length: 100 }),
    reason: text().notNull(),
    raw_record: text(),
    created_at: createdAt(),
    // Beyond the spec (docs/decisions.md, migration 0006): a warning row was stored, an error row was not.
    severity: varchar({ length: 10 }).notNull().default('error'),
  },
  (t) => [
    index('idx_job_import_errors_batch').on(t.batch_id, t.row_number),
    statusCheck('job_import_errors_severity_check', 'severity', IMPORT_ROW_PROBLEM_SEVERITIES),
  ],
);

export const jobPostings = pgTable(
  'job_postings',
  {
    id: serial().primaryKey(),
    external_job_id: varchar({ length: 255 }),
    platform: varchar({ length: 50 }).notNull(),
    title: varchar({ length: 500 }).notNull(),
    company: varchar({ length: 255 }),
    location: varchar({ length: 255 }),
    description: text(),
    requirements: text(),
    salary_range: varchar({ length: 255 }),
    salary_min: integer(),
    salary_max: integer(),
    experience_required: varchar({ length: 100 }),
    experience_min: integer(),
    experience_max: integer(),
    skills: varchar({ length: 100 }).array().default(sql`'{}'`),
    keywords: varchar({ length: 100 }).array().default(sql`'{}'`),
    is_remote: boolean().default(false),
    job_url: text(),
    status: varchar({ length: 50 }).default('active'),
    scraped_by_key_id: integer().references(() => scraperApiKeys.id),
    import_batch_id: integer().references(() => jobImportBatches.id),
    scrape_session_id: uuid(),
    normalized_role_id: integer().references(() => globalRoles.id),
    embedding: embedding(),
    posted_date: date(),
    imported_at: createdAt(),
    created_at: createdAt(),
    updated_at: createdAt(),
    // Beyond the spec (docs/decisions.md): what matching needs from the parsed posting.
    salary_currency: varchar({ length: 3 }),
    salary_period: varchar({ length: 10 }),
    salary_min_annual: integer(),
    salary_max_annual: integer(),
    contract_type: varchar({ length: 10 }),
    work_arrangement: varchar({ length: 10 }),
    employment_type: varchar({ length: 50 }),
    location_city: varchar({ length: 120 }),
    location_region: varchar({ length: 120 }),
    location_country: varchar({ length: 2 }),
    embedding_model: varchar({ length: 100 }),
    // Migration 0006: amounts to the cent beside the INTEGER ones, and where the salary was read from.
    salary_min_exact: numeric({ precision: 12, scale: 2, mode: 'number' }),
    salary_max_exact: numeric({ precision: 12, scale: 2, mode: 'number' }),
    salary_source: varchar({ length: 20 }),
  },
  (t) => [
    uniqueIndex('idx_job_postings_external').on(t.platform, t.external_job_id),
    index('idx_job_postings_skills').using('gin', t.skills),
    index('idx_job_postings_keywords').using('gin', t.keywords),
    index('idx_job_postings_embedding').using('hnsw', t.embedding.op('vector_cosine_ops')),
    index('idx_job_postings_status').on(t.status),
    index('idx_job_postings_platform').on(t.platform),
    statusCheck('job_postings_status_check', 'status', JOB_STATUSES),
    statusCheck('job_postings_salary_period_check', 'salary_period', SALARY_PERIODS),
    statusCheck('job_postings_contract_type_check', 'contract_type', CONTRACT_TYPES),
    statusCheck('job_postings_work_arrangement_check', 'work_arrangement', WORK_ARRANGEMENTS),
    statusCheck('job_postings_salary_source_check', 'salary_source', SALARY_SOURCES),
    index('idx_job_postings_active_age').on(t.posted_date, t.imported_at).where(sql`status = 'active'`),
  ],
);

export const scrapeSessions = pgTable(
  'scrape_sessions',
  {
    id: serial().primaryKey(),
    session_id: uuid().notNull().unique('scrape_sessions_session_id_key'),
    scraper_key_id: integer()
      .notNull()
      .references(() => scraperApiKeys.id),
    scraper_name: varchar({ length: 100 }),
    global_role_id: integer().references(() => globalRoles.id),
    role_name: varchar({ length: 255 }),
    started_at: timestamp({ withTimezone: true }).notNull(),
    completed_at: timestamp({ withTimezone: true }),
    duration_seconds: integer(),
    jobs_found: integer().default(0),
    jobs_imported: integer().default(0),
    jobs_skipped: integer().default(0),
    status: varchar({ length: 20 }).default('in_progress'),
    error_message: text(),
    created_at: createdAt(),
    updated_at: createdAt(),
    // Beyond the spec: invalid jobs in the posted batch, and the completion kept so a retried POST
    // with the same body returns the same answer without importing twice.
    jobs_failed: integer().default(0),
    completion_hash: varchar({ length: 64 }),
    completion_result: jsonb(),
    /** The claim's Idempotency-Key: a retried claim returns this session (migration 0008). */
    claim_key: varchar({ length: 100 }),
  },
  (t) => [
    index('idx_scrape_sessions_session').on(t.session_id),
    uniqueIndex('idx_scrape_sessions_claim_key')
      .on(t.scraper_key_id, t.claim_key)
      .where(sql`${t.claim_key} IS NOT NULL`),
    index('idx_scrape_sessions_scraper_key').on(t.scraper_key_id),
    index('idx_scrape_sessions_started').on(t.started_at.desc()),
    index('idx_scrape_sessions_status').on(t.status),
    index('idx_scrape_sessions_role').on(t.global_role_id),
    statusCheck('scrape_sessions_status_check', 'status', SCRAPE_SESSION_STATUSES),
  ],
);

export const candidates = pgTable(
  'candidates',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id),
    first_name: varchar({ length: 100 }).notNull(),
    last_name: varchar({ length: 100 }).notNull(),
    email: varchar({ length: 255 }).notNull(),
    phone: varchar({ length: 20 }),
    current_title: varchar({ length: 200 }),
    skills: varchar({ length: 100 }).array().default(sql`'{}'`),
    total_experience_years: integer(),
    professional_summary: text(),
    expected_salary: varchar({ length: 100 }),
    location: varchar({ length: 200 }),
    preferred_locations: varchar({ length: 200 }).array().default(sql`'{}'`),
    preferred_roles: varchar({ length: 200 }).array().default(sql`'{}'`),
    // Match preferences (migration 0007, docs/decisions.md).
    work_modes: varchar({ length: 10 }).array().default(sql`'{}'`),
    employment_types: varchar({ length: 20 }).array().default(sql`'{}'`),
    expected_hourly_rate: varchar({ length: 100 }),
    open_to_relocation: boolean().default(false).notNull(),
    // Migration 0014 (docs/decisions.md, location by distance): km, NULL = not stated.
    commute_radius_km: integer(),
    // Migration 0022 (docs/decisions/resume-intake.md, employer): beyond the spec.
    current_employer: varchar({ length: 200 }),
    embedding: embedding(),
    embedding_model: varchar({ length: 100 }),
    status: varchar({ length: 50 }).default('pending_review'),
    created_at: createdAt(),
    updated_at: createdAt(),
    // Beyond the spec: the recruiter who owns the candidate (docs/decisions.md, the recruiter's day).
    owner_user_id: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('idx_candidates_tenant').on(t.tenant_id),
    index('idx_candidates_owner').on(t.tenant_id, t.owner_user_id),
    index('idx_candidates_status').on(t.status),
    index('idx_candidates_email').on(t.email),
    index('idx_candidates_skills').using('gin', t.skills),
    index('idx_candidates_preferred_roles').using('gin', t.preferred_roles),
    index('idx_candidates_embedding').using('hnsw', t.embedding.op('vector_cosine_ops')),
    statusCheck('candidates_status_check', 'status', CANDIDATE_STATUSES),
    check(
      'candidates_work_modes_check',
      sql`${t.work_modes} <@ ARRAY['remote', 'hybrid', 'onsite']::varchar[]`,
    ),
    check(
      'candidates_employment_types_check',
      sql`${t.employment_types} <@ ARRAY['permanent', 'contract', 'c2c', 'w2', '1099']::varchar[]`,
    ),
    check(
      'candidates_commute_radius_km_check',
      sql`commute_radius_km IS NULL OR commute_radius_km BETWEEN 1 AND 1000`,
    ),
    check(
      'candidates_total_experience_years_check',
      sql`total_experience_years IS NULL OR total_experience_years BETWEEN 0 AND 80`,
    ),
  ],
);

const score = () => numeric({ precision: 5, scale: 2, mode: 'number' });

export const candidateJobMatches = pgTable(
  'candidate_job_matches',
  {
    id: serial().primaryKey(),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    match_score: score().notNull(),
    skill_match_score: score(),
    experience_match_score: score(),
    location_match_score: score(),
    salary_match_score: score(),
    semantic_similarity: score(),
    matched_skills: varchar({ length: 100 }).array().default(sql`'{}'`),
    missing_skills: varchar({ length: 100 }).array().default(sql`'{}'`),
    // Not written by the matcher (computed on read, matching/explain-matches.ts); rows that hold one keep it.
    match_reasons: text().array().default(sql`'{}'`),
    status: varchar({ length: 50 }).default('suggested'),
    is_recommended: boolean().default(false),
    matched_at: createdAt(),
    viewed_at: timestamp({ withTimezone: true }),
    updated_at: createdAt(),
    // Beyond the spec: which scoring produced the row, and the changes that would raise it most.
    scoring_version: varchar({ length: 40 }),
    improvements: jsonb().default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('idx_candidate_job_matches_unique').on(t.candidate_id, t.job_posting_id),
    // Migration 0024: the spec's (candidate_id), (candidate_id, match_score) and (status) indexes served no
    // query the unique index does not; lookups by job had none.
    index('idx_candidate_job_matches_job').on(t.job_posting_id),
    statusCheck('candidate_job_matches_status_check', 'status', MATCH_STATUSES),
    check('candidate_job_matches_score_check', sql`match_score BETWEEN 0 AND 100`),
  ],
);

export const jobApplications = pgTable(
  'job_applications',
  {
    id: serial().primaryKey(),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    match_id: integer().references(() => candidateJobMatches.id),
    application_status: varchar({ length: 50 }).default('applied'),
    applied_via: varchar({ length: 50 }),
    cover_letter: text(),
    notes: text(),
    applied_at: createdAt(),
    status_updated_at: timestamp({ withTimezone: true }),
    created_at: createdAt(),
    updated_at: createdAt(),
    // Beyond the spec: set when the candidate was placed elsewhere and this open application needs a look.
    review_reason: text(),
    review_requested_at: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('idx_job_applications_unique').on(t.candidate_id, t.job_posting_id),
    index('idx_job_applications_candidate').on(t.candidate_id),
    index('idx_job_applications_status').on(t.application_status),
    statusCheck('job_applications_application_status_check', 'application_status', APPLICATION_STATUSES),
    check(
      'job_applications_applied_via_check',
      sql.raw(`applied_via IS NULL OR applied_via IN (${APPLIED_VIA.map((v) => `'${v}'`).join(', ')})`),
    ),
  ],
);

export const candidateGlobalRoles = pgTable(
  'candidate_global_roles',
  {
    id: serial().primaryKey(),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    global_role_id: integer()
      .notNull()
      .references(() => globalRoles.id, { onDelete: 'cascade' }),
    created_at: createdAt(),
    // Beyond the spec: what the recruiter typed and how it was mapped, so the mapping can be shown and corrected.
    input_text: varchar({ length: 200 }),
    match_method: varchar({ length: 20 }),
    confidence: real(),
  },
  (t) => [
    uniqueIndex('idx_candidate_global_roles_unique').on(t.candidate_id, t.global_role_id),
    index('idx_candidate_global_roles_role').on(t.global_role_id),
    index('idx_candidate_global_roles_candidate').on(t.candidate_id),
  ],
);

export const roleJobMapping = pgTable(
  'role_job_mapping',
  {
    id: serial().primaryKey(),
    global_role_id: integer()
      .notNull()
      .references(() => globalRoles.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    scraped_at: createdAt(),
  },
  (t) => [
    uniqueIndex('idx_role_job_mapping_unique').on(t.global_role_id, t.job_posting_id),
    index('idx_role_job_mapping_role').on(t.global_role_id),
    index('idx_role_job_mapping_job').on(t.job_posting_id),
  ],
);

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;

/** A recruiter's report that a preferred role was mapped to the wrong canonical role. */
export const roleMappingReports = pgTable(
  'role_mapping_reports',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    candidate_id: integer().references(() => candidates.id, { onDelete: 'set null' }),
    input_text: varchar({ length: 200 }).notNull(),
    global_role_id: integer().references(() => globalRoles.id, { onDelete: 'set null' }),
    suggested_role_name: varchar({ length: 255 }),
    note: text(),
    status: varchar({ length: 20 }).notNull().default('open'),
    reported_by: integer().references(() => users.id, { onDelete: 'set null' }),
    resolved_by: integer().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
    resolved_at: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('idx_role_mapping_reports_status').on(t.status, t.created_at),
    index('idx_role_mapping_reports_tenant').on(t.tenant_id),
    statusCheck('role_mapping_reports_status_check', 'status', REPORT_STATUSES),
  ],
);

const weight = () => numeric({ precision: 4, scale: 3, mode: 'number' }).notNull();

/** Per-tenant matching settings; a tenant without a row uses the defaults. */
export const tenantSettings = pgTable(
  'tenant_settings',
  {
    tenant_id: integer()
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    weight_skill: weight().default(0.35),
    weight_experience: weight().default(0.15),
    weight_location: weight().default(0.15),
    weight_salary: weight().default(0.1),
    weight_semantic: weight().default(0.25),
    recommend_threshold: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(70),
    updated_at: createdAt().notNull(),
    updated_by: integer().references(() => users.id, { onDelete: 'set null' }),
    /** Best N suggested matches kept per candidate (NULL: the configured default). */
    match_list_size: integer(),
    /** Lowest score a suggested match is kept at (NULL: the configured default). */
    match_floor: numeric({ precision: 5, scale: 2, mode: 'number' }),
  },
  () => [
    check('tenant_settings_match_list_size_check', sql`match_list_size BETWEEN 0 AND 1000`),
    check('tenant_settings_match_floor_check', sql`match_floor BETWEEN 0 AND 100`),
    check(
      'tenant_settings_weights_check',
      sql`abs(weight_skill + weight_experience + weight_location + weight_salary + weight_semantic - 1) < 0.0005
          AND least(weight_skill, weight_experience, weight_location, weight_salary, weight_semantic) >= 0`,
    ),
    check('tenant_settings_threshold_check', sql`recommend_threshold BETWEEN 0 AND 100`),
  ],
);

/** Server-side sign-in sessions; the cookie holds a random token, the table only its SHA-256. */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: varchar({ length: 64 }).primaryKey(),
    user_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrf_token: varchar({ length: 64 }).notNull(),
    created_at: createdAt().notNull(),
    last_seen_at: createdAt().notNull(),
    expires_at: timestamp({ withTimezone: true }).notNull(),
    ip: varchar({ length: 64 }),
    user_agent: text(),
  },
  (t) => [index('idx_user_sessions_user').on(t.user_id), index('idx_user_sessions_expires').on(t.expires_at)],
);

/** Who moved a candidate through the review workflow, and when. */
export const candidateStatusChanges = pgTable(
  'candidate_status_changes',
  {
    id: serial().primaryKey(),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    from_status: varchar({ length: 50 }),
    to_status: varchar({ length: 50 }).notNull(),
    changed_by: integer().references(() => users.id, { onDelete: 'set null' }),
    changed_at: createdAt().notNull(),
  },
  (t) => [index('idx_candidate_status_changes_candidate').on(t.candidate_id, t.changed_at)],
);

/** The pipeline history of an application. */
export const jobApplicationEvents = pgTable(
  'job_application_events',
  {
    id: serial().primaryKey(),
    application_id: integer()
      .notNull()
      .references(() => jobApplications.id, { onDelete: 'cascade' }),
    from_status: varchar({ length: 50 }),
    to_status: varchar({ length: 50 }).notNull(),
    changed_by: integer().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    changed_at: createdAt().notNull(),
    /** `move` forward or closing, `undo` of an earlier move (`undoes_event_id`), `reopen` of a closed one. */
    kind: varchar({ length: 20 }).notNull().default('move'),
    undoes_event_id: integer().references((): AnyPgColumn => jobApplicationEvents.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    index('idx_job_application_events_application').on(t.application_id, t.changed_at),
    statusCheck('job_application_events_kind_check', 'kind', APPLICATION_EVENT_KINDS),
  ],
);

export const RATE_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
const money = () => numeric({ precision: 12, scale: 2, mode: 'number' });

/** An accepted offer: when the candidate starts and what the agency earns (margin computed at creation). */
export const placements = pgTable(
  'placements',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    application_id: integer()
      .notNull()
      .references(() => jobApplications.id, { onDelete: 'cascade' }),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    start_date: date().notNull(),
    currency: varchar({ length: 3 }).notNull(),
    rate_period: varchar({ length: 10 }).notNull(),
    pay_rate: money().notNull(),
    bill_rate: money(),
    fee: money(),
    margin: money().notNull(),
    margin_percent: numeric({ precision: 7, scale: 2, mode: 'number' }),
    created_by: integer().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
  },
  (t) => [
    uniqueIndex('idx_placements_application').on(t.application_id),
    index('idx_placements_tenant').on(t.tenant_id, t.created_at),
    statusCheck('placements_rate_period_check', 'rate_period', RATE_PERIODS),
    check(
      'placements_amounts_check',
      sql`pay_rate >= 0 AND coalesce(bill_rate, 0) >= 0 AND coalesce(fee, 0) >= 0`,
    ),
    check('placements_bill_rate_or_fee_check', sql`(bill_rate IS NULL) <> (fee IS NULL)`),
  ],
);

/** A global job closed for one agency (it stays active for the others). */
export const tenantJobClosures = pgTable(
  'tenant_job_closures',
  {
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    reason: varchar({ length: 200 }),
    closed_by: integer().references(() => users.id, { onDelete: 'set null' }),
    closed_at: createdAt().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.job_posting_id] })],
);

/** Per-tenant alert settings; a tenant without a row uses the defaults. */
export const tenantAlertSettings = pgTable(
  'tenant_alert_settings',
  {
    tenant_id: integer()
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    stage_limit_days: integer().notNull().default(7),
    rescore_margin: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(5),
    updated_by: integer().references(() => users.id, { onDelete: 'set null' }),
    updated_at: createdAt().notNull(),
  },
  () => [
    check('tenant_alert_settings_stage_limit_check', sql`stage_limit_days BETWEEN 1 AND 365`),
    check('tenant_alert_settings_margin_check', sql`rescore_margin BETWEEN 0 AND 100`),
  ],
);

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;

/** When a user last looked at the home page, and the e-mail digest they opted into. */
export const userDayPreferences = pgTable(
  'user_day_preferences',
  {
    user_id: integer()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    home_seen_at: timestamp({ withTimezone: true }),
    digest: varchar({ length: 10 }).notNull().default('off'),
    digest_sent_at: timestamp({ withTimezone: true }),
  },
  () => [statusCheck('user_day_preferences_digest_check', 'digest', DIGEST_FREQUENCIES)],
);

/** The score at which a recommended pair was last announced: announced again only when it rises by the margin. */
export const matchAnnouncements = pgTable(
  'match_announcements',
  {
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    job_posting_id: integer()
      .notNull()
      .references(() => jobPostings.id, { onDelete: 'cascade' }),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    announced_score: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    announced_at: createdAt().notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidate_id, t.job_posting_id] })],
);

export const INBOX_KINDS = [
  'match.recommended',
  'application.status_changed',
  'role_mapping.answered',
] as const;

/** A user's in-app notifications. */
export const inboxEntries = pgTable(
  'inbox_entries',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    user_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar({ length: 40 }).notNull(),
    title: varchar({ length: 500 }).notNull(),
    detail: text(),
    link: varchar({ length: 500 }),
    candidate_id: integer().references(() => candidates.id, { onDelete: 'cascade' }),
    job_posting_id: integer().references(() => jobPostings.id, { onDelete: 'cascade' }),
    application_event_id: integer().references(() => jobApplicationEvents.id, { onDelete: 'cascade' }),
    role_mapping_report_id: integer().references(() => roleMappingReports.id, { onDelete: 'cascade' }),
    score: numeric({ precision: 5, scale: 2, mode: 'number' }),
    created_at: createdAt().notNull(),
    read_at: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('idx_inbox_entries_user').on(t.user_id, t.created_at.desc()),
    index('idx_inbox_entries_unread').on(t.user_id).where(sql`read_at IS NULL`),
    uniqueIndex('idx_inbox_entries_event')
      .on(t.user_id, t.application_event_id)
      .where(sql`application_event_id IS NOT NULL`),
    uniqueIndex('idx_inbox_entries_report')
      .on(t.user_id, t.role_mapping_report_id)
      .where(sql`role_mapping_report_id IS NOT NULL`),
    statusCheck('inbox_entries_kind_check', 'kind', INBOX_KINDS),
  ],
);

export const WEBHOOK_EVENTS = [
  'match.recommended',
  'application.status_changed',
  'placement.created',
  'candidate.created',
] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;

/** An agency's registered webhook endpoint and the events it receives; the secret signs each delivery. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    url: varchar({ length: 2000 }).notNull(),
    description: varchar({ length: 200 }),
    events: varchar({ length: 40 }).array().notNull(),
    secret: varchar({ length: 100 }).notNull(),
    is_active: boolean().notNull().default(true),
    created_by: integer().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
    updated_at: createdAt().notNull(),
  },
  (t) => [
    index('idx_webhook_endpoints_tenant').on(t.tenant_id),
    check(
      'webhook_endpoints_events_check',
      sql.raw(
        `cardinality(events) > 0 AND events <@ ARRAY[${WEBHOOK_EVENTS.map((e) => `'${e}'`).join(', ')}]::varchar[]`,
      ),
    ),
  ],
);

/** One event for one endpoint (the outbox): its payload, state and the last attempt's outcome. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    endpoint_id: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event_type: varchar({ length: 40 }).notNull(),
    event_key: varchar({ length: 100 }).notNull(),
    payload: jsonb().notNull(),
    status: varchar({ length: 20 }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    last_status_code: integer(),
    last_error: text(),
    last_duration_ms: integer(),
    replay_of: integer().references((): AnyPgColumn => webhookDeliveries.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
    queued_at: timestamp({ withTimezone: true }),
    delivered_at: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('idx_webhook_deliveries_event').on(t.endpoint_id, t.event_key).where(sql`replay_of IS NULL`),
    index('idx_webhook_deliveries_endpoint').on(t.endpoint_id, t.created_at.desc()),
    index('idx_webhook_deliveries_undispatched').on(t.tenant_id).where(sql`queued_at IS NULL`),
    statusCheck('webhook_deliveries_status_check', 'status', WEBHOOK_DELIVERY_STATUSES),
  ],
);

/** Every attempt of a delivery: HTTP status, response time and error. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    delivery_id: integer()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempted_at: createdAt().notNull(),
    status_code: integer(),
    duration_ms: integer().notNull(),
    error: text(),
    response_excerpt: text(),
  },
  (t) => [index('idx_webhook_attempts_delivery').on(t.delivery_id, t.attempted_at)],
);

export const ROLE_LINK_REVIEW_STATUSES = ['open', 'confirmed', 'rejected'] as const;

/** Beyond the spec (migration 0010): low-confidence role links filed for an admin to confirm or correct. */
export const roleLinkReviews = pgTable(
  'role_link_reviews',
  {
    id: serial().primaryKey(),
    role_text: varchar({ length: 255 }).notNull(),
    global_role_id: integer()
      .notNull()
      .references(() => globalRoles.id, { onDelete: 'cascade' }),
    confidence: real().notNull(),
    reason: varchar({ length: 40 }).notNull(),
    status: varchar({ length: 20 }).notNull().default('open'),
    created_at: createdAt().notNull(),
  },
  (t) => [
    uniqueIndex('role_link_reviews_text_role_key').on(t.role_text, t.global_role_id),
    index('idx_role_link_reviews_status').on(t.status, t.created_at),
    statusCheck('role_link_reviews_status_check', 'status', ROLE_LINK_REVIEW_STATUSES),
  ],
);

/** Matching bookkeeping per candidate: the vector top-K radius of its last full rescore and a stale marker. */
export const candidateMatchState = pgTable(
  'candidate_match_state',
  {
    candidate_id: integer()
      .primaryKey()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    vector_radius: doublePrecision(),
    vector_only_jobs: integer(),
    stale_since: timestamp({ withTimezone: true }),
    refreshed_at: timestamp({ withTimezone: true }),
  },
  (t) => [index('candidate_match_state_stale_idx').on(t.stale_since).where(sql`stale_since IS NOT NULL`)],
);

/** Heartbeats of the processes running background tasks (`serve` with inline workers, `worker`). */
export const workerHeartbeats = pgTable(
  'worker_heartbeats',
  {
    worker_id: uuid().primaryKey(),
    host: varchar({ length: 255 }).notNull(),
    pid: integer().notNull(),
    kind: varchar({ length: 20 }).notNull(),
    started_at: createdAt().notNull(),
    last_seen_at: createdAt().notNull(),
    /** Tasks this worker has taken (migration 0018): a dead worker's are failed and retried. */
    active_tasks: uuid().array().notNull().default(sql`'{}'`),
  },
  (t) => [index('idx_worker_heartbeats_last_seen').on(t.last_seen_at)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** An uploaded resume file, kept with its candidate (deleted with it) or with its draft until saved. */
export const resumeFiles = pgTable(
  'resume_files',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    candidate_id: integer().references(() => candidates.id, { onDelete: 'cascade' }),
    file_name: varchar({ length: 255 }).notNull(),
    content_type: varchar({ length: 100 }).notNull(),
    byte_size: integer().notNull(),
    sha256: char({ length: 64 }).notNull(),
    content: bytea().notNull(),
    created_at: createdAt().notNull(),
  },
  (t) => [
    index('idx_resume_files_candidate').on(t.candidate_id),
    index('idx_resume_files_tenant').on(t.tenant_id, t.created_at),
    check('resume_files_byte_size_check', sql`${t.byte_size} >= 0`),
  ],
);

export const RESUME_DRAFT_STATUSES = ['pending_review', 'saved', 'discarded'] as const;

/** A candidate parsed from a resume, waiting for a recruiter's review. */
export const resumeDrafts = pgTable(
  'resume_drafts',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    resume_file_id: integer()
      .notNull()
      .references(() => resumeFiles.id, { onDelete: 'cascade' }),
    status: varchar({ length: 20 }).notNull().default('pending_review'),
    format: varchar({ length: 10 }).notNull(),
    extracted_text: text().notNull(),
    draft: jsonb().notNull(),
    candidate_id: integer().references(() => candidates.id, { onDelete: 'set null' }),
    created_by: integer().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
    updated_at: createdAt().notNull(),
  },
  (t) => [
    index('idx_resume_drafts_tenant_status').on(t.tenant_id, t.status, t.created_at),
    check('resume_drafts_status_check', sql`${t.status} IN ('pending_review', 'saved', 'discarded')`),
  ],
);

/** "Not a duplicate": a recruiter's decision that two candidates are different people (lower id first). */
export const candidateDuplicateDismissals = pgTable(
  'candidate_duplicate_dismissals',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    other_candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    decided_by: integer().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt().notNull(),
  },
  (t) => [
    uniqueIndex('idx_candidate_duplicate_dismissals_pair').on(t.candidate_id, t.other_candidate_id),
    check('candidate_duplicate_dismissals_check', sql`${t.candidate_id} < ${t.other_candidate_id}`),
  ],
);

/** A merge of one candidate into another, undoable for 30 days (the snapshot holds what undo restores). */
export const candidateMerges = pgTable(
  'candidate_merges',
  {
    id: serial().primaryKey(),
    tenant_id: integer()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kept_candidate_id: integer()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    merged_candidate_id: integer().notNull(),
    snapshot: jsonb().notNull(),
    merged_by: integer().references(() => users.id, { onDelete: 'set null' }),
    merged_at: createdAt().notNull(),
    undone_at: timestamp({ withTimezone: true }),
  },
  (t) => [index('idx_candidate_merges_kept').on(t.kept_candidate_id, t.merged_at)],
);
