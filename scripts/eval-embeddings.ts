/**
 * Measures the local embedding provider: cosine of reference pairs, O*NET title retrieval accuracy,
 * asset load time and throughput on job-description-sized texts.
 *   npx tsx scripts/eval-embeddings.ts [--semantic-share 0.5] [--bigram-weight 0.5] [--asset path]
 * O*NET and job-posting files are read from ../shared/data when present (skipped otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { DEFAULT_LOCAL_EMBEDDING_SETTINGS } from '../src/embeddings/local-embedding-model.js';
import {
  DEFAULT_WORD_VECTORS_URL,
  LocalEmbeddingProvider,
  loadWordVectorTable,
} from '../src/embeddings/local-provider.js';
import { dot } from '../src/embeddings/vector-math.js';

export const REFERENCE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['software engineer', 'developer'],
  ['software engineer', 'nurse'],
  ['python developer', 'python engineer'],
  ['python developer', 'java developer'],
  ['python developer', 'registered nurse'],
  ['sr python dev', 'python developer'],
  ['data engineer', 'data scientist'],
];

const { values: options } = parseArgs({
  options: {
    'semantic-share': { type: 'string' },
    'bigram-weight': { type: 'string' },
    asset: { type: 'string' },
    'data-dir': { type: 'string', default: '../shared/data' },
  },
});
const settings = {
  ...DEFAULT_LOCAL_EMBEDDING_SETTINGS,
  ...(options['semantic-share'] ? { semanticShare: Number(options['semantic-share']) } : {}),
  ...(options['bigram-weight'] ? { bigramWeight: Number(options['bigram-weight']) } : {}),
};
const assetUrl = options.asset ? pathToFileURL(options.asset) : DEFAULT_WORD_VECTORS_URL;

const loadStart = performance.now();
const table = await loadWordVectorTable(assetUrl);
const loadMs = performance.now() - loadStart;
const provider = new LocalEmbeddingProvider(table, settings);
console.log(
  `settings: ${JSON.stringify(settings)}; asset load ${loadMs.toFixed(0)} ms, ${table.words.length} words`,
);

for (const [a, b] of REFERENCE_PAIRS) {
  const [va, vb] = await provider.embed([a, b], 'document');
  console.log(`cos(${JSON.stringify(a)}, ${JSON.stringify(b)}) = ${dot(va!, vb!).toFixed(3)}`);
}

const dataDir = options['data-dir'];
const onetDir = `${dataDir}/onet`;
if (existsSync(onetDir)) await titleRetrieval(onetDir);
await throughput(jobDescriptions(`${dataDir}/jobs/glassdoor_ds_jobs.csv`));

/** Share of O*NET alternate titles whose nearest occupation title is their own occupation (top 1 / top 5). */
async function titleRetrieval(directory: string) {
  const rows = (file: string) =>
    readFileSync(`${directory}/${file}`, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'));
  const occupations = rows('occupation_data.txt');
  const alternates = rows('alternate_titles.txt').filter((_row, index) => index % 20 === 0);
  const occupationVectors = await provider.embed(
    occupations.map((row) => row[1]!),
    'document',
  );
  const queryVectors = await provider.embed(
    alternates.map((row) => row[1]!),
    'query',
  );
  let top1 = 0;
  let top5 = 0;
  queryVectors.forEach((query, index) => {
    const expected = alternates[index]![0];
    const ranked = occupationVectors
      .map((vector, row) => ({ code: occupations[row]![0], score: dot(query, vector) }))
      .sort((a, b) => b.score - a.score);
    if (ranked[0]?.code === expected) top1++;
    if (ranked.slice(0, 5).some((entry) => entry.code === expected)) top5++;
  });
  const percent = (count: number) => ((100 * count) / alternates.length).toFixed(1);
  console.log(
    `O*NET alternate title -> occupation title (${alternates.length} queries, ${occupations.length} titles): top1 ${percent(top1)}%, top5 ${percent(top5)}%`,
  );
}

function jobDescriptions(file: string): string[] {
  if (!existsSync(file)) {
    return Array.from({ length: 200 }, (_, i) =>
      `Senior software engineer ${i} building distributed systems in Java, Kotlin and PostgreSQL. `.repeat(
        25,
      ),
    );
  }
  const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return records.map(
    (record) => `${record['Job Title'] ?? ''}\n${(record['Job Description'] ?? '').slice(0, 2000)}`,
  );
}

async function throughput(texts: string[]) {
  const averageChars = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  await provider.embed(texts.slice(0, 50), 'document');
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < 2000) {
    await provider.embed(texts, 'document');
    count += texts.length;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `throughput: ${(count / seconds).toFixed(0)} texts/s on one core (average ${averageChars.toFixed(0)} chars per text)`,
  );
}
