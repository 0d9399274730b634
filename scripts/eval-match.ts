/**
 * npm run eval:match — ranking quality of Jobmatch's scores against hand-made judgments
 * (scripts/match-judgments.ts), beside a plain keyword-overlap baseline.
 *
 * For each judged resume, the postings of the pool are ranked by (a) Jobmatch's match_score with the default
 * settings and the local embedding model, and (b) the Jaccard overlap of the resume's words with the
 * posting's words. NDCG@10 (gain 2^grade - 1) is computed per resume and averaged.
 *
 * Candidate features come from the resume's labelled spans: Skills (canonicalized with the skill dictionary),
 * Designation (embedding text), Years of Experience. Location and salary are left unknown (neutral), as they
 * were not judged. Postings are parsed as ingestion does: skills from title and description, experience from
 * the description, annual salary from the min/max columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseExperience } from '../src/domain/experience.js';
import { parseLocation } from '../src/domain/location.js';
import { salaryFromAmounts } from '../src/domain/salary.js';
import {
  type CandidateFeatures,
  DEFAULT_SETTINGS,
  type JobFeatures,
  scoreMatch,
} from '../src/domain/scoring/index.js';
import { candidateEmbeddingText, jobEmbeddingText, stripHtml } from '../src/embeddings/embedding-text.js';
import { createLocalEmbeddingProvider } from '../src/embeddings/local-provider.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { JUDGED_POSTINGS, JUDGMENTS } from './match-judgments.js';

const DATA = path.resolve(process.cwd(), '../shared/data');
const K = 10;

interface Annotation {
  label: string;
  text: string;
}
interface Resume {
  content: string;
  annotation: Annotation[] | null;
}
type PostingRow = Record<string, string>;

function spans(resume: Resume, label: string): string[] {
  return (resume.annotation ?? []).filter((a) => a.label === label).map((a) => a.text.trim());
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z][a-z0-9+#.]{2,}/g) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function ndcgAt(ranked: readonly number[], grades: ReadonlyMap<number, number>, k: number): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, i) => sum + gain(grades.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

async function main(): Promise<void> {
  const skills = loadSkillMatcher();
  const provider = await createLocalEmbeddingProvider();
  const resumes = fs
    .readFileSync(path.join(DATA, 'resumes/dataturks_resumes_ner.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Resume);
  const postingRows = parse(fs.readFileSync(path.join(DATA, 'jobs/adzuna_uk_jobs.csv')), {
    columns: true,
  }) as PostingRow[];

  const postings = JUDGED_POSTINGS.map((row) => {
    const p = postingRows[row]!;
    const description = stripHtml(p.job_description ?? '');
    const jobSkills = skills.extract(`${p.job_title}\n${description}`);
    const experience = parseExperience(description);
    const salary = salaryFromAmounts({
      min: p.job_min_salary,
      max: p.job_max_salary,
      currency: 'GBP',
      interval: p.job_salary_period,
    });
    const place = parseLocation(p.location);
    return { row, title: p.job_title ?? '', description, skills: jobSkills, experience, salary, place };
  });
  const jobVectors = await provider.embed(
    postings.map((p) => jobEmbeddingText({ title: p.title, skills: p.skills, description: p.description })),
    'document',
  );
  const jobs: JobFeatures[] = postings.map((p, i) => ({
    id: p.row,
    title: p.title,
    skills: p.skills,
    experience_min: p.experience.experience_min,
    experience_max: p.experience.experience_max,
    is_remote: p.place.is_remote,
    work_arrangement: null,
    location_city: p.place.city,
    location_region: p.place.region,
    location_country: p.place.country,
    salary_min_annual: p.salary.salary_min_annual,
    salary_max_annual: p.salary.salary_max_annual,
    salary_currency: p.salary.salary_currency,
    embedding: jobVectors[i]!,
    embedding_model: provider.modelId,
  }));
  const postingWords = new Map(postings.map((p) => [p.row, words(`${p.title} ${p.description}`)]));

  let jobmatchTotal = 0;
  let baselineTotal = 0;
  console.log(
    `NDCG@${K} over ${JUDGMENTS.length} resumes x ${JUDGED_POSTINGS.length} postings (hand-judged, 0-3)`,
  );
  console.log('resume  jobmatch  keyword  profile');
  for (const judged of JUDGMENTS) {
    const resume = resumes[judged.resume]!;
    const designation = spans(resume, 'Designation')[0] ?? null;
    const skillText = spans(resume, 'Skills').join('\n');
    const years = parseExperience(
      `${spans(resume, 'Years of Experience')[0] ?? ''} of experience`,
    ).experience_min;
    const candidateSkills = skills.extract(skillText);
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
      id: judged.resume,
      skills: candidateSkills,
      total_experience_years: years,
      location: null,
      preferred_locations: [],
      open_to_remote: true,
      expected_salary: null,
      embedding: vector!,
      embedding_model: provider.modelId,
    };
    const grades = new Map<number, number>(JUDGED_POSTINGS.map((row) => [row, judged.grades[row]?.[0] ?? 0]));
    const byScore = jobs
      .map((job) => ({ id: job.id, score: scoreMatch(candidate, job, DEFAULT_SETTINGS).match_score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .map((s) => s.id);
    const resumeWords = words(resume.content);
    const byOverlap = JUDGED_POSTINGS.map((row) => ({
      id: row,
      score: jaccard(resumeWords, postingWords.get(row)!),
    }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .map((s) => s.id);
    const jobmatch = ndcgAt(byScore, grades, K);
    const baseline = ndcgAt(byOverlap, grades, K);
    jobmatchTotal += jobmatch;
    baselineTotal += baseline;
    console.log(
      `${String(judged.resume).padStart(6)}  ${jobmatch.toFixed(3).padStart(8)}  ${baseline.toFixed(3).padStart(7)}  ${judged.profile}`,
    );
  }
  console.log(
    `mean    ${(jobmatchTotal / JUDGMENTS.length).toFixed(3).padStart(8)}  ${(baselineTotal / JUDGMENTS.length).toFixed(3).padStart(7)}`,
  );
}

await main();
