/**
 * Writes assets/skill-specificity.json: in how many postings each dictionary skill is found, over every
 * Adzuna UK and Glassdoor posting of ../shared/data/jobs (read with the README's import mappings, skills
 * extracted by the import normalizer). Only the postings' text is read, never a label. Re-run after the skill
 * dictionary changes, and bump SCORING_VERSION with the new table:
 *   node --import tsx scripts/build-skill-specificity.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { applyMapping, parseColumnMapping } from '../src/domain/jobs/column-mapping.js';
import { normalizeJobRecord } from '../src/domain/jobs/normalize-job.js';
import { skillSpecificity, specificityToFile } from '../src/domain/scoring/skill-specificity.js';
import { loadSkillEntries, loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { IMPORT_MAPPINGS } from './match-set.js';

const DATA = path.resolve(process.cwd(), '../shared/data/jobs');
const OUT = path.resolve(process.cwd(), 'assets/skill-specificity.json');

const skills = loadSkillMatcher();
const postings: { title: string; skills: string[] }[] = [];
for (const [file, { platform, map }] of Object.entries(IMPORT_MAPPINGS)) {
  const rows = parse(fs.readFileSync(path.join(DATA, file)), { columns: true }) as Record<string, string>[];
  const mapping = parseColumnMapping(map);
  let kept = 0;
  for (const row of rows) {
    const result = normalizeJobRecord(applyMapping(row, mapping), { platform, skills });
    if (!result.ok) continue;
    postings.push({ title: result.job.title, skills: result.job.skills });
    kept++;
  }
  console.log(`${file}: ${kept} of ${rows.length} postings`);
}
const rows = (list: [string, string | number][]) => list.map((row) => JSON.stringify(row)).join(',\n');
const categories = new Map(
  loadSkillEntries().flatMap((entry) => (entry.category ? [[entry.name, entry.category] as const] : [])),
);
const table = specificityToFile(skillSpecificity(postings, categories));
fs.writeFileSync(
  OUT,
  `{"source": "scripts/build-skill-specificity.ts over ../shared/data/jobs (Adzuna UK, Glassdoor)",\n"documents": ${table.documents},\n"frequency": [\n${rows(table.frequency)}\n],\n"titleFrequency": [\n${rows(table.titleFrequency)}\n],\n"category": [\n${rows(table.category)}\n],\n"categoryFrequency": [\n${rows(table.categoryFrequency)}\n]}\n`,
);
console.log(`${table.documents} postings, ${table.frequency.length} skills -> ${OUT}`);
