/**
 * Precision and recall of posting skill extraction on hand-labelled postings (eval/skill-labels.json: 44
 * postings of ../shared/data/jobs, how they were picked and labelled in eval/README.md). The text is the
 * title and the description, as the import reads them (`normalizeJobRecord` extracts from title,
 * requirements and description).
 *
 * Micro-averaged per split: precision over extracted skills; recall over the labelled skills the dictionary
 * knows (what the matcher can find) and over all labelled skills (dictionary coverage included).
 *
 * Run: npm run eval:skills            (add --misses for tune false positives and misses,
 *                                      --held-out-misses for the held-out split once the work is done)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stripHtml } from '../src/domain/keywords.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, '../shared/data/jobs');

type Split = 'tune' | 'held-out';
interface SkillLabel {
  source: string;
  split: Split;
  skills: string[];
  reason: string;
}

const SOURCES: Record<string, { file: string; title: string; description: string }> = {
  adzuna: { file: 'adzuna_uk_jobs.csv', title: 'job_title', description: 'job_description' },
  glassdoor: { file: 'glassdoor_ds_jobs.csv', title: 'Job Title', description: 'Job Description' },
};

const rowsBySource = new Map<string, Record<string, string>[]>();
function rowOf(source: string): { title: string; description: string } {
  const [name = '', record = ''] = source.split(':record ');
  const spec = SOURCES[name];
  if (!spec) throw new Error(`unknown source ${source}`);
  let rows = rowsBySource.get(name);
  if (!rows) {
    rows = parse(readFileSync(path.join(dataDir, spec.file)), {
      columns: true,
      bom: true,
      relax_quotes: true,
    }) as Record<string, string>[];
    rowsBySource.set(name, rows);
  }
  const row = rows[Number(record)];
  if (!row) throw new Error(`missing ${source}`);
  return { title: row[spec.title] ?? '', description: row[spec.description] ?? '' };
}

const matcher = loadSkillMatcher();
const labels = JSON.parse(readFileSync(path.join(root, 'eval/skill-labels.json'), 'utf8')) as SkillLabel[];
const showMisses = new Set<Split>();
if (process.argv.includes('--misses')) showMisses.add('tune');
if (process.argv.includes('--held-out-misses')) showMisses.add('held-out');

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} % (${a}/${b})`);

for (const split of ['tune', 'held-out'] as const) {
  let truePositives = 0;
  let extracted = 0;
  let labelled = 0;
  let known = 0;
  let knownFound = 0;
  const misses: string[] = [];
  for (const label of labels.filter((l) => l.split === split)) {
    const { title, description } = rowOf(label.source);
    const found = new Set(matcher.extract(`${title}\n${stripHtml(description)}`));
    const gold = new Set(label.skills);
    const knownGold = [...gold].filter((s) => matcher.canonicalize(s) === s);
    const hits = [...found].filter((s) => gold.has(s));
    truePositives += hits.length;
    extracted += found.size;
    labelled += gold.size;
    known += knownGold.length;
    knownFound += knownGold.filter((s) => found.has(s)).length;
    const falsePositives = [...found].filter((s) => !gold.has(s));
    const missed = knownGold.filter((s) => !found.has(s));
    if (falsePositives.length + missed.length > 0) {
      misses.push(
        `    ${label.source}: false ${JSON.stringify(falsePositives)} missed ${JSON.stringify(missed)}`,
      );
    }
  }
  console.log(
    `${split.padEnd(9)} precision ${pct(truePositives, extracted)}   recall (dictionary skills) ${pct(knownFound, known)}   recall (all labelled) ${pct(truePositives, labelled)}`,
  );
  if (showMisses.has(split)) console.log(misses.join('\n'));
}
