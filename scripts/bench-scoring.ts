/**
 * Micro benchmark of candidate-job scoring: 1,000 synthetic candidates x 100 jobs with 768-d embeddings,
 * scored by `scoreMatrix` with reasons built for pairs at or above the floor. Deterministic data (seeded).
 *
 *   npx tsx scripts/bench-scoring.ts [reasonsFloor=40]
 */

import {
  type CandidateFeatures,
  DEFAULT_SETTINGS,
  forEachScoredPair,
  type JobFeatures,
  prepareCandidate,
  prepareJob,
  type ScoredPair,
  scorePreparedMatrix,
} from '../src/domain/scoring/index.js';
import { seededRandom } from '../src/domain/seeded-random.js';

const CANDIDATES = 1_000;
const JOBS = 100;
const DIMENSIONS = 768;
const RUNS = 5;
const MODEL = 'local-glove-sif-v1';
const reasonsFloor = Number(process.argv[2] ?? 40);

const random = seededRandom(20261128);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const SKILLS = Array.from({ length: 200 }, (_, i) => `Skill${i}`);
const PLACES = [
  { city: 'Austin', region: 'TX', country: 'US' },
  { city: 'Dallas', region: 'TX', country: 'US' },
  { city: 'New York', region: 'NY', country: 'US' },
  { city: 'San Francisco', region: 'CA', country: 'US' },
  { city: 'London', region: 'England', country: 'GB' },
  { city: 'Bengaluru', region: 'Karnataka', country: 'IN' },
  { city: 'Toronto', region: 'ON', country: 'CA' },
];
const ARRANGEMENTS = ['remote', 'hybrid', 'onsite', null] as const;

/** Unit vectors sharing a common direction, so cosines spread like real ones (~0.1-0.6). */
const shared = Float32Array.from({ length: DIMENSIONS }, () => random() - 0.5);
function embedding(): Float32Array {
  const v = new Float32Array(DIMENSIONS);
  let sum = 0;
  for (let i = 0; i < DIMENSIONS; i++) {
    v[i] = shared[i]! * 0.8 + (random() - 0.5);
    sum += v[i]! * v[i]!;
  }
  const norm = Math.sqrt(sum);
  for (let i = 0; i < DIMENSIONS; i++) v[i] = v[i]! / norm;
  return v;
}

function sample(count: number): string[] {
  const out = new Set<string>();
  // Skills cluster: most picks come from the first 60, as real postings share common skills.
  while (out.size < count) out.add(random() < 0.7 ? SKILLS[integer(0, 59)]! : pick(SKILLS));
  return [...out];
}

const jobs: JobFeatures[] = Array.from({ length: JOBS }, (_, id) => {
  const skills = sample(integer(6, 15));
  const place = pick(PLACES);
  const min = integer(50, 160) * 1000;
  const experienceMin = integer(0, 8);
  return {
    id,
    title: `Job ${id}`,
    skills,
    requiredSkills: skills.slice(0, 3),
    experience_min: experienceMin,
    experience_max: random() < 0.5 ? experienceMin + integer(2, 5) : null,
    is_remote: false,
    work_arrangement: pick(ARRANGEMENTS),
    location_city: place.city,
    location_region: place.region,
    location_country: place.country,
    salary_min_annual: min,
    salary_max_annual: min + integer(10, 40) * 1000,
    salary_currency: random() < 0.9 ? 'USD' : 'GBP',
    embedding: embedding(),
    embedding_model: MODEL,
  };
});

const candidates: CandidateFeatures[] = Array.from({ length: CANDIDATES }, (_, id) => ({
  id,
  skills: sample(integer(5, 25)),
  total_experience_years: integer(0, 20),
  location: pick(PLACES),
  preferred_locations: random() < 0.3 ? [{ ...pick(PLACES), is_remote: false }] : [],
  open_to_remote: random() < 0.6,
  expected_salary: { min_annual: integer(60, 200) * 1000, max_annual: null, currency: 'USD', raw: null },
  embedding: embedding(),
  embedding_model: MODEL,
}));

const pairs = CANDIDATES * JOBS;
const start = performance.now();
const preparedCandidates = candidates.map((candidate) => prepareCandidate(candidate));
const preparedJobs = jobs.map((job) => prepareJob(job));
const prepareMs = performance.now() - start;

function measure(label: string, run: () => number): void {
  const timings: number[] = [];
  let kept = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    kept = run();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const perPair = (ms: number): string => ((ms * 1000) / pairs).toFixed(2);
  console.log(
    `${label}: ${kept} pairs kept; median ${timings[Math.floor(RUNS / 2)]!.toFixed(0)} ms = ${perPair(timings[Math.floor(RUNS / 2)]!)} µs/pair, best ${perPair(timings[0]!)} µs/pair`,
  );
}

console.log(
  `pairs: ${pairs} (${CANDIDATES} candidates x ${JOBS} jobs, ${DIMENSIONS}-d embeddings), reasonsFloor ${reasonsFloor}`,
);
console.log(`prepare: ${prepareMs.toFixed(1)} ms (${CANDIDATES + JOBS} entities)`);
measure(
  'scorePreparedMatrix (all kept pairs held in memory)',
  () => scorePreparedMatrix(preparedCandidates, preparedJobs, DEFAULT_SETTINGS, { reasonsFloor }).length,
);
measure('forEachScoredPair (pairs streamed, batches of 1,000 dropped)', () => {
  let kept = 0;
  let batch: ScoredPair[] = [];
  forEachScoredPair(preparedCandidates, preparedJobs, DEFAULT_SETTINGS, { reasonsFloor }, (pair) => {
    batch.push(pair);
    kept++;
    if (batch.length === 1000) batch = [];
  });
  return kept;
});
