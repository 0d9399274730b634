/**
 * npm run bench:match — matching freshness on the product path, and vector search.
 *
 * (a) Freshness, as the product does it: BENCH_CANDIDATES (default 1,000) approved candidates want one role
 *     (skills, experience, salary, locations, 768-d vectors from the local embedding provider); a scraper
 *     claims the role and POSTs BENCH_JOBS (default 100) new jobs over HTTP; the `jobs/imported` task waits in
 *     pg-boss for a worker polling at the product's setting (1 s), embeds the new jobs, scores every pair and
 *     stores each candidate's best N. Printed per stage: the HTTP POST, the queue wait, embedding, scoring and
 *     storing, and POST → every match stored; the handler's stages (due pairs, load, score, select, write,
 *     analyze) and the load average. BENCH_BATCHES (default 1) posts more batches in a row (the time
 *     per batch must not grow with the stored matches). Runs on the embedded engine (PGlite on disk), and on
 *     a PostgreSQL server too when BENCH_DATABASE_URL is set (a database of its own is created and dropped).
 * (b) Throughput: scored pairs per second of (a).
 * (c) Vector search: top 50 nearest active jobs for 100 query vectors, p50/p95 latency and recall@50 against
 *     an exact scan, over all jobs and with a status filter that keeps 10%. Vectors are clustered random unit
 *     vectors (mixtures around 200 centres, like embeddings of many roles). BENCH_VECTOR_JOBS sets the size:
 *     default 20,000 (BENCH_VECTOR_JOBS=100000 for the full size); BENCH_SKIP_VECTORS=1 skips it,
 *     BENCH_SKIP_FRESHNESS=1 runs it alone.
 * (d) Memory: the process's peak resident set size, printed last (the largest run is the one that set it).
 * BENCH_DATABASE_PREFIX names the server databases (default jobmatch_bench).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrator.js';
import { openPglite } from '../src/db/pglite-database.js';
import { seededRandom as random } from '../src/domain/seeded-random.js';
import { candidateEmbeddingText } from '../src/embeddings/embedding-text.js';
import { createLocalEmbeddingProvider } from '../src/embeddings/local-provider.js';
import { toPgVectorLiteral } from '../src/embeddings/vector-math.js';
import { buildApp } from '../src/http/app.js';
import { MATCHING_TASK, matchingTasks } from '../src/matching/matching-tasks.js';
import { rescoreCandidates } from '../src/matching/refresh-matches.js';
import { STAGES } from '../src/matching/stage-times.js';
import { DEFAULT_RETENTION } from '../src/matching/store-matches.js';
import { efSearchFor, nearestActiveJobs } from '../src/matching/vector-search.js';
import { createApiKey } from '../src/scraper/api-keys.js';
import { ScraperClient } from '../src/scraper/client.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { startJobQueue } from '../src/worker/job-queue.js';
import { onScratchServerDatabase } from './scratch-server-database.js';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 1000);
const JOBS = Number(process.env.BENCH_JOBS ?? 100);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 1);
/** The product's worker polling (JOBMATCH_WORKER_POLL_SECONDS default). */
const POLL_SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 1);
const VECTOR_JOBS = Number(process.env.BENCH_VECTOR_JOBS ?? 20_000);
/** Every Nth vector job is active (the others closed): 10 keeps 10 %, 1 makes every job active. */
const VECTOR_ACTIVE_EVERY = Math.max(1, Math.floor(Number(process.env.BENCH_VECTOR_ACTIVE_EVERY ?? 10)));
const QUERIES = 100;
const K = 50;

const SKILLS = [
  'Python',
  'SQL',
  'AWS',
  'Docker',
  'Kubernetes',
  'Spark',
  'Airflow',
  'Terraform',
  'Java',
  'Scala',
  'Kafka',
  'Snowflake',
  'dbt',
  'GCP',
  'Azure',
  'PostgreSQL',
  'Go',
  'React',
  'TypeScript',
  'Pandas',
];
const PLACES = [
  'Austin, TX',
  'New York, NY',
  'Seattle, WA',
  'Chicago, IL',
  'San Francisco, CA',
  'Denver, CO',
  'Boston, MA',
  'Atlanta, GA',
  'Remote',
  'London, UK',
];
const TITLES = [
  'Data Engineer',
  'Senior Data Engineer',
  'Big Data Engineer',
  'Data Platform Engineer',
  'Analytics Engineer',
  'Lead Data Engineer',
];

function pick<T>(rnd: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

/**
 * Resident set size sampled every 25 ms: the peak of each phase (seeding, each batch's matching, vector
 * search), not only the process's lifetime peak, which seeding (all candidates' vectors at once) may set.
 */
const rssPhase = (() => {
  let peak = 0;
  let atPeak = '';
  const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MB`;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss <= peak) return;
    peak = rss;
    const m = process.memoryUsage();
    atPeak = `JS heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`;
  };
  setInterval(sample, 25).unref();
  return {
    start(): void {
      global.gc?.();
      peak = 0;
      sample();
    },
    peakMb(): string {
      sample();
      return `${mb(peak)} (at the peak: ${atPeak})`;
    },
  };
})();

const seconds = (since: number) => (performance.now() - since) / 1000;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

interface BenchJob {
  external_job_id: string;
  platform: string;
  title: string;
  company: string;
  location: string;
  description: string;
  skills: string[];
  experience_required: string;
  salary_range: string | null;
  is_remote: boolean;
}

/** Candidates (with vectors) wanting one role, in the role's queue; returns the role and the seeding time. */
async function seedCandidates(database: Database): Promise<{ roleId: number; embedSeconds: number }> {
  const rnd = random(1);
  const provider = await createLocalEmbeddingProvider();
  const { rows: tenants } = await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ('Bench A', 'bench-a'), ('Bench B', 'bench-b') RETURNING id`,
  );
  const { rows: roles } = await database.sql.query<{ id: number }>(
    `INSERT INTO global_roles (name, candidate_count) VALUES ('Data Engineer', $1) RETURNING id`,
    [CANDIDATES],
  );
  const roleId = roles[0]!.id;
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => {
    const skills = pick(rnd, SKILLS, 4 + Math.floor(rnd() * 6));
    const title = TITLES[i % TITLES.length]!;
    const low = 90 + Math.floor(rnd() * 80);
    return {
      tenant: tenants[i % 2]!.id,
      title,
      skills,
      years: 1 + Math.floor(rnd() * 15),
      salary: i % 5 === 0 ? null : `$${low}K - $${low + 20}K`,
      location: PLACES[Math.floor(rnd() * PLACES.length)]!,
      preferred: i % 3 === 0 ? ['Remote'] : [],
    };
  });
  let started = performance.now();
  const candidateVectors = await provider.embed(
    candidates.map((c) => candidateEmbeddingText({ current_title: c.title, skills: c.skills })),
    'document',
  );
  const embedSeconds = seconds(started);
  started = performance.now();
  for (let from = 0; from < candidates.length; from += 5000) {
    const json = JSON.stringify(
      candidates
        .slice(from, from + 5000)
        .map((c, i) => ({ ...c, embedding: toPgVectorLiteral(candidateVectors[from + i]!) })),
    );
    await database.sql.query(
      `WITH inserted AS (
         INSERT INTO candidates (tenant_id, first_name, last_name, email, current_title, skills, total_experience_years,
           expected_salary, location, preferred_locations, status, embedding, embedding_model)
         SELECT c.tenant, 'Bench', 'Candidate', 'bench@example.test', c.title, c.skills, c.years, c.salary, c.location,
           c.preferred, 'approved', c.embedding::vector, $2
         FROM jsonb_to_recordset($1::jsonb) AS c(tenant int, title text, skills varchar(100)[], years int, salary text,
           location text, preferred varchar(200)[], embedding text)
         RETURNING id)
       INSERT INTO candidate_global_roles (candidate_id, global_role_id) SELECT id, $3 FROM inserted`,
      [json, provider.modelId, roleId],
    );
  }
  console.log(`  seeded ${fmt(CANDIDATES, 0)} candidates in ${fmt(seconds(started), 2)} s`);
  // As approval does in the product: each candidate's first full rescore records its vector state.
  started = performance.now();
  const { rows: ids } = await database.sql.query<{ id: number }>('SELECT id FROM candidates');
  await rescoreCandidates(
    { database, retention: DEFAULT_RETENTION, vectorTopK: 100 },
    ids.map((r) => r.id),
  );
  console.log(`  first rescore of the candidates (no jobs yet) in ${fmt(seconds(started), 2)} s`);
  return { roleId, embedSeconds };
}

function benchJobs(batch: number): BenchJob[] {
  const rnd = random(100 + batch);
  return Array.from({ length: JOBS }, (_, i) => {
    const low = 100 + Math.floor(rnd() * 80);
    const city = pick(rnd, ['Austin, TX', 'New York, NY', 'Seattle, WA', 'Chicago, IL', 'Denver, CO'], 1)[0]!;
    const skills = pick(rnd, SKILLS, 3 + Math.floor(rnd() * 6));
    const min = 1 + Math.floor(rnd() * 6);
    return {
      external_job_id: `bench-${batch}-${i}`,
      platform: 'indeed',
      title: TITLES[i % TITLES.length]!,
      company: 'Bench Co',
      location: city,
      description: `We use ${skills.join(', ')}. ${min}+ years of experience.`,
      skills,
      experience_required: `${min}-${min + 4} years`,
      salary_range: i % 3 === 0 ? null : `$${low}K - $${low + 30}K`,
      is_remote: i % 4 === 0,
    };
  });
}

async function countMatches(database: Database): Promise<number> {
  const { rows } = await database.sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM candidate_job_matches',
  );
  return rows[0]!.n;
}

/** Captures the worker's "jobs matched" log lines (they carry the stage timings). */
function captureLog(): { logger: pino.Logger; matched: Record<string, number>[] } {
  const matched: Record<string, number>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue;
        const entry = JSON.parse(line) as Record<string, number> & { msg?: string };
        if (entry.msg === 'jobs matched') matched.push(entry);
      }
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), matched };
}

async function freshness(database: Database, engine: string): Promise<void> {
  console.log(
    `(a) freshness on ${engine}: ${fmt(CANDIDATES, 0)} candidates x ${JOBS} jobs for one role, ` +
      `HTTP POST → pg-boss (${POLL_SECONDS} s polling) → embedded, scored, stored`,
  );
  rssPhase.start();
  const { embedSeconds } = await seedCandidates(database);
  console.log(`  peak RSS while seeding: ${rssPhase.peakMb()}`);
  console.log(
    `  candidate embeddings: local provider, ${fmt(CANDIDATES, 0)} texts in ${fmt(embedSeconds, 2)} s`,
  );
  const skills = loadSkillMatcher();
  const embeddings = await createLocalEmbeddingProvider();
  const { logger, matched } = captureLog();
  const queue = await startJobQueue(database, { logger, pollingIntervalSeconds: POLL_SECONDS });
  const app = await buildApp({
    database,
    logger: pino({ level: 'silent' }),
    queue,
    skills: () => skills,
    embeddings,
  });
  try {
    await queue.work(
      matchingTasks({
        database,
        config: { matching: { ...DEFAULT_RETENTION, vectorTopK: 100 } },
        logger,
        skills,
        embeddings,
      }),
    );
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const { secret } = await createApiKey(database, { name: 'bench-scraper' });
    const scraper = new ScraperClient({ baseUrl, apiKey: secret });
    for (let batch = 0; batch < BATCHES; batch++) {
      await database.sql.query(`UPDATE global_roles SET queue_status = 'pending', last_scraped_at = NULL`);
      const claimed = await scraper.claim();
      if (!claimed) throw new Error('the role was not claimable');
      const before = matched.length;
      rssPhase.start();
      const started = performance.now();
      await scraper.postJobs(claimed.session_id, benchJobs(batch));
      const posted = performance.now();
      while (matched.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
      const done = performance.now();
      const batchPeak = rssPhase.peakMb();
      const entry = matched[matched.length - 1]!;
      const { rows } = await database.sql.query<{ wait_ms: number }>(
        `SELECT (extract(epoch FROM started_on - created_on) * 1000)::int AS wait_ms FROM pgboss.job
         WHERE name = $1 ORDER BY created_on DESC LIMIT 1`,
        [MATCHING_TASK.jobsImported],
      );
      const total = (done - started) / 1000;
      const stages = STAGES.map(
        (stage) => `${stage} ${fmt(entry[`${stage}Ms`] ?? 0, 0)}/${fmt(entry[`${stage}CpuMs`] ?? 0, 0)}`,
      ).join(', ');
      console.log(
        `  batch ${batch + 1}: POST ${fmt(posted - started, 0)} ms, queue wait ${fmt(rows[0]?.wait_ms ?? Number.NaN, 0)} ms, ` +
          `embed jobs ${fmt(entry.embedMs ?? 0, 0)} ms, score+store ${fmt(entry.matchMs ?? 0, 0)} ms ` +
          `[node CPU ${fmt(entry.matchCpuMs ?? 0, 0)} ms; stages wall/CPU ms (summed over chunks in flight): ${stages}] ` +
          `(${fmt(entry.scored ?? 0, 0)} pairs scored, ${fmt(entry.stored ?? 0, 0)} stored, ` +
          `${fmt(entry.written ?? 0, 0)} written, ${fmt(entry.removed ?? 0, 0)} removed); ` +
          `POST → stored ${fmt(total, 2)} s — target < 3 s: ${total < 3 ? 'met' : 'NOT met'}; ` +
          `peak RSS during the batch ${batchPeak} (target < 1 GB) (load average ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')})`,
      );
      console.log(
        `(b) throughput: ${fmt((entry.scored ?? 0) / ((entry.matchMs ?? 1) / 1000), 0)} pairs scored+stored/s in the handler; ` +
          `${fmt(await countMatches(database), 0)} matches stored in all`,
      );
    }
  } finally {
    await app.close();
    await queue.stop();
  }
}

function clusteredVectors(count: number, centres: Float32Array[], rnd: () => number): Float32Array[] {
  const dims = centres[0]!.length;
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(rnd() * centres.length)]!;
    const v = new Float32Array(dims);
    let sum = 0;
    for (let i = 0; i < dims; i++) {
      v[i] = centre[i]! + (rnd() * 2 - 1) * 0.9;
      sum += v[i]! * v[i]!;
    }
    const norm = Math.sqrt(sum);
    for (let i = 0; i < dims; i++) v[i] = v[i]! / norm;
    return v;
  });
}

/** 5 decimals are plenty for synthetic vectors and keep the text (and its parsing) short. */
function shortLiteral(v: Float32Array): string {
  return `[${Array.from(v, (x) => x.toFixed(5)).join(',')}]`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The unfiltered search: the same scan settings as nearestActiveJobs, without the status predicate. */
async function nearestAnyJobs(database: Database, query: Float32Array, exact: boolean): Promise<number[]> {
  return database.transaction(async (tx) => {
    await tx.sql.query(
      exact ? 'SET LOCAL enable_indexscan = off' : 'SET LOCAL hnsw.iterative_scan = relaxed_order',
    );
    if (!exact) await tx.sql.query(`SET LOCAL hnsw.ef_search = ${efSearchFor(K)}`);
    const { rows } = await tx.sql.query<{ id: number }>(
      `SELECT id FROM job_postings WHERE embedding_model = 'bench-vectors'
       ORDER BY embedding <=> $1::vector LIMIT ${K}`,
      [toPgVectorLiteral(query)],
    );
    return rows.map((r) => r.id);
  });
}

async function vectorSearch(database: Database): Promise<void> {
  console.log(
    `(c) vector search on ${database.engine}: ${fmt(VECTOR_JOBS, 0)} jobs, top ${K}, ${QUERIES} queries` +
      (VECTOR_JOBS < 100_000
        ? ' (BENCH_VECTOR_JOBS=100000 for the full size: loading alone takes minutes on PGlite)'
        : ''),
  );
  const rnd = random(7);
  const dims = 768;
  const centres = Array.from({ length: 200 }, () => Float32Array.from({ length: dims }, () => rnd() * 2 - 1));
  await database.sql.query('DROP INDEX IF EXISTS idx_job_postings_embedding');
  rssPhase.start();
  let started = performance.now();
  const batch = 2000;
  for (let start = 0; start < VECTOR_JOBS; start += batch) {
    const vectors = clusteredVectors(Math.min(batch, VECTOR_JOBS - start), centres, rnd);
    // Every VECTOR_ACTIVE_EVERY-th job stays active (default every tenth: the filtered search keeps 10%).
    await database.sql.query(
      `INSERT INTO job_postings (platform, external_job_id, title, status, embedding, embedding_model)
       SELECT 'vec', 'v' || ($2 + i), 'Job', CASE WHEN ($2 + i) % $3 = 0 THEN 'active' ELSE 'closed' END,
         v::vector, 'bench-vectors'
       FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i)`,
      [vectors.map(shortLiteral), start, VECTOR_ACTIVE_EVERY],
    );
  }
  console.log(`  loaded in ${fmt(seconds(started), 1)} s (multi-row INSERT, 2,000 rows per statement)`);
  started = performance.now();
  await database.exec(`SET maintenance_work_mem = '512MB'`);
  await database.exec(
    'CREATE INDEX idx_job_postings_embedding ON job_postings USING hnsw (embedding vector_cosine_ops)',
  );
  await database.exec('ANALYZE job_postings');
  console.log(`  HNSW index (m=16, ef_construction=64) built after loading in ${fmt(seconds(started), 1)} s`);

  console.log(`  peak RSS while loading and indexing: ${rssPhase.peakMb()}`);
  const queries = clusteredVectors(QUERIES, centres, rnd);
  const report = async (
    label: string,
    approximate: (q: Float32Array) => Promise<number[]>,
    exact: (q: Float32Array) => Promise<number[]>,
  ) => {
    const latencies: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    let returned = 0;
    for (const query of queries) {
      const at = performance.now();
      const cpuAt = process.cpuUsage();
      const found = await approximate(query);
      latencies.push(performance.now() - at);
      const used = process.cpuUsage(cpuAt);
      cpu.push((used.user + used.system) / 1000);
      const truth = new Set(await exact(query));
      hits += found.filter((id) => truth.has(id)).length;
      returned += found.length;
    }
    latencies.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // On PGlite the database runs in this process: its CPU per query does not depend on the machine's load.
    const cpuLabel = database.engine === 'pglite' ? 'CPU (database included)' : 'node CPU';
    console.log(
      `  ${label}: p50 ${fmt(percentile(latencies, 50), 1)} ms, p95 ${fmt(percentile(latencies, 95), 1)} ms ` +
        `[${cpuLabel} p50 ${fmt(percentile(cpu, 50), 1)} ms, p95 ${fmt(percentile(cpu, 95), 1)} ms; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}], ` +
        `recall@${K} ${fmt(hits / (K * queries.length), 3)}, mean results ${fmt(returned / queries.length, 1)} ` +
        `(ef_search ${efSearchFor(K)}, iterative scan relaxed_order)`,
    );
  };
  await report(
    'no filter (all jobs)',
    (q) => nearestAnyJobs(database, q, false),
    (q) => nearestAnyJobs(database, q, true),
  );
  const ids = async (exact: boolean, q: Float32Array) =>
    (await nearestActiveJobs(database, q, 'bench-vectors', K, { exact })).map((n) => n.id);
  const active = Math.ceil(VECTOR_JOBS / VECTOR_ACTIVE_EVERY);
  await report(
    `status = 'active' (${fmt(active, 0)} active of ${fmt(VECTOR_JOBS, 0)} jobs; BENCH_VECTOR_ACTIVE_EVERY=${VECTOR_ACTIVE_EVERY})`,
    (q) => ids(false, q),
    (q) => ids(true, q),
  );
}

function onServer(url: string, run: (database: Database) => Promise<void>): Promise<void> {
  return onScratchServerDatabase(url, { suffix: '', poolSize: 10 }, run);
}

async function main(): Promise<void> {
  // BENCH_ENGINES=server runs only the server, =embedded only PGlite.
  const engines = process.env.BENCH_ENGINES ?? 'embedded,server';
  if (engines.includes('embedded')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-match-'));
    const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
    try {
      await migrate(database);
      if (!process.env.BENCH_SKIP_FRESHNESS) await freshness(database, 'the embedded engine (PGlite)');
      if (!process.env.BENCH_SKIP_VECTORS) await vectorSearch(database);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!engines.includes('server')) return;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    await onServer(serverUrl, async (server) => {
      if (!process.env.BENCH_SKIP_FRESHNESS) await freshness(server, 'a PostgreSQL server');
      if (!process.env.BENCH_SKIP_VECTORS) await vectorSearch(server);
    });
  } else console.log('(BENCH_DATABASE_URL unset: the PostgreSQL server runs are skipped)');
}

await main();
console.log(
  `(d) memory: peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB ` +
    `(freshness ${process.env.BENCH_SKIP_FRESHNESS ? 'skipped' : `${fmt(CANDIDATES, 0)} candidates x ${JOBS} jobs x ${BATCHES} batches`}; ` +
    `vector search ${process.env.BENCH_SKIP_VECTORS ? 'skipped' : `${fmt(VECTOR_JOBS, 0)} jobs`})`,
);
