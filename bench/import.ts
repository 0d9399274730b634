/**
 * npm run bench:import — job import until the imported rows are embedded and matchable.
 * Imports a generated BENCH_ROWS-row JobSpy CSV (default 5,000; BENCH_ATS=1 adds
 * ../shared/data/jobs/open_jobs_ats.csv, 15,918 rows) into a fresh database, then embeds every imported
 * active posting with the offline local model as the product does (embedMissing, one provider call and one
 * set-based vector UPDATE per batch). Printed per run: the stages parse+store, embedding (the model), vector
 * writes (the UPDATEs, HNSW maintenance included when the index is kept during the load), index maintenance
 * (dropping the HNSW index and building it after a load of >= BULK_INDEX_ROWS rows; BENCH_REBUILD_FROM
 * overrides the threshold, e.g. a huge value keeps the index during the load), reading the rows to embed; rows/s to stored and to matchable;
 * peak RSS. Runs on the embedded engine (on-disk PGlite) and, when BENCH_DATABASE_URL is set, on a
 * PostgreSQL server too (a database of its own is created and dropped). BENCH_ENGINES=embedded|server
 * picks one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, SqlExecutor } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite-database.js';
import { parseColumnMapping } from '../src/domain/jobs/column-mapping.js';
import { embedMissing } from '../src/embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../src/embeddings/embedding-provider.js';
import { createLocalEmbeddingProvider } from '../src/embeddings/local-provider.js';
import { importJobs } from '../src/ingestion/import-jobs.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { onScratchServerDatabase } from './scratch-server-database.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 5_000);
const ATS_FILE = path.resolve(process.cwd(), '../shared/data/jobs/open_jobs_ats.csv');
const ATS_MAPPING =
  'company=company,platform=platform,external_job_id=jobId,title=title,location=locations,is_remote=isRemote,' +
  'employment_type=employmentType,job_url=applyUrl,posted_date=postedAt';

const TITLES = [
  'Senior Python Developer',
  'Java Engineer',
  'Data Engineer',
  'DevOps Engineer',
  'React Developer',
  'QA Automation Engineer',
  'Business Analyst',
  'Salesforce Developer',
  'Machine Learning Engineer',
  '.NET Developer',
];
const SKILLS = [
  'Python',
  'AWS',
  'Docker',
  'Kubernetes',
  'SQL',
  'React',
  'TypeScript',
  'Java',
  'Spark',
  'Terraform',
];
const CITIES = [
  'Austin, TX',
  'New York, NY',
  'Remote',
  'Chicago, IL',
  'Seattle, WA',
  'London, UK',
  'Toronto, ON',
];

/** A JobSpy-layout CSV: realistic short postings, a multi-line quoted description, some salaries. */
function writeGeneratedCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(
    fd,
    'id,site,job_url,title,company,location,date_posted,job_type,interval,min_amount,max_amount,currency,is_remote,description\n',
  );
  let buffer = '';
  for (let i = 0; i < rows; i += 1) {
    const title = TITLES[i % TITLES.length]!;
    const skills = [SKILLS[i % 10], SKILLS[(i * 7 + 3) % 10], SKILLS[(i * 3 + 1) % 10]].join(', ');
    const salary =
      i % 3 === 0 ? ',,,' : `yearly,${90_000 + (i % 50) * 1000},${130_000 + (i % 50) * 1000},USD`;
    const description =
      `"${title} at Company ${i % 997}.\nWe need ${2 + (i % 8)}+ years of experience with ${skills}. ` +
      `${i % 4 === 0 ? 'This role is 100% remote.' : 'Hybrid, 3 days in office.'}"`;
    buffer +=
      `gen-${i},indeed,https://jobs.example.com/${i},${title},Company ${i % 997},"${CITIES[i % CITIES.length]}",` +
      `2026-11-${String(1 + (i % 27)).padStart(2, '0')},fulltime,${salary},${i % 4 === 0},${description}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

function sampleRss(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Milliseconds spent per kind of statement (the bench's view of the embedding loop). */
class StatementTimer {
  readonly ms = { reads: 0, writes: 0, index: 0 };
  wrap(database: Database): Database {
    const timed: SqlExecutor = {
      query: async (text, params) => {
        const started = performance.now();
        try {
          return await database.sql.query(text, params);
        } finally {
          const kind = /^\s*UPDATE/i.test(text)
            ? 'writes'
            : /^\s*(CREATE|DROP) INDEX/i.test(text)
              ? 'index'
              : 'reads';
          this.ms[kind] += performance.now() - started;
        }
      },
    };
    return Object.assign(Object.create(database) as Database, { sql: timed });
  }
}

function timedProvider(provider: EmbeddingProvider): EmbeddingProvider & { ms: number } {
  const timed = {
    modelId: provider.modelId,
    maxBatchSize: provider.maxBatchSize,
    ms: 0,
    async embed(texts: string[], purpose: Parameters<EmbeddingProvider['embed']>[1]) {
      const started = performance.now();
      try {
        return await provider.embed(texts, purpose);
      } finally {
        timed.ms += performance.now() - started;
      }
    },
  };
  return timed;
}

async function benchEngine(label: string, database: Database, dir: string): Promise<void> {
  const skills = loadSkillMatcher();
  const provider = await createLocalEmbeddingProvider();
  const baseline = process.memoryUsage().rss;
  console.log(`\n== ${label} (RSS with the database open, before importing: ${mb(baseline)})`);

  const run = async (name: string, file: string, platform: string, map?: string) => {
    const rss = sampleRss();
    const started = performance.now();
    const { batch } = await importJobs(
      { database, skills },
      {
        source: fs.createReadStream(file),
        fileName: path.basename(file),
        format: 'csv',
        platform,
        mapping: map ? parseColumnMapping(map) : undefined,
      },
    );
    const stored = performance.now() - started;
    const statements = new StatementTimer();
    const model = timedProvider(provider);
    const embedStarted = performance.now();
    const embedded = await embedMissing(statements.wrap(database), model, {
      table: 'job_postings',
      ...(process.env.BENCH_REBUILD_FROM ? { rebuildIndexFrom: Number(process.env.BENCH_REBUILD_FROM) } : {}),
    });
    const embedding = performance.now() - embedStarted;
    const total = performance.now() - started;
    rss.stop();
    const rows = batch.total_jobs ?? 0;
    const other = embedding - model.ms - statements.ms.writes - statements.ms.reads - statements.ms.index;
    console.log(
      `${name}: ${rows} rows (${batch.new_jobs} new, ${batch.updated_jobs} updated, ${batch.unchanged_jobs} unchanged, ` +
        `${batch.failed_jobs} failed), ${embedded.embedded} embedded, ${embedded.remaining} left without a vector`,
    );
    console.log(
      `  stages: parse+store ${secs(stored)} | embedding (local model) ${secs(model.ms)} | ` +
        `vector writes ${secs(statements.ms.writes)}${statements.ms.index > 0 ? '' : ' (HNSW maintained per row)'} | ` +
        `index maintenance ${statements.ms.index > 0 ? `(drop, build after the load) ${secs(statements.ms.index)}` : 'in the writes'} | ` +
        `reading rows to embed ${secs(statements.ms.reads)} | ` +
        `other ${secs(other)}`,
    );
    console.log(
      `  stored: ${Math.round(rows / (stored / 1000))} rows/s; embedded and matchable: ${secs(total)} = ` +
        `${Math.round(rows / (total / 1000))} rows/s; peak RSS ${mb(rss.peak())} (+${mb(rss.peak() - baseline)} over the open database)`,
    );
  };

  if (process.env.BENCH_ATS === '1') await run('open_jobs_ats.csv', ATS_FILE, 'ats', ATS_MAPPING);
  const generated = path.join(dir, 'generated.csv');
  writeGeneratedCsv(generated, ROWS);
  console.log(`generated ${ROWS} rows (${mb(fs.statSync(generated).size)})`);
  await run(`generated ${ROWS}`, generated, 'indeed');
}

async function onServer(url: string, dir: string): Promise<void> {
  await onScratchServerDatabase(url, { suffix: '_import', poolSize: 4 }, (database) =>
    benchEngine('a PostgreSQL server', database, dir),
  );
}

const engines = process.env.BENCH_ENGINES ?? 'embedded,server';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-import-'));
try {
  if (engines.includes('embedded')) {
    // Create and migrate in another process, then open here: the state of a data dir on every start after
    // the first (creating a PGlite cluster takes memory the process does not give back).
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
      env: { ...process.env, JOBMATCH_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
    try {
      await benchEngine('the embedded engine (PGlite)', database, dir);
    } finally {
      await database.close();
    }
  }
  if (engines.includes('server')) {
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (serverUrl) await onServer(serverUrl, dir);
    else console.log('(BENCH_DATABASE_URL unset: the PostgreSQL server run is skipped)');
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
