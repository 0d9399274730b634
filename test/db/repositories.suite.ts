import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { candidateRepository } from '../../src/db/repositories/candidate.repository.js';
import { candidateJobMatchRepository } from '../../src/db/repositories/candidate-job-match.repository.js';
import { jobImportBatchRepository } from '../../src/db/repositories/job-import-batch.repository.js';
import { jobPostingRepository } from '../../src/db/repositories/job-posting.repository.js';
import { roleJobMappingRepository } from '../../src/db/repositories/role-job-mapping.repository.js';
import { scraperApiKeyRepository } from '../../src/db/repositories/scraper-api-key.repository.js';
import { tenantRepository } from '../../src/db/repositories/tenant.repository.js';
import { userRepository } from '../../src/db/repositories/user.repository.js';

/** The repository behaviour every engine must share: run on PGlite and on `pg` over the wire. */
export function describeRepositories(
  engine: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
): void {
  describe(`repositories on ${engine}`, () => {
    let database: Database;
    let stop: () => Promise<void>;
    let tenantA: number;
    let tenantB: number;

    beforeAll(async () => {
      ({ database, stop } = await open());
      const tenants = tenantRepository(database);
      tenantA = (await tenants.create({ name: 'Acme Staffing', slug: 'acme' })).id;
      tenantB = (await tenants.create({ name: 'Beta Talent', slug: 'beta' })).id;
    });
    afterAll(() => stop());

    it('tenants: create, find, list, update; slugs are unique', async () => {
      const tenants = tenantRepository(database);
      expect((await tenants.findBySlug('acme'))?.id).toBe(tenantA);
      expect((await tenants.list()).map((t) => t.slug)).toEqual(['acme', 'beta']);
      expect((await tenants.update(tenantB, { name: 'Beta Talent Ltd' }))?.name).toBe('Beta Talent Ltd');
      await expect(tenants.create({ name: 'Dup', slug: 'acme' })).rejects.toThrow();
    });

    it('users: PM_ADMIN has no tenant, others must; emails are unique case-insensitively', async () => {
      const users = userRepository(database);
      const admin = await users.create({
        tenant_id: null,
        email: 'ops@jobmatch.dev',
        password_hash: 'x',
        role: 'PM_ADMIN',
      });
      const recruiter = await users.create({
        tenant_id: tenantA,
        email: 'Rita@Acme.test',
        password_hash: 'x',
        role: 'RECRUITER',
      });
      expect((await users.findAllByEmail('rita@acme.test')).map((user) => user.id)).toEqual([recruiter.id]);
      expect((await users.findById(admin.id))?.role).toBe('PM_ADMIN');
      expect((await users.listByTenant(tenantA)).map((u) => u.id)).toEqual([recruiter.id]);
      expect(await users.findInTenant(tenantB, recruiter.id)).toBeUndefined();
      await expect(
        users.create({ tenant_id: null, email: 'x@y.test', password_hash: 'x', role: 'RECRUITER' }),
      ).rejects.toThrow();
      await expect(
        users.create({ tenant_id: tenantA, email: 'RITA@acme.test', password_hash: 'x', role: 'RECRUITER' }),
      ).rejects.toThrow();
    });

    it('scraper keys: create, find active by hash, record use, revoke', async () => {
      const keys = scraperApiKeyRepository(database);
      const key = await keys.create({ key_hash: 'a'.repeat(64), name: 'prod-scraper' });
      expect((await keys.findActiveByHash('a'.repeat(64)))?.id).toBe(key.id);
      await keys.recordUse(key.id);
      await keys.recordUse(key.id);
      const used = await keys.findById(key.id);
      expect(used?.total_requests).toBe(2);
      expect(used?.last_used_at).toBeInstanceOf(Date);
      await keys.revoke(key.id);
      expect(await keys.findActiveByHash('a'.repeat(64))).toBeUndefined();
      expect((await keys.list()).find((k) => k.id === key.id)?.revoked_at).toBeInstanceOf(Date);
    });

    it('jobs, role mapping and import batches', async () => {
      const role = (
        await database.sql.query<{
          id: number;
          queue_status: string;
          priority: string;
          candidate_count: number;
        }>(
          `INSERT INTO global_roles (name) VALUES ('Python Developer') RETURNING id, queue_status, priority, candidate_count`,
        )
      ).rows[0]!;
      expect(role).toMatchObject({ queue_status: 'pending', priority: 'normal', candidate_count: 0 });

      const batches = jobImportBatchRepository(database);
      const batch = await batches.create({
        batch_id: randomUUID(),
        platform: 'indeed',
        file_name: 'jobs.csv',
      });
      expect(batch.import_status).toBe('in_progress');

      const jobs = jobPostingRepository(database);
      const job = await jobs.insert({
        platform: 'indeed',
        external_job_id: 'J-1',
        title: 'Senior Python Developer',
        skills: ['Python', 'AWS'],
        import_batch_id: batch.id,
        normalized_role_id: role.id,
        embedding: Array.from({ length: 768 }, (_, i) => (i === 0 ? 1 : 0)),
        posted_date: '2026-11-01',
      });
      expect(job).toMatchObject({ status: 'active', is_remote: false, skills: ['Python', 'AWS'] });
      expect(job.posted_date).toBe('2026-11-01');
      expect(job.embedding).toHaveLength(768);
      expect((await jobs.findByExternalId('indeed', 'J-1'))?.id).toBe(job.id);
      await expect(
        jobs.insert({ platform: 'indeed', external_job_id: 'J-1', title: 'dup' }),
      ).rejects.toThrow();
      expect((await jobs.listActive()).map((j) => j.id)).toContain(job.id);
      expect((await jobs.setStatus(job.id, 'filled'))?.status).toBe('filled');
      expect((await jobs.findByIds([job.id])).length).toBe(1);

      const mapping = roleJobMappingRepository(database);
      expect(await mapping.link(role.id, [job.id])).toBe(1);
      expect(await mapping.link(role.id, [job.id])).toBe(0);
      expect(await mapping.jobIdsForRole(role.id)).toEqual([job.id]);

      await batches.addCounts(batch.id, { new_jobs: 1, updated_jobs: 0, unchanged_jobs: 0, failed_jobs: 0 });
      const finished = await batches.finish(batch.id, {});
      expect(finished).toMatchObject({ import_status: 'completed', total_jobs: 1, new_jobs: 1 });
      expect(finished.completed_at).toBeInstanceOf(Date);
      expect((await batches.list())[0]?.id).toBe(batch.id);
    });

    it('candidates are tenant-scoped: another tenant never reads, updates or deletes them', async () => {
      const repo = candidateRepository(database);
      const ada = await repo.create(tenantA, {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.test',
        skills: ['Python', 'SQL'],
      });
      expect(ada).toMatchObject({ tenant_id: tenantA, status: 'pending_review' });
      expect((await repo.findById(tenantA, ada.id))?.email).toBe('ada@example.test');
      expect(await repo.findById(tenantB, ada.id)).toBeUndefined();
      expect(await repo.update(tenantB, ada.id, { first_name: 'Eve' })).toBeUndefined();
      expect(await repo.delete(tenantB, ada.id)).toBe(false);
      expect((await repo.list(tenantA, { search: 'love' })).map((c) => c.id)).toEqual([ada.id]);
      expect((await repo.list(tenantA, { skill: 'SQL' })).map((c) => c.id)).toEqual([ada.id]);
      expect(await repo.list(tenantB)).toEqual([]);
      expect((await repo.update(tenantA, ada.id, { status: 'approved' }))?.status).toBe('approved');
    });

    it('matches are reachable only through the owning tenant, and go with their candidate', async () => {
      const candidate = await candidateRepository(database).create(tenantA, {
        first_name: 'Grace',
        last_name: 'Hopper',
        email: 'grace@example.test',
      });
      const job = await jobPostingRepository(database).insert({
        platform: 'dice',
        external_job_id: 'D-9',
        title: 'COBOL Dev',
      });

      const { rows } = await database.sql.query<{ id: number }>(
        `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score) VALUES ($1, $2, 82.5) RETURNING id`,
        [candidate.id, job.id],
      );
      const matchId = rows[0]!.id;
      const matches = candidateJobMatchRepository(database);
      expect((await matches.findById(tenantA, matchId))?.match_score).toBe(82.5);
      expect(await matches.findById(tenantB, matchId)).toBeUndefined();
      expect((await matches.listForCandidate(tenantA, candidate.id, { minScore: 80 })).length).toBe(1);
      expect(await matches.listForCandidate(tenantA, candidate.id, { minScore: 90 })).toEqual([]);
      expect(await matches.setStatus(tenantB, matchId, 'viewed')).toBeUndefined();
      const viewed = await matches.setStatus(tenantA, matchId, 'viewed');
      expect(viewed?.viewed_at).toBeInstanceOf(Date);

      expect(await candidateRepository(database).delete(tenantA, candidate.id)).toBe(true);
      expect(await matches.findById(tenantA, matchId)).toBeUndefined();
    });

    it('transactions roll back as a whole', async () => {
      const tenants = tenantRepository(database);
      await expect(
        database.transaction(async (tx) => {
          await tenantRepository(tx).create({ name: 'Ghost', slug: 'ghost' });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await tenants.findBySlug('ghost')).toBeUndefined();
      await database.transaction(async (tx) => {
        await tenantRepository(tx).create({ name: 'Kept', slug: 'kept' });
      });
      expect(await tenants.findBySlug('kept')).toBeDefined();
    });
  });
}
