/**
 * npm run bench:import — job import throughput and memory on the embedded engine (embeddings excluded).
 * Imports ../shared/data/jobs/open_jobs_ats.csv (15,918 rows) and a generated 200,000-row JobSpy CSV into a
 * fresh on-disk PGlite, and prints rows/s and peak RSS. Set BENCH_ROWS to change the generated size.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../src/db/pglite-database.js';
import { parseColumnMapping } from '../src/domain/jobs/column-mapping.js';
import { importJobs } from '../src/ingestion/import-jobs.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-import-'));
try {
  // Create and migrate in another process, then open here: the state of a data dir on every start after
  // the first (creating a PGlite cluster takes memory the process does not give back).
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
    env: { ...process.env, JOBMATCH_DATA_DIR: dir, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
  const skills = loadSkillMatcher();
  const baseline = process.memoryUsage().rss;
  console.log(`RSS with the embedded database open, before importing: ${mb(baseline)}`);

  const run = async (label: string, file: string, platform: string, map?: string) => {
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
    const seconds = (performance.now() - started) / 1000;
    rss.stop();
    console.log(
      `${label}: ${batch.total_jobs} rows in ${seconds.toFixed(1)} s = ${Math.round((batch.total_jobs ?? 0) / seconds)} rows/s, ` +
        `peak RSS ${mb(rss.peak())} (+${mb(rss.peak() - baseline)} over the open database) (${batch.new_jobs} new, ${batch.updated_jobs} updated, ${batch.unchanged_jobs} unchanged, ${batch.failed_jobs} failed)`,
    );
  };

  await run('open_jobs_ats.csv', ATS_FILE, 'ats', ATS_MAPPING);
  const generated = path.join(dir, 'generated.csv');
  writeGeneratedCsv(generated, ROWS);
  console.log(`generated ${ROWS} rows (${mb(fs.statSync(generated).size)})`);
  await run(`generated ${ROWS}`, generated, 'indeed');
  await database.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
