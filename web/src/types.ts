/** Shapes of the public HTTP API (see /openapi.json). */
export type UserRole = 'PM_ADMIN' | 'TENANT_ADMIN' | 'RECRUITER';

export interface Account {
  id: number;
  email: string;
  name: string | null;
  role: UserRole;
  is_active: boolean;
  tenant: { id: number; name: string } | null;
  last_login_at: string | null;
  created_at: string;
}

export interface Session {
  user: Account;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit?: number;
  offset?: number;
}

export const CANDIDATE_STATUSES = [
  'pending_review',
  'approved',
  'rejected',
  'ready_for_assignment',
  'placed',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export interface Candidate {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  current_title: string | null;
  skills: string[] | null;
  total_experience_years: number | null;
  professional_summary: string | null;
  expected_salary: string | null;
  location: string | null;
  preferred_locations: string[] | null;
  preferred_roles: string[] | null;
  work_modes: string[] | null;
  employment_types: string[] | null;
  expected_hourly_rate: string | null;
  open_to_relocation: boolean;
  commute_radius_km?: number | null;
  status: string | null;
  created_at: string | null;
  updated_at: string | null;
  owner_user_id?: number | null;
}

export interface RoleMapping {
  input_text: string | null;
  global_role_id: number;
  role_name: string;
  match_method: string | null;
  confidence: number | null;
}

export interface CandidateDetail extends Candidate {
  status_history: {
    from_status: string | null;
    to_status: string;
    changed_by: { id: number; email: string; name: string | null } | null;
    changed_at: string;
  }[];
  role_mappings: RoleMapping[];
}

export const MATCH_STATUSES = ['suggested', 'viewed', 'shortlisted', 'rejected', 'applied'] as const;

export interface JobSummary {
  id: number;
  title: string;
  company: string | null;
  location: string | null;
  is_remote: boolean;
  salary_range: string | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  salary_currency: string | null;
  status: string | null;
}

export interface MatchSummary {
  id: number;
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  is_recommended: boolean;
  status: string;
  matched_skills: string[];
  missing_skills: string[];
  matched_at: string | null;
  viewed_at: string | null;
  job: JobSummary;
  candidate: { id: number; first_name: string; last_name: string; current_title: string | null };
}

export interface MatchDetail extends MatchSummary {
  skill_match_score: number | null;
  experience_match_score: number | null;
  location_match_score: number | null;
  salary_match_score: number | null;
  semantic_similarity: number | null;
  match_reasons: string[];
  improvements: unknown;
  scoring_version: string | null;
  updated_at: string | null;
}

export interface JobListItem extends JobSummary {
  work_arrangement: string | null;
  employment_type: string | null;
  skills: string[];
  platform: string;
  posted_date: string | null;
  imported_at: string;
  role_name: string | null;
}

export interface JobDetail extends JobListItem {
  external_job_id: string | null;
  description: string | null;
  requirements: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_period: string | null;
  salary_min_exact: number | null;
  salary_max_exact: number | null;
  salary_source: 'columns' | 'salary_text' | 'description' | null;
  contract_type: string | null;
  experience_required: string | null;
  experience_min: number | null;
  experience_max: number | null;
  keywords: string[];
  job_url: string | null;
  location_city: string | null;
  location_region: string | null;
  location_country: string | null;
  normalized_role_id: number | null;
  updated_at: string;
}

export const APPLICATION_STAGES = [
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export interface Application {
  id: number;
  candidate_id: number;
  candidate_name: string;
  job_posting_id: number;
  job_title: string;
  company: string | null;
  match_id: number | null;
  application_status: ApplicationStage;
  applied_via: string | null;
  cover_letter: string | null;
  notes: string | null;
  applied_at: string;
  status_updated_at: string | null;
  updated_at: string;
  review_reason?: string | null;
}

export interface Weights {
  skill: number;
  experience: number;
  location: number;
  salary: number;
  semantic: number;
}

export interface TenantSettings {
  weights: Weights;
  recommend_threshold: number;
  customized: boolean;
  updated_at: string | null;
}

export interface SettingsPreview {
  sampled: number;
  recommended_before: number;
  recommended_after: number;
  mean_change: number;
  matches: {
    match_id: number;
    candidate_id: number;
    job_posting_id: number;
    before: { match_score: number; is_recommended: boolean };
    after: { match_score: number; is_recommended: boolean };
  }[];
}

export const ROLE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export interface QueueRole {
  id: number;
  name: string;
  category: string | null;
  queue_status: string;
  priority: string;
  candidate_count: number;
  total_jobs_scraped: number;
  last_scraped_at: string | null;
}

export interface GlobalRole extends QueueRole {
  aliases: string[];
  has_embedding: boolean;
}

export interface RoleReport {
  id: number;
  candidate_id: number | null;
  input_text: string;
  global_role_id: number | null;
  global_role_name: string | null;
  suggested_role_name: string | null;
  note: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  created_at: string;
}

export type ApiKeyScope = 'read' | 'write';

export interface ScraperKey {
  id: number;
  name: string;
  /** Agency keys only. */
  scope?: ApiKeyScope | null;
  is_active: boolean;
  created_at: string | null;
  last_used_at: string | null;
  total_requests: number;
  revoked_at: string | null;
}

export interface ScrapeSession {
  id: number;
  session_id: string;
  scraper_key_id: number;
  scraper_name: string | null;
  role_name: string | null;
  status: string;
  started_at: string;
  completed_at: string | null;
  duration_seconds: number | null;
  jobs_found: number | null;
  jobs_imported: number | null;
  error_message: string | null;
}

export interface ScraperSummary {
  scraper_key_id: number;
  scraper_name: string | null;
  sessions: number;
  completed: number;
  failed: number;
  timed_out: number;
  in_progress: number;
  jobs_found: number;
  jobs_imported: number;
  jobs_per_session: number | null;
  failure_rate: number | null;
  timeout_rate: number | null;
  median_duration_seconds: number | null;
}

export interface ImportBatch {
  id: number;
  batch_id: string;
  platform: string;
  file_name: string | null;
  format: string | null;
  import_status: string;
  total_jobs: number;
  new_jobs: number;
  updated_jobs: number;
  unchanged_jobs: number;
  failed_jobs: number;
  error_message: string | null;
  started_at: string;
  completed_at: string | null;
}

export interface RowError {
  row_number: number;
  field: string | null;
  reason: string;
}

export interface Tenant {
  id: number;
  name: string;
  slug: string;
  is_active: boolean;
  created_at: string;
  updated_at: string;
}
