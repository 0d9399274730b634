import { createTenantWithAdmin } from '../accounts/tenants.js';
import { createPlatformAdmin, createTenantUser } from '../accounts/users.js';
import type { Database } from '../db/database.js';
import { inOneTransaction } from '../db/one-transaction.js';
import { candidateRepository } from '../db/repositories/candidate.repository.js';
import { jobPostingRepository } from '../db/repositories/job-posting.repository.js';
import { roleJobMappingRepository } from '../db/repositories/role-job-mapping.repository.js';
import { tenantRepository } from '../db/repositories/tenant.repository.js';
import type { SkillMatcher } from '../domain/skills.js';
import { embedMissing } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { validateJobInputs } from '../ingestion/job-input.js';
import { matchImportedJobs } from '../matching/match-imported-jobs.js';
import { normalizeRole } from '../roles/normalize-role.js';
import { loadRoleSeed, seedRoles } from '../roles/seed-roles.js';
import { setCandidateRoles } from '../roles/set-candidate-roles.js';
import { demoCandidates, demoJobs } from './demo-data.js';
import { loadDemoDay } from './demo-day.js';
import { lockDemoLoad, markMappedRolesScraped } from './demo-queries.js';

export const DEMO_TENANT_SLUG = 'demo-staffing';

/** Demo sign-ins, printed at start and in the README: the demo runs on a local embedded database only. */
export const DEMO_ACCOUNTS = [
  { role: 'RECRUITER', email: 'recruiter@demo.jobmatch.local', password: 'demo-recruiter-pass' },
  { role: 'TENANT_ADMIN', email: 'admin@demo.jobmatch.local', password: 'demo-agency-admin-pass' },
  { role: 'PM_ADMIN', email: 'platform@demo.jobmatch.local', password: 'demo-platform-admin-pass' },
] as const;

export interface DemoDependencies {
  database: Database;
  embeddings: EmbeddingProvider;
  skills: SkillMatcher;
  retention: { floor: number; bestN: number };
  vectorTopK: number;
  roleThreshold?: number;
  /** The date the generated postings are relative to (YYYY-MM-DD). */
  today: string;
}

export interface DemoSummary {
  loaded: boolean;
  candidates: number;
  jobs: number;
  matches: number;
}

export async function demoLoaded(database: Database): Promise<boolean> {
  return (await tenantRepository(database).findBySlug(DEMO_TENANT_SLUG)) !== undefined;
}

/**
 * Loads the demo agency: roles, three sign-ins, a few dozen candidates with preferred roles, a few thousand
 * generated postings linked to their roles, embeddings, and the matches computed. All in one transaction: a
 * failure part way leaves nothing of it behind. Runs once; a second call (or one waiting for a concurrent
 * first) finds the agency and does nothing.
 */
export function loadDemo(
  deps: DemoDependencies,
  sizes = { candidates: 40, jobs: 2400 },
): Promise<DemoSummary> {
  return inOneTransaction(deps.database, async (database) => {
    await lockDemoLoad(database.sql);
    if (await demoLoaded(database)) return { loaded: false, candidates: 0, jobs: 0, matches: 0 };
    return loadDemoInto({ ...deps, database }, sizes);
  });
}

async function loadDemoInto(
  deps: DemoDependencies,
  sizes: { candidates: number; jobs: number },
): Promise<DemoSummary> {
  const { database } = deps;
  await seedRoles(database, deps.embeddings, await loadRoleSeed());

  const [recruiter, agencyAdmin, platformAdmin] = DEMO_ACCOUNTS;
  const { tenant, admin } = await createTenantWithAdmin(database, {
    name: 'Demo Staffing',
    slug: DEMO_TENANT_SLUG,
    admin: { email: agencyAdmin.email, password: agencyAdmin.password, name: 'Dana Admin' },
  });
  const recruiterUser = await createTenantUser(database, tenant.id, {
    email: recruiter.email,
    password: recruiter.password,
    name: 'Riley Recruiter',
    role: 'RECRUITER',
  });
  await createPlatformAdmin(database, {
    email: platformAdmin.email,
    password: platformAdmin.password,
    name: 'Pat Platform',
  });

  const roleOptions = deps.roleThreshold === undefined ? {} : { threshold: deps.roleThreshold };
  for (const person of demoCandidates(sizes.candidates)) {
    await database.transaction(async (tx) => {
      const candidate = await candidateRepository(tx).create(tenant.id, person);
      await setCandidateRoles(
        tx,
        deps.embeddings,
        tenant.id,
        candidate.id,
        person.preferred_roles,
        roleOptions,
      );
    });
  }

  const validated = validateJobInputs(demoJobs(sizes.jobs, { today: deps.today }), { skills: deps.skills });
  const jobs = validated.flatMap((item) => (item.ok ? [item.job] : []));
  const roleOfTitle = new Map<string, number | null>();
  for (const title of new Set(jobs.map((job) => job.title))) {
    const normalized = await normalizeRole(database, deps.embeddings, title, roleOptions);
    roleOfTitle.set(title, normalized.role?.id ?? null);
  }
  const jobsByRole = new Map<number, number[]>();
  for (let start = 0; start < jobs.length; start += 500) {
    await database.transaction(async (tx) => {
      for (const [roleId, chunk] of groupBy(
        jobs.slice(start, start + 500),
        (job) => roleOfTitle.get(job.title) ?? null,
      )) {
        const written = await jobPostingRepository(tx).upsertMany(chunk, { normalized_role_id: roleId });
        const ids = written.map((job) => job.id);
        if (roleId !== null) {
          await roleJobMappingRepository(tx).link(roleId, ids);
          jobsByRole.set(roleId, [...(jobsByRole.get(roleId) ?? []), ...ids]);
        }
      }
    });
  }

  for (const table of ['candidates', 'job_postings'] as const)
    await embedMissing(database, deps.embeddings, { table });
  let matches = 0;
  for (const [roleId, jobIds] of jobsByRole) {
    const totals = await matchImportedJobs(
      { database, retention: deps.retention, vectorTopK: deps.vectorTopK, skills: deps.skills },
      { roleId, jobIds },
    );
    matches += totals.stored;
  }
  await markMappedRolesScraped(database.sql);
  await loadDemoDay(database, tenant.id, { recruiterId: recruiterUser.id, adminId: admin.id });
  return { loaded: true, candidates: sizes.candidates, jobs: jobs.length, matches };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
