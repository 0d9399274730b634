import { beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS } from './embedding-provider.js';
import {
  createLocalEmbeddingProvider,
  LOCAL_MODEL_ID,
  type LocalEmbeddingProvider,
} from './local-provider.js';
import { dot, norm } from './vector-math.js';

let provider: LocalEmbeddingProvider;
let loadMs: number;

beforeAll(async () => {
  const start = performance.now();
  provider = await createLocalEmbeddingProvider();
  loadMs = performance.now() - start;
});

async function similarity(a: string, b: string): Promise<number> {
  const [va, vb] = await provider.embed([a, b], 'document');
  return dot(va!, vb!);
}

describe('local embedding provider (committed asset)', () => {
  it('loads the asset quickly', () => {
    expect(provider.modelId).toBe(LOCAL_MODEL_ID);
    expect(loadMs).toBeLessThan(1500); // ~40 ms measured; generous for a shared CI machine
  });

  it('returns one unit-length 768-d vector per text, in order, deterministically', async () => {
    const texts = ['Senior Java Developer', '', 'Registered Nurse, ICU', '¿¡ 🤖 !?', 'x'.repeat(20_000)];
    const first = await provider.embed(texts, 'document');
    const second = await provider.embed([...texts].reverse(), 'query');
    expect(first).toHaveLength(texts.length);
    for (const vector of first) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(second.reverse()).toEqual(first);
  });

  it('places a synonym closer than an unrelated occupation', async () => {
    expect(await similarity('software engineer', 'developer')).toBeGreaterThan(
      (await similarity('software engineer', 'nurse')) + 0.1,
    );
  });

  it('keeps the technology apart while roles stay close', async () => {
    const sameLanguage = await similarity('python developer', 'python engineer');
    const otherLanguage = await similarity('python developer', 'java developer');
    const otherField = await similarity('python developer', 'registered nurse');
    expect(sameLanguage).toBeGreaterThan(otherLanguage);
    expect(otherLanguage).toBeGreaterThan(otherField + 0.3);
  });

  it('treats title abbreviations as their expansions', async () => {
    expect(await similarity('sr python dev', 'python developer')).toBeGreaterThan(0.9);
    expect(await similarity('sr python dev', 'senior python developer')).toBeCloseTo(1, 5);
  });

  it('relates neighbouring data roles', async () => {
    expect(await similarity('data engineer', 'data scientist')).toBeGreaterThan(
      await similarity('data engineer', 'registered nurse'),
    );
  });
});
