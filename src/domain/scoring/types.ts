/** Inputs and outputs of candidate-job scoring. Skills are canonical names; salaries are annual amounts. */

export type WorkArrangement = 'remote' | 'hybrid' | 'onsite';

export interface Place {
  city: string | null;
  region: string | null;
  /** ISO 3166 alpha-2 preferred; a country name is accepted. */
  country: string | null;
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
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  /** ISO 4217. */
  salary_currency: string | null;
  embedding: Float32Array | null;
  embedding_model: string | null;
  /** The posting's own salary text; reasons show the annual figures so both sides read in one unit. */
  salary_range?: string | null;
}

export interface ExpectedSalary {
  min_annual: number | null;
  max_annual: number | null;
  currency: string | null;
  raw: string | null;
}

export interface CandidateFeatures {
  id: number;
  /** Canonical skill names. */
  skills: string[];
  total_experience_years: number | null;
  location: Place | null;
  preferred_locations: PreferredPlace[];
  open_to_remote: boolean;
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

export interface MatchScore {
  /** 0-100, 2 decimals: the weighted sum of the five component scores below. */
  match_score: number;
  skill_match_score: number;
  experience_match_score: number;
  location_match_score: number;
  salary_match_score: number;
  /** Calibrated embedding similarity, 0-100 (not raw cosine). */
  semantic_similarity: number;
  /** Job skills the candidate has, in job order, as the job spells them. */
  matched_skills: string[];
  /** Job skills the candidate lacks, in job order. */
  missing_skills: string[];
  match_reasons: string[];
  is_recommended: boolean;
  improvements: Improvement[];
  scoring_version: string;
}
