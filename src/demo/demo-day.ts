/**
 * The demo agency's day: candidate owners, applications in every pipeline stage (some moved by the admin,
 * some waiting too long), a few placements, matches spread over the last two weeks, and the inbox brought up
 * to date, so the home page, inbox and pipeline show something real on first sign-in.
 */
import { changeApplicationStatus, createApplication } from '../applications/applications.js';
import { reopenApplicationWithReason } from '../applications/pipeline-moves.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import { refreshTenantInbox } from '../inbox/refresh-inbox.js';
import { recordPlacement } from '../placements/placements.js';
import {
  ageEarlyApplications,
  assignDemoOwners,
  bestMatchPerCandidateAndJob,
  demoDayCounts,
  markLongTailAnnouncementsRead,
  spreadMatchDates,
} from './demo-queries.js';

/** Where each demo application ends up; the list repeats over the candidates with matches. */
const DEMO_PATHS: ApplicationStatus[][] = [
  [],
  ['screening'],
  ['screening', 'interviewing'],
  ['screening', 'interviewing', 'offer'],
  ['screening', 'interviewing', 'offer', 'accepted'],
  ['screening', 'rejected'],
  ['withdrawn'],
  ['screening', 'interviewing'],
  [],
  ['screening', 'interviewing', 'offer', 'accepted'],
  ['screening', 'interviewing', 'rejected'],
  ['screening', 'interviewing', 'offer'],
];

export async function loadDemoDay(
  database: Database,
  tenantId: number,
  users: { recruiterId: number; adminId: number },
): Promise<{ applications: number; placements: number; inbox: number }> {
  const recruiter = { tenantId, userId: users.recruiterId };
  const admin = { tenantId, userId: users.adminId };
  const picks = await withTenant(database, tenantId, async (tx) => {
    // Two of three candidates belong to the recruiter, the rest to the admin.
    await assignDemoOwners(tx, tenantId, users);
    // Matches spread over the last two weeks, so the charts and "no match in 7 days" have something to show.
    await spreadMatchDates(tx, tenantId);
    // Each candidate's best match, one per job (a placement closes its job for the agency).
    return bestMatchPerCandidateAndJob(tx, tenantId);
  });
  let placements = 0;
  for (const [index, matchId] of picks.slice(0, DEMO_PATHS.length).entries()) {
    const application = await createApplication(database, recruiter, { match_id: matchId });
    let from: ApplicationStatus = 'applied';
    for (const [step, to] of DEMO_PATHS[index]!.entries()) {
      const actor = step === 1 && index % 2 === 0 ? admin : recruiter;
      if (to === 'accepted') {
        await recordPlacement(database, actor, application.id, {
          start_date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          currency: 'USD',
          ...(placements % 2 === 0
            ? { rate_period: 'hour', pay_rate: 62, bill_rate: 85 }
            : { rate_period: 'year', pay_rate: 120_000, fee: 24_000 }),
          close_job: true,
        });
        placements += 1;
      } else {
        await changeApplicationStatus(database, actor, application.id, { status: to });
      }
      from = to;
    }
    if (index === 10 && from === 'rejected')
      await reopenApplicationWithReason(database, recruiter, application.id, 'The client reopened the role');
  }
  return withTenant(database, tenantId, async (tx) => {
    // A few applications have waited in their stage longer than the default limit of 7 days.
    await ageEarlyApplications(tx, tenantId);
    await refreshTenantInbox(tx, tenantId);
    // A first day shows a readable inbox: each user's 20 best match announcements and the pipeline news
    // unread, the long tail of first announcements already read.
    await markLongTailAnnouncementsRead(tx, tenantId);
    return { ...(await demoDayCounts(tx, tenantId)), placements };
  });
}
