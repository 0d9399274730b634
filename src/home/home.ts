/**
 * The recruiter's home page: what is new since they last looked, who needs attention, and how the pipeline
 * runs. "Mine" is the candidates the user owns; agency admins may ask for the whole agency and also get the
 * funnel and the matches per day for every recruiter.
 */
import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { loadAlertSettings } from '../inbox/alert-settings.js';
import { withHeadlineReasons } from '../matching/explain-matches.js';
import {
  freshRecommendedMatches,
  funnelsByOwner,
  lastSeen,
  matchesPerDayByOwner,
  quietCandidates,
  recordHomeSeen,
  recruitersOf,
  waitingApplications,
} from './home-queries.js';

export type HomeScope = 'mine' | 'agency';

export interface Viewer {
  tenantId: number;
  userId: number;
  isAdmin: boolean;
}

export interface NewMatchGroup {
  candidate_id: number;
  candidate_name: string;
  /** All new recommended matches of the candidate; `matches` holds the best few. */
  new_count: number;
  best_score: number;
  newest_at: Date;
  matches: {
    match_id: number;
    job_posting_id: number;
    job_title: string;
    company: string | null;
    match_score: number;
    reason: string | null;
    matched_at: Date;
  }[];
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
  scope: HomeScope;
  since: Date;
  stage_limit_days: number;
  new_matches: NewMatchGroup[];
  quiet_candidates: { candidate_id: number; candidate_name: string; last_matched_at: Date | null }[];
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

const QUIET_DAYS = 7;
const GROUPS = 20;
const PER_GROUP = 5;

function sumFunnels(funnels: Funnel[]): Funnel {
  const total = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Funnel;
  for (const funnel of funnels) for (const stage of FUNNEL_STAGES) total[stage] += funnel[stage];
  return total;
}

/** Counts per day over every day of `all` (days of `rows` missing from it count 0). */
function sumDays(all: { day: string }[], rows: { day: string; count: number }[]): DayCount[] {
  const byDay = new Map(all.map((row) => [row.day, 0]));
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count);
  return [...byDay].map(([day, count]) => ({ day, count }));
}

export function homePage(database: Database, viewer: Viewer, scope: HomeScope): Promise<HomePage> {
  return withTenant(database, viewer.tenantId, async (tx) => {
    const owner = scope === 'mine' ? viewer.userId : null;
    const since = (await lastSeen(tx, viewer.userId)) ?? new Date(Date.now() - QUIET_DAYS * 86_400_000);
    const settings = await loadAlertSettings(tx, viewer.tenantId);
    const fresh = await withHeadlineReasons(
      tx,
      await freshRecommendedMatches(tx, viewer.tenantId, owner, since, {
        groups: GROUPS,
        perGroup: PER_GROUP,
      }),
    );
    const groups = new Map<number, NewMatchGroup>();
    for (const { candidate_id, candidate_name, new_count, ...match } of fresh) {
      const group = groups.get(candidate_id) ?? {
        candidate_id,
        candidate_name,
        new_count,
        best_score: match.match_score,
        newest_at: match.matched_at,
        matches: [],
      };
      if (match.matched_at > group.newest_at) group.newest_at = match.matched_at;
      group.matches.push(match);
      groups.set(candidate_id, group);
    }
    const quiet = await quietCandidates(tx, viewer.tenantId, owner, QUIET_DAYS);
    const waiting = await waitingApplications(tx, viewer.tenantId, owner, settings.stage_limit_days);
    const funnels = await funnelsByOwner(tx, viewer.tenantId, owner);
    const days = await matchesPerDayByOwner(tx, viewer.tenantId, owner);
    let perRecruiter: HomePage['per_recruiter'] = null;
    if (viewer.isAdmin) {
      const everyone =
        scope === 'agency'
          ? { funnels, days }
          : {
              funnels: await funnelsByOwner(tx, viewer.tenantId, null),
              days: await matchesPerDayByOwner(tx, viewer.tenantId, null),
            };
      const users = await recruitersOf(tx, viewer.tenantId);
      perRecruiter = users.map((user) => ({
        user_id: user.id,
        name: user.name,
        funnel: sumFunnels(everyone.funnels.filter((row) => row.owner_user_id === user.id)),
        matches_per_day: sumDays(
          days,
          everyone.days.filter((row) => row.owner_user_id === user.id),
        ),
      }));
    }
    return {
      scope,
      since,
      stage_limit_days: settings.stage_limit_days,
      new_matches: [...groups.values()],
      quiet_candidates: quiet,
      waiting_applications: waiting,
      funnel: sumFunnels(funnels),
      matches_per_day: sumDays(days, days),
      per_recruiter: perRecruiter,
    };
  });
}

/** The user has looked: new matches count from now. */
export function markHomeSeen(database: Database, viewer: Viewer): Promise<Date> {
  return withTenant(database, viewer.tenantId, (tx) => recordHomeSeen(tx, viewer));
}
