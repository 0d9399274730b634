/**
 * Exact-match rates of the salary and experience parsers on hand-labelled snippets of real postings
 * (eval/salary-labels.json, eval/experience-labels.json, eval/location-labels.json; how they were collected, labelled and split:
 * eval/README.md). Rates are printed per split: `tune` may be looked at while fixing the parsers,
 * `held-out` is the measurement.
 *
 * Run: npm run eval:parse            (add --misses to list every miss of the tune split,
 *                                     --held-out-misses for the held-out split once the work is done)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExperience } from '../src/domain/experience.js';
import { type CountryEvidence, newCountryEvidence, parseLocationInFile } from '../src/domain/location.js';
import { parseWorkArrangement } from '../src/domain/remote.js';
import { parseSalary } from '../src/domain/salary.js';
import { placesNamed } from '../src/geo/gazetteer.js';

const evalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../eval');

type Split = 'tune' | 'held-out';

interface Labelled<T> {
  text: string;
  source: string;
  split: Split;
  expected: T | null;
}

interface SalaryLabel {
  min: number | null;
  max: number | null;
  period: string;
  currency: string;
}

interface ExperienceLabel {
  min: number | null;
  max: number | null;
}

function load<T>(file: string): Labelled<T>[] {
  return JSON.parse(readFileSync(path.join(evalDir, file), 'utf8')) as Labelled<T>[];
}

/** Yearly amounts may round to whole units; every other amount must be exact to the cent. */
function sameAmount(actual: number | null, expected: number | null, period: string | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return period === 'year'
    ? Math.round(actual) === Math.round(expected)
    : Math.abs(actual - expected) < 0.005;
}

function salaryOutcome(text: string): SalaryLabel | null {
  const parsed = parseSalary(text);
  if (parsed.salary_min === null && parsed.salary_max === null) return null;
  return {
    min: parsed.salary_min_exact ?? parsed.salary_min,
    max: parsed.salary_max_exact ?? parsed.salary_max,
    period: parsed.salary_period ?? 'null',
    currency: parsed.salary_currency ?? 'null',
  };
}

function salaryMatches(actual: SalaryLabel | null, expected: SalaryLabel | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return (
    actual.period === expected.period &&
    actual.currency === expected.currency &&
    sameAmount(actual.min, expected.min, expected.period) &&
    sameAmount(actual.max, expected.max, expected.period)
  );
}

function experienceOutcome(text: string): ExperienceLabel | null {
  const parsed = parseExperience(text);
  if (parsed.experience_min === null && parsed.experience_max === null) return null;
  return { min: parsed.experience_min, max: parsed.experience_max };
}

function experienceMatches(actual: ExperienceLabel | null, expected: ExperienceLabel | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return actual.min === expected.min && actual.max === expected.max;
}

interface LocationLabel {
  city: string | null;
  region: string | null;
  country: string | null;
  is_remote: boolean;
}

/**
 * The location columns an import stores for a location text (is_remote also from the arrangement words), with
 * the gazetteer, and each source file's labelled texts of one split read in order as the rows of one file.
 */
const fileCountries = new Map<string, CountryEvidence>();
function locationOutcome(text: string, labelled: Labelled<LocationLabel>): LocationLabel {
  const file = `${labelled.split}:${labelled.source.split(':')[0]}`;
  if (!fileCountries.has(file)) fileCountries.set(file, newCountryEvidence());
  const place = parseLocationInFile(text, placesNamed, fileCountries.get(file));
  const remote = parseWorkArrangement({ location: text }).is_remote || place.is_remote;
  return { city: place.city, region: place.region, country: place.country, is_remote: remote };
}

const placeName = (name: string | null): string | null =>
  name === null ? null : name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** City (ignoring case and accents), country and remote must match; the region only for US and Canada, where it is a code. */
function locationMatches(actual: LocationLabel | null, expected: LocationLabel | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  const coded = expected.country === 'US' || expected.country === 'CA';
  return (
    placeName(actual.city) === placeName(expected.city) &&
    actual.country === expected.country &&
    actual.is_remote === expected.is_remote &&
    (!coded || actual.region === expected.region)
  );
}

interface Report {
  name: string;
  rows: { split: Split; source: string; ok: boolean; text: string; expected: unknown; actual: unknown }[];
}

function evaluate<T>(
  name: string,
  cases: Labelled<T>[],
  run: (text: string, labelled: Labelled<T>) => T | null,
  matches: (a: T | null, e: T | null) => boolean,
): Report {
  return {
    name,
    rows: cases.map((c) => {
      const actual = run(c.text, c);
      return {
        split: c.split,
        source: c.source.split(':')[0] ?? c.source,
        ok: matches(actual, c.expected),
        text: c.text,
        expected: c.expected,
        actual,
      };
    }),
  };
}

function rate(rows: Report['rows']): string {
  const ok = rows.filter((r) => r.ok).length;
  return `${((100 * ok) / Math.max(rows.length, 1)).toFixed(1)} % (${ok}/${rows.length})`;
}

function print(report: Report, showMisses: ReadonlySet<Split>): void {
  console.log(`\n${report.name}`);
  for (const split of ['tune', 'held-out'] as const) {
    const rows = report.rows.filter((r) => r.split === split);
    const bySource = [...new Set(rows.map((r) => r.source))]
      .map((source) => `${source} ${rate(rows.filter((r) => r.source === source))}`)
      .join(', ');
    console.log(`  ${split.padEnd(9)} exact ${rate(rows)}   [${bySource}]`);
  }
  for (const row of report.rows) {
    if (row.ok || !showMisses.has(row.split)) continue;
    console.log(
      `    MISS (${row.split}) ${JSON.stringify(row.text.slice(0, 160))}\n      expected ${JSON.stringify(row.expected)}\n      actual   ${JSON.stringify(row.actual)}`,
    );
  }
}

const showMisses = new Set<Split>();
if (process.argv.includes('--misses')) showMisses.add('tune');
if (process.argv.includes('--held-out-misses')) showMisses.add('held-out');

print(
  evaluate(
    'salary (min, max, period, currency; "no salary" counts as a label)',
    load<SalaryLabel>('salary-labels.json'),
    salaryOutcome,
    salaryMatches,
  ),
  showMisses,
);
print(
  evaluate(
    'experience (years min, max; "no requirement" counts as a label)',
    load<ExperienceLabel>('experience-labels.json'),
    experienceOutcome,
    experienceMatches,
  ),
  showMisses,
);
print(
  evaluate(
    'location (city, country, remote; region for US/CA)',
    load<LocationLabel>('location-labels.json'),
    locationOutcome,
    locationMatches,
  ),
  showMisses,
);
