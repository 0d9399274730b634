/**
 * npm run eval:match — ranking quality of Jobmatch's match_score on a labelled set, beside two BM25
 * baselines, on a tuning half and a held-out half of the resumes (split fixed in scripts/match-set.ts).
 *
 * Set: eval/match-set.json (44 resumes from ../shared/data/resumes/dataturks_resumes_ner.jsonl x 156
 * postings from adzuna_uk_jobs.csv and glassdoor_ds_jobs.csv), grades 0-2 in eval/match-judgments.json.
 *
 * Candidates are built as a recruiter would enter them from the resume: current title = the Designation
 * span, skills = the Skills spans as pasted (split on commas, as the web form does, then through the same
 * skill input path as the API), years = the Years of Experience span. Location and salary are unknown (the
 * resumes are Indian, the postings British and American; location was not judged). Postings go through the
 * import normalizer with the README's column mappings.
 *
 * Jobmatch scores with the committed skill specificity table (assets/skill-specificity.json), as matching does.
 *
 * Metrics per resume, averaged per split: NDCG@10 (gain 2^grade - 1), P@5 (share of the top 5 graded >= 1)
 * and P@5 strict (graded 2). Baselines rank by BM25 of the query (Designation + Skills text as pasted) over
 * the posting's title + extracted skills, and over its title + full description.
 *
 * `--detail` prints per-resume rows of the TUNING half only: the held-out half is reported as means.
 * `--tuning-only` leaves the held-out half out entirely (use it while changing the scoring).
 * `--explain ID` prints, for one TUNING resume, Jobmatch's top 10 and the relevant postings it ranks lower,
 * with their components (held-out ids are refused).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { candidateSkillList } from '../src/candidates/candidate-skills.js';
import { parseExperience } from '../src/domain/experience.js';
import { applyMapping, parseColumnMapping } from '../src/domain/jobs/column-mapping.js';
import { normalizeJobRecord } from '../src/domain/jobs/normalize-job.js';
import {
  type CandidateFeatures,
  DEFAULT_SETTINGS,
  type JobFeatures,
  type SkillSpecificity,
  scoreMatch,
  type WorkArrangement,
} from '../src/domain/scoring/index.js';
import { candidateEmbeddingText, jobEmbeddingText, stripHtml } from '../src/embeddings/embedding-text.js';
import { createLocalEmbeddingProvider } from '../src/embeddings/local-provider.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { loadSkillSpecificity } from '../src/skills/skill-specificity.loader.js';
import { bm25Index } from './bm25.js';
import { type Grade, IMPORT_MAPPINGS, loadJudgments, loadMatchSet, splitOf } from './match-set.js';

const DATA = path.resolve(process.cwd(), '../shared/data');
const NDCG_K = 10;
const P_K = 5;

interface Annotation {
  label: string | string[];
  text?: string;
  points?: { text: string }[];
}
interface Resume {
  content: string;
  annotation: Annotation[] | null;
}

function spans(resume: Resume, label: string): string[] {
  return (resume.annotation ?? [])
    .filter((a) => (Array.isArray(a.label) ? a.label.includes(label) : a.label === label))
    .map((a) => (a.points ? a.points.map((p) => p.text).join(' ') : (a.text ?? '')).trim())
    .filter((text) => text !== '');
}

function ndcgAt(ranked: readonly number[], allGrades: readonly number[], k: number): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  const ideal = [...allGrades]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

function precisionAt(ranked: readonly Grade[], k: number, minGrade: Grade): number {
  return ranked.slice(0, k).filter((grade) => grade >= minGrade).length / k;
}

/** Grades in the order of descending score; ties by posting order, so runs are repeatable. */
function rankedGrades(scores: readonly number[], grades: readonly Grade[]): Grade[] {
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index }) => grades[index]!);
}

const SYSTEMS = ['jobmatch', 'bm25 title+skills', 'bm25 full text'] as const;
type System = (typeof SYSTEMS)[number];

function explain(
  candidate: CandidateFeatures,
  candidateSkills: readonly string[],
  jobs: readonly JobFeatures[],
  grades: readonly Grade[],
  scores: readonly number[],
  specificity: SkillSpecificity,
): void {
  console.log(`resume ${candidate.id}: ${candidate.current_title ?? '-'} | ${candidateSkills.join(', ')}`);
  const order = scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  order.forEach(({ score, index }, rank) => {
    if (rank >= NDCG_K && grades[index] === 0) return;
    const job = jobs[index]!;
    const m = scoreMatch(candidate, job, DEFAULT_SETTINGS, specificity);
    const parts = [m.skill_match_score, m.semantic_similarity, m.experience_match_score]
      .map((v) => (v === null ? '-' : v.toFixed(0)))
      .join('/');
    console.log(
      `${String(rank + 1).padStart(3)} g${grades[index]} ${score.toFixed(1).padStart(5)} [${parts}] ${job.title} | ${m.matched_skills.join(',')} || ${m.missing_skills.join(',')}`,
    );
  });
}

async function main(): Promise<void> {
  const detail = process.argv.includes('--detail');
  const specificity = loadSkillSpecificity();
  const explainAt = process.argv.indexOf('--explain');
  const explainId = explainAt < 0 ? null : Number(process.argv[explainAt + 1]);
  if (explainId !== null && splitOf(explainId) !== 'tuning') {
    throw new Error(`--explain ${explainId}: only tuning resumes may be explained`);
  }
  const skills = loadSkillMatcher();
  const provider = await createLocalEmbeddingProvider();
  const set = loadMatchSet();
  const judgments = loadJudgments();
  const resumes = fs
    .readFileSync(path.join(DATA, 'resumes/dataturks_resumes_ner.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Resume);
  const sources = new Map<string, Record<string, string>[]>();
  for (const source of new Set(set.postings.map((p) => p.source))) {
    sources.set(source, parse(fs.readFileSync(path.join(DATA, 'jobs', source)), { columns: true }));
  }

  const normalized = set.postings.map((posting) => {
    const { platform, map } = IMPORT_MAPPINGS[posting.source]!;
    const record = applyMapping(sources.get(posting.source)![posting.row]!, parseColumnMapping(map));
    const result = normalizeJobRecord(record, { platform, skills });
    if (!result.ok) throw new Error(`${posting.source} row ${posting.row}: ${JSON.stringify(result.errors)}`);
    return { key: `${posting.source}:${posting.row}`, job: result.job };
  });
  const jobVectors = await provider.embed(
    normalized.map(({ job }) =>
      jobEmbeddingText({ title: job.title, skills: job.skills, description: job.description }),
    ),
    'document',
  );
  const jobs: JobFeatures[] = normalized.map(({ job }, i) => ({
    id: i,
    title: job.title,
    skills: job.skills,
    experience_min: job.experience_min,
    experience_max: job.experience_max,
    is_remote: job.is_remote,
    work_arrangement: job.work_arrangement as WorkArrangement | null,
    location_city: job.location_city,
    location_region: job.location_region,
    location_country: job.location_country,
    salary_min_annual: job.salary_min_annual,
    salary_max_annual: job.salary_max_annual,
    salary_currency: job.salary_currency,
    salary_range: job.salary_range,
    employment_type: job.employment_type,
    embedding: jobVectors[i]!,
    embedding_model: provider.modelId,
  }));
  const titleSkills = bm25Index(normalized.map(({ job }) => `${job.title}\n${job.skills.join(', ')}`));
  const fullText = bm25Index(
    normalized.map(({ job }) => `${job.title}\n${stripHtml(job.description ?? '')}`),
  );

  type Row = Record<System, { ndcg: number; p: number; strict: number }>;
  const rows: { id: number; split: string; profile: string; result: Row; storable: number[][] }[] = [];
  for (const labelled of set.resumes) {
    const resume = resumes[labelled.id]!;
    const designation = spans(resume, 'Designation')[0] ?? null;
    const skillText = spans(resume, 'Skills').join('\n');
    const years = parseExperience(
      `${spans(resume, 'Years of Experience')[0] ?? ''} of experience`,
    ).experience_min;
    const pasted = skillText.split(',');
    const candidateSkills = candidateSkillList(skills, pasted);
    const [vector] = await provider.embed(
      [
        candidateEmbeddingText({
          current_title: designation,
          skills: candidateSkills,
          professional_summary: skillText,
        }),
      ],
      'document',
    );
    const candidate: CandidateFeatures = {
      id: labelled.id,
      skills: candidateSkills,
      total_experience_years: years,
      current_title: designation,
      location: null,
      preferred_locations: [],
      open_to_remote: true,
      expected_salary: null,
      embedding: vector!,
      embedding_model: provider.modelId,
    };
    const grades = normalized.map(({ key }) => judgments.get(labelled.id)?.get(key) ?? 0);
    const query = `${designation ?? ''}\n${skillText}`;
    const scores: Record<System, number[]> = {
      jobmatch: jobs.map((job) => scoreMatch(candidate, job, DEFAULT_SETTINGS, specificity).match_score),
      'bm25 title+skills': titleSkills.score(query),
      'bm25 full text': fullText.score(query),
    };
    // storable[grade] = [pairs, of which storable]
    const storable = [0, 1, 2].map(() => [0, 0]);
    jobs.forEach((job, i) => {
      const cell = storable[grades[i]!]!;
      cell[0]!++;
      if (scoreMatch(candidate, job, DEFAULT_SETTINGS, specificity).is_storable) cell[1]!++;
    });
    if (labelled.id === explainId)
      explain(candidate, candidateSkills, jobs, grades, scores.jobmatch, specificity);
    const result = {} as Row;
    for (const system of SYSTEMS) {
      const ranked = rankedGrades(scores[system], grades);
      result[system] = {
        ndcg: ndcgAt(ranked, grades, NDCG_K),
        p: precisionAt(ranked, P_K, 1),
        strict: precisionAt(ranked, P_K, 2),
      };
    }
    rows.push({ id: labelled.id, split: splitOf(labelled.id), profile: labelled.profile, result, storable });
  }

  console.log(
    `${set.resumes.length} resumes x ${set.postings.length} postings, grades 0-2; NDCG@${NDCG_K}, P@${P_K} (grade >= 1), P@${P_K} strict (grade 2)`,
  );
  const splits = process.argv.includes('--tuning-only')
    ? (['tuning'] as const)
    : (['tuning', 'held-out'] as const);
  for (const split of splits) {
    const inSplit = rows.filter((row) => row.split === split);
    console.log(`\n${split} (${inSplit.length} resumes)`);
    console.log(`${'system'.padEnd(20)}  NDCG@${NDCG_K}  P@${P_K}   P@${P_K} strict`);
    for (const system of SYSTEMS) {
      const mean = (pick: (r: Row[System]) => number) =>
        (inSplit.reduce((sum, row) => sum + pick(row.result[system]), 0) / inSplit.length).toFixed(3);
      console.log(
        `${system.padEnd(20)}  ${mean((r) => r.ndcg).padStart(7)}  ${mean((r) => r.p)}  ${mean((r) => r.strict).padStart(8)}`,
      );
    }
    const share = (grade: number) => {
      const [pairs, kept] = inSplit.reduce(
        ([p, k], row) => [p + row.storable[grade]![0]!, k + row.storable[grade]![1]!],
        [0, 0],
      );
      return `${kept}/${pairs} (${((100 * kept) / (pairs || 1)).toFixed(0)}%)`;
    };
    console.log(
      `storable (positive evidence of fit): grade 2 ${share(2)}, grade 1 ${share(1)}, grade 0 ${share(0)}`,
    );
  }
  if (detail) {
    console.log('\ntuning resumes: NDCG@10 jobmatch / bm25 title+skills / bm25 full text');
    for (const row of rows.filter((r) => r.split === 'tuning')) {
      const cells = SYSTEMS.map((system) => row.result[system].ndcg.toFixed(2)).join('  ');
      console.log(`${String(row.id).padStart(4)}  ${cells}  ${row.profile}`);
    }
  }
}

await main();
