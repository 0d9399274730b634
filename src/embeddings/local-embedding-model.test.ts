import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextEmbedder, DEFAULT_LOCAL_EMBEDDING_SETTINGS, hashString } from './local-embedding-model.js';
import { dot, norm } from './vector-math.js';
import { decodeWordVectors, encodeWordVectors, type WordVectorTable } from './word-vectors-format.js';

/** Four-dimensional toy vocabulary: two "tech" words close together, one far away. */
function tinyTable(): WordVectorTable {
  const entries: Array<[string, number[], number]> = [
    ['the', [0.1, 0.1, 0.1, 0.1], 0.01],
    ['developer', [1, 0.9, 0, 0], 0.9],
    ['engineer', [0.9, 1, 0, 0], 0.9],
    ['software', [1, 0.7, 0.1, 0], 0.8],
    ['nurse', [0, 0, 1, 0.8], 0.9],
    ['node', [0.5, 0.5, 0, 0.5], 0.7],
    ['js', [0.6, 0.4, 0, 0.4], 0.8],
  ];
  return {
    header: { dimensions: 4, count: entries.length, unknownWordWeight: 1 },
    words: entries.map(([word]) => word),
    vectors: Float32Array.from(entries.flatMap(([, vector]) => vector)),
    weights: Float32Array.from(entries.map(([, , weight]) => weight)),
  };
}

const settings = { ...DEFAULT_LOCAL_EMBEDDING_SETTINGS, dimensions: 64 };
const embed = createTextEmbedder(tinyTable(), settings);
const similarity = (a: string, b: string) => dot(embed(a), embed(b));

describe('createTextEmbedder', () => {
  it('returns unit vectors of the configured width for any text, including empty and unknown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const vector = embed(text);
        expect(vector).toHaveLength(64);
        expect(norm(vector)).toBeCloseTo(1, 5);
      }),
    );
  });

  it('is deterministic', () => {
    expect(embed('software developer')).toEqual(embed('software developer'));
  });

  it('brings synonyms together through word vectors without a shared token', () => {
    expect(similarity('software engineer', 'developer')).toBeGreaterThan(
      similarity('software engineer', 'nurse'),
    );
  });

  it('separates texts by exact tokens through hashed features', () => {
    expect(similarity('kotlin developer', 'kotlin engineer')).toBeGreaterThan(
      similarity('kotlin developer', 'scala developer'),
    );
  });

  it('splits the cosine between blocks by semanticShare', () => {
    // No shared token, so the hashed block contributes (almost) nothing: cosine ≈ share * word cosine.
    const wordCosine = (1 * 0.9 + 0.9 * 1) / (Math.hypot(1, 0.9) * Math.hypot(0.9, 1));
    expect(similarity('developer', 'engineer')).toBeCloseTo(settings.semanticShare * wordCosine, 1);
  });

  it('looks up parts of compound tokens it does not know', () => {
    const vector = embed('node.js');
    expect(vector.subarray(0, 4).some((value) => value !== 0)).toBe(true);
  });

  it('rejects settings that leave no room for hashed features', () => {
    expect(() => createTextEmbedder(tinyTable(), { ...settings, dimensions: 4 })).toThrow(RangeError);
    expect(() => createTextEmbedder(tinyTable(), { ...settings, semanticShare: 1 })).toThrow(RangeError);
  });
});

describe('hashString', () => {
  it('is a stable unsigned 32-bit hash that depends on the seed', () => {
    expect(hashString('java', 1)).toBe(hashString('java', 1));
    expect(hashString('java', 1)).not.toBe(hashString('java', 2));
    expect(hashString('java', 1)).not.toBe(hashString('python', 1));
    expect(hashString('', 0)).toBeGreaterThanOrEqual(0);
  });
});

describe('word vector file format', () => {
  it('round-trips a table within int8 quantization error', () => {
    const table = tinyTable();
    const decoded = decodeWordVectors(encodeWordVectors(table));
    expect(decoded.header).toEqual(table.header);
    expect(decoded.words).toEqual(table.words);
    expect(decoded.weights).toEqual(table.weights);
    decoded.vectors.forEach((value, i) => {
      expect(Math.abs(value - table.vectors[i]!)).toBeLessThan(0.005);
    });
  });

  it('refuses foreign or truncated files', () => {
    const bytes = encodeWordVectors(tinyTable());
    expect(() => decodeWordVectors(new TextEncoder().encode('nope, not vectors'))).toThrow(/magic/);
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
  });
});
