/**
 * Pure math of the local embedding model. A text becomes one unit vector made of two blocks:
 *   [0, wordDims)          SIF-weighted average of pretrained word vectors: carries meaning, so
 *                          "developer" lands near "software engineer" although they share no word;
 *   [wordDims, dimensions) signed feature hashing of tokens and adjacent-token pairs: keeps exact terms
 *                          apart that word vectors blur ("java developer" vs "python developer").
 * Each block is scaled to unit length, then weighted so that cosine(a, b) =
 *   semanticShare * cosine_words + (1 - semanticShare) * cosine_hashed.
 */
import { featureKey, tokenize, tokenParts } from './tokenize.js';
import { norm } from './vector-math.js';
import type { WordVectorTable } from './word-vectors-format.js';

export interface LocalEmbeddingSettings {
  /** Output width (768 for storage). */
  dimensions: number;
  /** Share of the cosine carried by the word-vector block, in (0, 1). */
  semanticShare: number;
  /** Weight of an adjacent-token pair feature relative to its weaker token. */
  bigramWeight: number;
  /** Fixed seed of the feature hash; changing it changes every vector (and must change modelId). */
  hashSeed: number;
}

export const DEFAULT_LOCAL_EMBEDDING_SETTINGS: LocalEmbeddingSettings = {
  dimensions: 768,
  semanticShare: 0.6,
  bigramWeight: 0.5,
  hashSeed: 0x4a4d5631,
};

/** Feature hashed in place of content when a text has no tokens, so every output still has unit length. */
const EMPTY_TEXT_FEATURE = '\u0000empty';

export type TextEmbedder = (text: string) => Float32Array;

export function createTextEmbedder(
  table: WordVectorTable,
  settings: LocalEmbeddingSettings = DEFAULT_LOCAL_EMBEDDING_SETTINGS,
): TextEmbedder {
  const wordDims = table.header.dimensions;
  const hashDims = settings.dimensions - wordDims;
  if (hashDims <= 0) throw new RangeError('output dimensions must exceed the word-vector dimensions');
  if (!(settings.semanticShare > 0 && settings.semanticShare < 1)) {
    throw new RangeError('semanticShare must lie strictly between 0 and 1');
  }
  const rowOf = new Map(table.words.map((word, row) => [word, row]));
  const semanticScale = Math.sqrt(settings.semanticShare);
  const hashedScale = Math.sqrt(1 - settings.semanticShare);

  const addWord = (target: Float64Array, row: number, weight: number) => {
    const base = row * wordDims;
    for (let d = 0; d < wordDims; d++) target[d]! += weight * table.vectors[base + d]!;
  };

  const addFeature = (target: Float64Array, key: string, weight: number) => {
    const hash = hashString(key, settings.hashSeed);
    const sign = mix32(hash ^ 0x9e3779b9) & 1 ? 1 : -1;
    target[hash % hashDims]! += sign * weight;
  };

  return (text) => {
    const semantic = new Float64Array(wordDims);
    const hashed = new Float64Array(hashDims);
    let previous: { key: string; weight: number } | null = null;
    for (const token of tokenize(text)) {
      const row = rowOf.get(token);
      let weight = table.header.unknownWordWeight;
      if (row !== undefined) {
        weight = table.weights[row]!;
        addWord(semantic, row, weight);
      } else {
        const partRows = tokenParts(token).flatMap((part) => rowOf.get(part) ?? []);
        for (const partRow of partRows) addWord(semantic, partRow, table.weights[partRow]! / partRows.length);
      }
      const key = featureKey(token);
      addFeature(hashed, key, weight);
      if (previous) {
        addFeature(
          hashed,
          `${previous.key} ${key}`,
          settings.bigramWeight * Math.min(previous.weight, weight),
        );
      }
      previous = { key, weight };
    }
    if (!previous) addFeature(hashed, EMPTY_TEXT_FEATURE, 1);
    return combineBlocks(semantic, hashed, semanticScale, hashedScale);
  };
}

function combineBlocks(
  semantic: Float64Array,
  hashed: Float64Array,
  semanticScale: number,
  hashedScale: number,
) {
  const semanticLength = norm(semantic);
  const hashedLength = norm(hashed);
  // A text with no known word has only hashed features; that block then takes the full length.
  const a = semanticLength > 0 ? semanticScale / semanticLength : 0;
  const b = hashedLength > 0 ? (semanticLength > 0 ? hashedScale : 1) / hashedLength : 0;
  const out = new Float32Array(semantic.length + hashed.length);
  for (let i = 0; i < semantic.length; i++) out[i] = semantic[i]! * a;
  for (let i = 0; i < hashed.length; i++) out[semantic.length + i] = hashed[i]! * b;
  return out;
}

/** FNV-1a over UTF-16 code units, seeded, finished with a murmur3 avalanche. Unsigned 32-bit result. */
export function hashString(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
