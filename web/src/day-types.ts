/** Shapes of the recruiter's-day API: home page, inbox, placements, ownership (see /openapi.json). */
import type { Candidate } from './types';

export interface CandidateListItem extends Candidate {
  owner_user_id: number | null;
  owner: { id: number; email: string; name: string | null } | null;
  new_matches: number;
  total_matches: number;
  best_score: number | null;
  roles: string[];
}

export const FUNNEL_STAGES = [
  'matched',
  'shortlisted',
  'applied',
  'interviewing',
  'offer',
  'placed',
] as const;
export type Funnel = Record<(typeof FUNNEL_STAGES)[number], number>;
export interface DayCount {
  day: string;
  count: number;
}

export interface HomePage {
  scope: 'mine' | 'agency';
  since: string;
  stage_limit_days: number;
  new_matches: {
    candidate_id: number;
    candidate_name: string;
    new_count: number;
    best_score: number;
    newest_at: string;
    matches: {
      match_id: number;
      job_posting_id: number;
      job_title: string;
      company: string | null;
      match_score: number;
      reason: string | null;
      matched_at: string;
    }[];
  }[];
  quiet_candidates: { candidate_id: number; candidate_name: string; last_matched_at: string | null }[];
  waiting_applications: {
    application_id: number;
    candidate_id: number;
    candidate_name: string;
    job_title: string;
    application_status: string;
    days_waiting: number;
  }[];
  funnel: Funnel;
  matches_per_day: DayCount[];
  per_recruiter: { user_id: number; name: string; funnel: Funnel; matches_per_day: DayCount[] }[] | null;
}

export interface InboxEntry {
  id: number;
  kind: 'match.recommended' | 'application.status_changed' | 'role_mapping.answered';
  title: string;
  detail: string | null;
  link: string | null;
  candidate_id: number | null;
  job_posting_id: number | null;
  score: number | null;
  created_at: string;
  read_at: string | null;
}

export const RATE_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;

export interface Placement {
  id: number;
  application_id: number;
  candidate_id: number;
  candidate_name: string;
  job_posting_id: number;
  job_title: string;
  company: string | null;
  start_date: string;
  currency: string;
  rate_period: (typeof RATE_PERIODS)[number];
  pay_rate: number;
  bill_rate: number | null;
  fee: number | null;
  margin: number;
  margin_percent: number | null;
  created_at: string;
}

export interface PlacementResult {
  placement: Placement;
  job_closed: boolean;
  applications_for_review: number;
}
