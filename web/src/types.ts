/** Shapes of the public HTTP API: aliases of the types generated from /openapi.json (`npm run api-types`). */
import type { components, paths } from './api-types.generated';

type Schemas = components['schemas'];
type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
/** The JSON body an operation answers with the given status. */
export type ApiAnswer<
  Path extends keyof paths,
  Method extends HttpMethod,
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? JsonContent<Responses[Status]>
    : never
  : never;
/** The JSON body an operation takes. */
export type ApiBody<Path extends keyof paths, Method extends HttpMethod> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type UserRole = 'PM_ADMIN' | 'TENANT_ADMIN' | 'RECRUITER';

export type Account = Schemas['Account'];

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

export type Candidate = Schemas['Candidate'];

export type RoleMapping = Schemas['CandidateDetail']['role_mappings'][number];

export type CandidateDetail = Schemas['CandidateDetail'];

export const MATCH_STATUSES = ['suggested', 'viewed', 'shortlisted', 'rejected', 'applied'] as const;

export type JobSummary = Schemas['MatchSummary']['job'];

export type MatchSummary = Schemas['MatchSummary'];

export type MatchDetail = Schemas['MatchDetail'];

export type JobListItem = Schemas['JobListItem'];

export type JobDetail = Schemas['JobDetail'];

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

export type Application = Schemas['Application'];

export type Weights = Schemas['TenantSettings']['weights'];

export type TenantSettings = Schemas['TenantSettings'];

export type SettingsPreview = ApiAnswer<'/api/tenant/settings/preview', 'post'>;

export const ROLE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export type QueueRole = ApiAnswer<'/api/admin/queue', 'get'>['items'][number];

export type GlobalRole = Schemas['GlobalRole'];

export type RoleReport = Schemas['RoleMappingReport'];

export type ApiKeyScope = 'read' | 'write';

/** A scraper key, or an agency key (those carry their scope). */
export type ScraperKey = Schemas['ScraperApiKey'] & { scope?: ApiKeyScope | null };

export type ScrapeSession = Schemas['ScrapeSession'];

export type ScraperSummary = ApiAnswer<'/api/admin/scrape-sessions/summary', 'get'>['items'][number];

export type ImportBatch = Schemas['ImportBatch'];

export type RowError = Schemas['ImportRowError'];

export type Tenant = Schemas['Tenant'];
