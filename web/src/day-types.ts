/** Shapes of the recruiter's-day API: home page, inbox, placements, ownership (generated from /openapi.json). */
import type { components } from './api-types.generated';
import type { ApiAnswer } from './types';

type Schemas = components['schemas'];

export type CandidateListItem = Schemas['CandidateListItem'];

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

export type HomePage = Schemas['HomePage'];

export type InboxEntry = Schemas['InboxEntry'];

export const RATE_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;

export type Placement = Schemas['Placement'];

export type PlacementResult = ApiAnswer<'/api/applications/{id}/placement', 'post', 201>;
