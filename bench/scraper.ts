/**
 * npm run bench:scraper — the scraper API under concurrent clients on the embedded engine (PGlite), over
 * real HTTP on loopback. BENCH_ROLES roles (default 400) wait in the queue; BENCH_CLIENTS scrapers (default 8)
 * claim and post BENCH_JOBS jobs per session (default 25) until the queue is empty. Prints throughput and
 * p50/p99 latency of claims and posts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { migrate } from '../src/db/migrator.js';
import { openPglite } from '../src/db/pglite-database.js';
import { buildApp } from '../src/http/app.js';
import { createApiKey } from '../src/scraper/api-keys.js';
import { ScraperClient } from '../src/scraper/client.js';
import { startJobQueue } from '../src/worker/job-queue.js';

const ROLES = Number(process.env.BENCH_ROLES ?? 400);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const JOBS = Number(process.env.BENCH_JOBS ?? 25);
const logger = pino({ level: 'silent' });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-scraper-'));
const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
try {
  await migrate(database);
  const queue = await startJobQueue(database, { logger, supervise: false });
  await queue.register([{ name: 'jobs/imported', handler: async () => {} }]);
  const { rows: tenant } = await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ('Bench', 'bench') RETURNING id`,
  );
  await database.sql.query(
    `WITH roles AS (
       INSERT INTO global_roles (name, candidate_count) SELECT 'Bench Role ' || n, 1 + n % 9 FROM generate_series(1, $2) n RETURNING id, candidate_count
     ), people AS (
       INSERT INTO candidates (tenant_id, first_name, last_name, email, status)
       SELECT $1, 'B', 'C' || n, 'b' || n || '@bench.test', 'approved' FROM generate_series(1, $2) n RETURNING id
     )
     INSERT INTO candidate_global_roles (candidate_id, global_role_id)
     SELECT p.id, r.id FROM (SELECT id, row_number() OVER () AS k FROM people) p JOIN (SELECT id, row_number() OVER () AS k FROM roles) r USING (k)`,
    [tenant[0]!.id, ROLES],
  );
  const app = await buildApp({ database, logger, queue });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const keys = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => createApiKey(database, { name: `bench-${i}` })),
  );

  const claimMs: number[] = [];
  const postMs: number[] = [];
  let jobsPosted = 0;
  const started = performance.now();
  await Promise.all(
    keys.map(async ({ secret }, client) => {
      const scraper = new ScraperClient({ baseUrl, apiKey: secret });
      for (let session = 0; ; session += 1) {
        let t = performance.now();
        const claimed = await scraper.claim();
        claimMs.push(performance.now() - t);
        if (!claimed) return;
        const jobs = Array.from({ length: JOBS }, (_, i) => ({
          external_job_id: `c${client}-s${session}-j${i}`,
          platform: 'indeed',
          title: `${claimed.role.name} ${i}`,
          company: `Company ${i % 13}`,
          location: 'Austin, TX',
          description: 'Python, AWS and Docker. 3+ years of experience. Hybrid.',
          salary_range: '$120K - $150K',
          job_url: `https://jobs.example.com/${client}/${session}/${i}`,
        }));
        t = performance.now();
        await scraper.postJobs(claimed.session_id, jobs);
        postMs.push(performance.now() - t);
        jobsPosted += jobs.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const fmt = (values: number[]) =>
    `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms`;
  console.log(
    `${CLIENTS} concurrent scrapers, ${ROLES} roles, ${JOBS} jobs per session, embedded engine (PGlite) over HTTP`,
  );
  console.log(
    `sessions: ${postMs.length} in ${seconds.toFixed(1)} s = ${(postMs.length / seconds).toFixed(1)} claim+post cycles/s`,
  );
  console.log(
    `claims: ${claimMs.length} (${claimMs.length - postMs.length} empty), ${(claimMs.length / seconds).toFixed(1)}/s, ${fmt(claimMs)}`,
  );
  console.log(`posts: ${postMs.length}, ${(jobsPosted / seconds).toFixed(0)} jobs/s, ${fmt(postMs)}`);
  await app.close();
  await queue.stop();
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
