import pg from 'pg';
import { migrate } from '../src/db/migrator.js';
import { openPg } from '../src/db/pg-database.js';
import { openPglite } from '../src/db/pglite-database.js';
import { matchWriter, type ScoredMatchRow } from '../src/db/repositories/candidate-job-match.repository.js';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const url = 'postgres://postgres@127.0.0.1:55432/postgres';
async function open(engine: string) {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h-perf-exp-'));
    return openPglite({ dataDir: path.join(dir, 'pglite') });
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS h_perf_exp WITH (FORCE)');
  await admin.query('CREATE DATABASE h_perf_exp');
  await admin.end();
  return openPg(url.replace(/postgres$/, 'h_perf_exp'), { poolSize: 4 });
}
const engine = process.argv[2] ?? 'server';
const db = await open(engine);
await migrate(db);
if (process.env.DROP_SCORE) await db.sql.query('DROP INDEX idx_candidate_job_matches_score');
if (process.env.DROP_JOB) await db.sql.query('DROP INDEX idx_candidate_job_matches_job');
const { rows: t } = await db.sql.query<{ id: number }>(`INSERT INTO tenants (name, slug) VALUES ('x','x') RETURNING id`);
const { rows: cands } = await db.sql.query<{ id: number }>(
  `INSERT INTO candidates (tenant_id, first_name, last_name, email, status) SELECT $1, 'a', 'b', 'c', 'approved' FROM generate_series(1,1000) RETURNING id`, [t[0]!.id]);
const { rows: jobs } = await db.sql.query<{ id: number }>(
  `INSERT INTO job_postings (platform, external_job_id, title) SELECT 'x', 'j' || g, 'T' FROM generate_series(1,100) g RETURNING id`);
const rowsOf = (cs: {id:number}[]) => cs.flatMap((c) => jobs.slice(0, 50).map((j) => ({
  candidate_id: c.id, job_posting_id: j.id, match_score: 40 + ((c.id * 7 + j.id * 13) % 60), skill_match_score: 50,
  experience_match_score: 60, location_match_score: 70, salary_match_score: null, semantic_similarity: 55.5,
  matched_skills: ['Python', 'SQL', 'AWS'], missing_skills: ['Kafka', 'Spark'], is_recommended: false, scoring_version: 'v1',
}) as ScoredMatchRow));
const chunk = 125;
let at = performance.now();
let cpu = process.cpuUsage();
const cpuMs = () => { const c = process.cpuUsage(cpu); cpu = process.cpuUsage(); return Math.round((c.user + c.system) / 1000); };
for (let s = 0; s < cands.length; s += chunk) {
  const cs = cands.slice(s, s + chunk);
  await db.transaction((tx) => matchWriter(tx).mergeBest(cs.map((c) => c.id), jobs.map((j) => j.id), rowsOf(cs), new Set(), { floor: 40, bestN: 50 }));
}
console.log(engine, 'mergeBest 50k rows', Math.round(performance.now() - at), 'ms', 'cpu', cpuMs(), os.loadavg()[0]);
await db.sql.query('DELETE FROM candidate_job_matches');
at = performance.now(); cpuMs();
for (let s = 0; s < cands.length; s += chunk) {
  const cs = cands.slice(s, s + chunk);
  await db.transaction((tx) => matchWriter(tx).upsert(rowsOf(cs)));
}
console.log(engine, 'upsert 50k rows', Math.round(performance.now() - at), 'ms', 'cpu', cpuMs(), os.loadavg()[0]);
at = performance.now(); cpuMs();
for (let s = 0; s < cands.length; s += chunk) {
  const cs = cands.slice(s, s + chunk);
  await db.transaction((tx) => matchWriter(tx).mergeBest(cs.map((c) => c.id), jobs.map((j) => j.id), rowsOf(cs), new Set(), { floor: 40, bestN: 50 }));
}
console.log(engine, 'mergeBest again (unchanged) 50k rows', Math.round(performance.now() - at), 'ms', 'cpu', cpuMs(), os.loadavg()[0]);
await db.close();
