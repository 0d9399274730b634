/**
 * Reads candidates, jobs and tenant settings in bulk (one query per set) and maps them to the scoring
 * engine's inputs. Vectors are read in pgvector's binary form (`vector_send`, a bytea: a Buffer from node-postgres,
 * a Uint8Array from PGlite) and parsed here, the same on both engines.
 *
 * Candidate fields the schema stores as free text are parsed with the same parsers as job postings:
 * `expected_salary` with parseSalary, `location` and `preferred_locations` with parseLocation.
 *
 * `open_to_remote` (not a column): true when the candidate's location or a preferred location says remote,
 * or when the candidate states no preferred locations at all (unknown counts as open: most IT candidates
 * take remote work, and penalizing a silent profile would hide remote roles from it). A candidate who lists
 * preferred places and none of them remote is taken at their word: not open to remote.
 */

import type { DbContext } from '../db/database.js';
import type { MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import { parseLocation } from '../domain/location.js';
import { parseSalary } from '../domain/salary.js';
import type {
  CandidateFeatures,
  JobFeatures,
  ScoringSettings,
  WorkArrangement,
} from '../domain/scoring/index.js';
import { DEFAULT_SETTINGS } from '../domain/scoring/index.js';
import { normalizeSkillInput } from '../domain/skill-input.js';
import type { SkillMatcher } from '../domain/skills.js';
import { fromPgVectorBinary } from '../embeddings/vector-math.js';
import { locate } from '../geo/gazetteer.js';
import {
  activeJobRows,
  matchableCandidateRows,
  matchableCandidateRowsOfRoles,
  tenantRetentionRows,
  tenantSettingsRows,
} from './matching-queries.js';

export { MATCHABLE_CANDIDATE_STATUSES } from './matching-queries.js';

export interface LoadedCandidate {
  tenantId: number;
  features: CandidateFeatures;
}

export interface CandidateRow {
  id: number;
  tenant_id: number;
  skills: string[] | null;
  total_experience_years: number | null;
  expected_salary: string | null;
  location: string | null;
  preferred_locations: string[] | null;
  current_title?: string | null;
  preferred_roles?: string[] | null;
  work_modes?: string[] | null;
  employment_types?: string[] | null;
  expected_hourly_rate?: string | null;
  open_to_relocation?: boolean | null;
  commute_radius_km?: number | null;
  /** `vector_send(embedding)`: pgvector's binary form. */
  embedding: Uint8Array | null;
  embedding_model: string | null;
}

export interface JobRow {
  id: number;
  title: string;
  skills: string[] | null;
  experience_min: number | null;
  experience_max: number | null;
  is_remote: boolean | null;
  work_arrangement: string | null;
  location_city: string | null;
  location_region: string | null;
  location_country: string | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  salary_currency: string | null;
  salary_range: string | null;
  salary_period?: string | null;
  salary_min?: number | null;
  salary_max?: number | null;
  contract_type?: string | null;
  employment_type?: string | null;
  /** `vector_send(embedding)`: pgvector's binary form. */
  embedding: Uint8Array | null;
  embedding_model: string | null;
}

const WORK_ARRANGEMENTS: ReadonlySet<string> = new Set(['remote', 'hybrid', 'onsite']);

function vectorOf(
  bytes: Uint8Array | null,
  model: string | null,
): Pick<CandidateFeatures, 'embedding' | 'embedding_model'> {
  const embedding = bytes === null ? null : fromPgVectorBinary(bytes);
  return embedding === null
    ? { embedding: null, embedding_model: null }
    : { embedding, embedding_model: model };
}

export function candidateFeaturesFromRow(row: CandidateRow, skills?: SkillMatcher): CandidateFeatures {
  const declared = row.skills ?? [];
  const residence = parseLocation(row.location);
  const preferred = (row.preferred_locations ?? [])
    .map((text) => parseLocation(text))
    .filter((p) => p.raw !== null);
  const salary = parseSalary(row.expected_salary);
  const hasSalary = salary.salary_min_annual !== null || salary.salary_max_annual !== null;
  const hourly = parseSalary(row.expected_hourly_rate ?? null);
  const hasHourly = hourly.salary_min !== null || hourly.salary_max !== null;
  const workModes = (row.work_modes ?? []).filter((mode) => WORK_ARRANGEMENTS.has(mode)) as WorkArrangement[];
  if (workModes.length === 0 && (residence.is_remote || preferred.some((p) => p.is_remote)))
    workModes.push('remote');
  return {
    id: row.id,
    current_title: row.current_title ?? null,
    preferred_roles: row.preferred_roles ?? [],
    work_modes: workModes,
    employment_types: row.employment_types ?? [],
    open_to_relocation: row.open_to_relocation ?? false,
    commute_radius_km: row.commute_radius_km ?? null,
    expected_hourly_rate: hasHourly
      ? { min: hourly.salary_min, max: hourly.salary_max, currency: hourly.salary_currency }
      : null,
    // Rows stored before skills were normalized on input may still hold pasted text.
    skills: skills ? normalizeSkillInput(skills, declared) : declared,
    total_experience_years: row.total_experience_years,
    location:
      residence.city || residence.region || residence.country
        ? {
            city: residence.city,
            region: residence.region,
            country: residence.country,
            point: locate(residence),
          }
        : null,
    preferred_locations: preferred.map((p) => ({
      city: p.city,
      region: p.region,
      country: p.country,
      point: locate(p),
      is_remote: p.is_remote,
    })),
    open_to_remote: residence.is_remote || preferred.length === 0 || preferred.some((p) => p.is_remote),
    expected_salary: hasSalary
      ? {
          min_annual: salary.salary_min_annual,
          max_annual: salary.salary_max_annual,
          currency: salary.salary_currency,
          raw: row.expected_salary,
        }
      : null,
    ...vectorOf(row.embedding, row.embedding_model),
  };
}

export function jobFeaturesFromRow(row: JobRow): JobFeatures {
  return {
    id: row.id,
    title: row.title,
    skills: row.skills ?? [],
    experience_min: row.experience_min,
    experience_max: row.experience_max,
    is_remote: row.is_remote ?? false,
    work_arrangement:
      row.work_arrangement !== null && WORK_ARRANGEMENTS.has(row.work_arrangement)
        ? (row.work_arrangement as WorkArrangement)
        : null,
    location_city: row.location_city,
    location_region: row.location_region,
    location_country: row.location_country,
    location_point: locate({
      city: row.location_city,
      region: row.location_region,
      country: row.location_country,
    }),
    salary_min_annual: row.salary_min_annual,
    salary_max_annual: row.salary_max_annual,
    salary_currency: row.salary_currency,
    salary_range: row.salary_range,
    salary_period: row.salary_period ?? null,
    salary_min: row.salary_min === null || row.salary_min === undefined ? null : Number(row.salary_min),
    salary_max: row.salary_max === null || row.salary_max === undefined ? null : Number(row.salary_max),
    contract_type: row.contract_type ?? null,
    employment_type: row.employment_type ?? null,
    ...vectorOf(row.embedding, row.embedding_model),
  };
}

function toCandidates(rows: CandidateRow[], skills?: SkillMatcher): LoadedCandidate[] {
  return rows.map((row) => ({ tenantId: row.tenant_id, features: candidateFeaturesFromRow(row, skills) }));
}

/** Matchable candidates linked to any of these roles, across all tenants. */
export async function loadCandidatesForRoles(
  ctx: DbContext,
  roleIds: readonly number[],
  skills?: SkillMatcher,
): Promise<LoadedCandidate[]> {
  if (roleIds.length === 0) return [];
  return toCandidates(await matchableCandidateRowsOfRoles(ctx, roleIds), skills);
}

/** These candidates (any tenant) when matchable; the others are left out. */
export async function loadCandidatesByIds(
  ctx: DbContext,
  candidateIds: readonly number[],
  skills?: SkillMatcher,
): Promise<LoadedCandidate[]> {
  if (candidateIds.length === 0) return [];
  return toCandidates(await matchableCandidateRows(ctx, candidateIds), skills);
}

/** Active jobs among these ids, in id order. */
export async function loadActiveJobs(ctx: DbContext, jobIds: readonly number[]): Promise<JobFeatures[]> {
  if (jobIds.length === 0) return [];
  return (await activeJobRows(ctx, jobIds)).map(jobFeaturesFromRow);
}

export interface TenantSettingsRow {
  tenant_id: number;
  weight_skill: number;
  weight_experience: number;
  weight_location: number;
  weight_salary: number;
  weight_semantic: number;
  recommend_threshold: number;
}

export function settingsFromRow(row: TenantSettingsRow | undefined): ScoringSettings {
  if (!row) return DEFAULT_SETTINGS;
  return {
    weights: {
      skill: Number(row.weight_skill),
      experience: Number(row.weight_experience),
      location: Number(row.weight_location),
      salary: Number(row.weight_salary),
      semantic: Number(row.weight_semantic),
    },
    recommendThreshold: Number(row.recommend_threshold),
  };
}

/** Each tenant's scoring settings; tenants without a settings row get DEFAULT_SETTINGS. */
export async function loadTenantSettings(
  ctx: DbContext,
  tenantIds: readonly number[],
): Promise<Map<number, ScoringSettings>> {
  const settings = new Map<number, ScoringSettings>();
  if (tenantIds.length === 0) return settings;
  const rows = await tenantSettingsRows(ctx, tenantIds);
  const byTenant = new Map(rows.map((row) => [row.tenant_id, row]));
  for (const tenantId of tenantIds) settings.set(tenantId, settingsFromRow(byTenant.get(tenantId)));
  return settings;
}

/** Each tenant's list size and floor (tenant_settings), falling back to `defaults` where unset. */
export async function loadTenantRetention(
  ctx: DbContext,
  tenantIds: readonly number[],
  defaults: MatchRetention,
): Promise<Map<number, MatchRetention>> {
  const retention = new Map<number, MatchRetention>();
  if (tenantIds.length === 0) return retention;
  const rows = await tenantRetentionRows(ctx, tenantIds);
  const byTenant = new Map(rows.map((row) => [row.tenant_id, row]));
  for (const tenantId of tenantIds) {
    const row = byTenant.get(tenantId);
    retention.set(tenantId, {
      bestN: row?.match_list_size ?? defaults.bestN,
      floor:
        row?.match_floor === null || row?.match_floor === undefined
          ? defaults.floor
          : Number(row.match_floor),
    });
  }
  return retention;
}
