/**
 * Picks the postings of eval/skill-labels.json (eval/README.md): per source, descriptions of 400-2,200
 * characters ordered by SHA-1 of `skills:<source>:<row>`, the first 24; prints each with the extractor's
 * output, for labelling by hand (exact duplicates were then removed).
 *
 * Run: node --import tsx scripts/pick-skill-postings.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';

const m = loadSkillMatcher();
const src = [
  { name: 'adzuna', file: 'adzuna_uk_jobs.csv', title: 'job_title', col: 'job_description' },
  { name: 'glassdoor', file: 'glassdoor_ds_jobs.csv', title: 'Job Title', col: 'Job Description' },
];
const out: { source: string; title: string | undefined; text: string; found: string[] }[] = [];
for (const s of src) {
  const rows = parse(readFileSync(`../shared/data/jobs/${s.file}`), {
    columns: true,
    bom: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  const picked = rows
    .map((r, i) => ({ r, i, h: createHash('sha1').update(`skills:${s.name}:${i}`).digest('hex') }))
    .filter((x) => (x.r[s.col] ?? '').length >= 400 && (x.r[s.col] ?? '').length <= 2200)
    .sort((a, b) => a.h.localeCompare(b.h))
    .slice(0, 24);
  for (const p of picked)
    out.push({
      source: `${s.name}:record ${p.i}`,
      title: p.r[s.title],
      text: p.r[s.col] ?? '',
      found: m.extract(`${p.r[s.title]}\n${p.r[s.col]}`),
    });
}
for (const o of out)
  console.log(
    `\n=== ${o.source} | ${o.title}\n${o.text.replace(/\s+/g, ' ')}\n>>> ${JSON.stringify(o.found)}`,
  );
