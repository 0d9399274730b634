/** Inputs and outputs of candidate-job scoring. Skills are canonical names; salaries are annual amounts. */

import type { GeoPoint } from './distance.js';

export type WorkArrangement = 'remote' | 'hybrid' | 'onsite';

export interface Place {
  city: string | null;
  region: string | null;
  /** ISO 3166 alpha-2 preferred; a country name is accepted. */
  country: string | null;
  /** Coordinates of the city (from the gazetteer), when known: places are then compared by distance. */
  point?: GeoPoint | null;
}

export interface PreferredPlace extends Place {
  is_remote: boolean;
}

export interface JobFeatures {
  id: number;
  title: string;
  /** Canonical skill names, in the posting's order. */
  skills: string[];
  /** The skills the posting marks as required, when known; they count double. */
  requiredSkills?: string[];
  experience_min: number | null;
  experience_max: number | null;
  is_remote: boolean;
  work_arrangement: WorkArrangement | null;
  location_city: string | null;
  location_region: string | null;
  location_country: string | null;
  /** Coordinates of the job's city, when the gazetteer knows it. */
  location_point?: GeoPoint | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  /** ISO 4217. */
  salary_currency: string | null;
  embedding: Float32Array | null;
  embedding_model: string | null;
  /** The posting's own salary text; reasons show the annual figures so both sides read in one unit. */
  salary_range?: string | null;
  /** As the source states it ("Full-Time", "Contract", "C2C"); read with contract_type for the terms. */
  employment_type?: string | null;
  /** Parsed from the salary text: C2C, W2, 1099. */
  contract_type?: string | null;
  /** The period the posting pays by (hour, day, month, year); hourly pay is compared with hourly rates. */
  salary_period?: string | null;
  /** The posting's own figures in its period (salary_min_annual and _max are annualised). */
  salary_min?: number | null;
  salary_max?: number | null;
}

export interface ExpectedSalary {
  min_annual: number | null;
  max_annual: number | null;
  currency: string | null;
  raw: string | null;
}

export interface CandidateFeatures {
  id: number;
  /** Read for the candidate's level ("Senior Data Engineer"). */
  current_title?: string | null;
  /** The roles the candidate asked for; their levels count like the title's. */
  preferred_roles?: string[];
  /** Canonical skill names. */
  skills: string[];
  total_experience_years: number | null;
  location: Place | null;
  preferred_locations: PreferredPlace[];
  open_to_remote: boolean;
  /** Work arrangements the candidate stated they take; empty or absent = not stated. */
  work_modes?: WorkArrangement[];
  /** How far the candidate would commute, km; absent or null = DEFAULT_COMMUTE_KM. */
  commute_radius_km?: number | null;
  /** Would move for an on-site job elsewhere. */
  open_to_relocation?: boolean;
  /** permanent, contract, c2c, w2, 1099; empty or absent = not stated. */
  employment_types?: string[];
  /** Hourly rate expectation, in the currency stated. */
  expected_hourly_rate?: { min: number | null; max: number | null; currency: string | null } | null;
  expected_salary: ExpectedSalary | null;
  embedding: Float32Array | null;
  embedding_model: string | null;
}

export interface ScoringWeights {
  skill: number;
  experience: number;
  location: number;
  salary: number;
  semantic: number;
}

/** Maps raw cosine to 0-100: `low` → 0, `high` → 100, linear between, clamped. */
export interface SemanticCalibration {
  low: number;
  high: number;
}

export interface ScoringSettings {
  /** Each in 0..1, summing to 1. */
  weights: ScoringWeights;
  /** A pair is recommended when its match_score is at least this (0-100). */
  recommendThreshold: number;
  /** Calibration per embedding model id; models not listed use DEFAULT_CALIBRATION. */
  semanticCalibrations?: Readonly<Record<string, SemanticCalibration>>;
}

export interface Improvement {
  /** What would change, e.g. "adding Kubernetes". */
  action: string;
  /** The match_score after the change. */
  newScore: number;
}

/** Positive evidence that the candidate fits the posting at all; null = none (never stored or recommended). */
export type FitEvidence = 'skills' | 'semantic' | null;

export interface MatchScore {
  /** 0-100, 2 decimals: the evidence-weighted mean of the component scores below (see combineComponents). */
  match_score: number;
  /** Each 0-100, or null when the component had no evidence (and so no weight). */
  skill_match_score: number | null;
  experience_match_score: number | null;
  location_match_score: number | null;
  salary_match_score: number | null;
  /** Calibrated embedding similarity, 0-100 (not raw cosine). */
  semantic_similarity: number | null;
  /** Share of the weight backed by evidence, 0-1. */
  confidence: number;
  /** Components with evidence, of SIGNAL_COUNT. */
  signals: number;
  fit_evidence: FitEvidence;
  /** Worth storing and showing: positive evidence of fit. */
  is_storable: boolean;
  /** Job skills the candidate has, in job order, as the job spells them. */
  matched_skills: string[];
  /** Job skills the candidate lacks, in job order. */
  missing_skills: string[];
  match_reasons: string[];
  is_recommended: boolean;
  improvements: Improvement[];
  scoring_version: string;
}
