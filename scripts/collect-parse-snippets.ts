/**
 * Lists unlabelled snippets of real postings for growing the TUNE split of eval/salary-labels.json and
 * eval/experience-labels.json (eval/README.md, "Tune additions"). Prints JSON lines
 * `{ text, source }` for mentions not already labelled, in a fixed shuffled order.
 *
 * Run: node --import tsx scripts/collect-parse-snippets.ts salary|pay-words|experience [limit]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, '../shared/data/jobs');

const SOURCES = [
  { name: 'adzuna', file: 'adzuna_uk_jobs.csv', column: 'job_description' },
  { name: 'glassdoor', file: 'glassdoor_ds_jobs.csv', column: 'Job Description' },
] as const;

/** Money written with the number first ("50 000 PLN", "18.50 per hour", "70k EUR"): shapes the first set lacked. */
const SALARY_MENTION_RE =
  /(?:[£$€₹]\s?\d|\b\d[\d,.\s]*\s?(?:k\b|K\b)?\s?(?:GBP|USD|EUR|PLN|pounds?|euros?|dollars?)\b|\b\d[\d,.]*\s*(?:per|an?|\/)\s*(?:hour|hr|day|annum|year|month|week)\b)/g;
const EXPERIENCE_MENTION_RE =
  /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?|months?)\b/gi;

function snippetAround(text: string, index: number): string {
  const start = Math.max(0, index - 70);
  const end = Math.min(text.length, index + 90);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function order(text: string): string {
  return createHash('sha1').update(`collect:${text}`).digest('hex');
}

/** Pay words near a digit ("Compensation: 165,000-185,000", "rate of 45/hr"): amounts written without a currency. */
const PAY_WORD_MENTION_RE =
  /\b(?:salary|compensation|pay(?:\s+range)?|rate|wage|hourly|per\s+hour|OTE|package)\b[^.\n]{0,30}?\d/gi;

const mode = process.argv[2] ?? 'salary';
const kind = mode === 'experience' ? 'experience' : 'salary';
const limit = Number(process.argv[3] ?? 100);
const labelled = JSON.parse(readFileSync(path.join(root, 'eval', `${kind}-labels.json`), 'utf8')) as {
  text: string;
  source: string;
}[];
const known = new Set(labelled.map((l) => l.source));
const knownTexts = labelled.map((l) => l.text);
const mention =
  mode === 'pay-words' ? PAY_WORD_MENTION_RE : kind === 'salary' ? SALARY_MENTION_RE : EXPERIENCE_MENTION_RE;

const found = new Map<string, string>();
for (const source of SOURCES) {
  const rows = parse(readFileSync(path.join(dataDir, source.file)), {
    columns: true,
    bom: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  rows.forEach((row, index) => {
    const text = row[source.column] ?? '';
    const where = `${source.name}:${source.column}:record ${index}`;
    for (const match of text.matchAll(mention)) {
      const snippet = snippetAround(text, match.index);
      if (
        known.has(where) &&
        knownTexts.some((t) => t.includes(match[0]) && snippet.includes(t.slice(20, 60)))
      ) {
        continue;
      }
      if (knownTexts.some((t) => t.includes(snippet.slice(30, 90)))) continue;
      if (!found.has(snippet)) found.set(snippet, where);
    }
  });
}
const picked = [...found.entries()].sort((a, b) => order(a[0]).localeCompare(order(b[0]))).slice(0, limit);
for (const [text, source] of picked) console.log(JSON.stringify({ text, source }));
