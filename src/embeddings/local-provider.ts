/**
 * Default, offline embedding provider: GloVe word vectors (assets/word-vectors.bin) plus hashed term
 * features, see local-embedding-model.ts. Deterministic and symmetric (purpose is ignored).
 */
import { readFile } from 'node:fs/promises';
import { EMBEDDING_DIMENSIONS, type EmbeddingProvider, type EmbeddingPurpose } from './embedding-provider.js';
import {
  createTextEmbedder,
  DEFAULT_LOCAL_EMBEDDING_SETTINGS,
  type LocalEmbeddingSettings,
  type TextEmbedder,
} from './local-embedding-model.js';
import { decodeWordVectors, type WordVectorTable } from './word-vectors-format.js';

/** Bump when the asset, tokenizer or settings change: stored vectors from another version are not comparable. */
export const LOCAL_MODEL_ID = 'local-glove-sif-v1';

export const DEFAULT_WORD_VECTORS_URL = new URL('../../assets/word-vectors.bin', import.meta.url);

const tableCache = new Map<string, Promise<WordVectorTable>>();

/** Reads and decodes the word-vector asset once per process and path. */
export function loadWordVectorTable(url: URL = DEFAULT_WORD_VECTORS_URL): Promise<WordVectorTable> {
  let pending = tableCache.get(url.href);
  if (!pending) {
    pending = readFile(url).then((bytes) => decodeWordVectors(bytes));
    pending.catch(() => tableCache.delete(url.href));
    tableCache.set(url.href, pending);
  }
  return pending;
}

export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly modelId = LOCAL_MODEL_ID;
  readonly maxBatchSize = 1000;
  private readonly embedText: TextEmbedder;

  constructor(table: WordVectorTable, settings: LocalEmbeddingSettings = DEFAULT_LOCAL_EMBEDDING_SETTINGS) {
    if (settings.dimensions !== EMBEDDING_DIMENSIONS) {
      throw new RangeError(`local provider must produce ${EMBEDDING_DIMENSIONS} dimensions`);
    }
    this.embedText = createTextEmbedder(table, settings);
  }

  async embed(texts: string[], _purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    return texts.map((text) => this.embedText(text));
  }
}

export async function createLocalEmbeddingProvider(
  options: { wordVectorsUrl?: URL } = {},
): Promise<LocalEmbeddingProvider> {
  return new LocalEmbeddingProvider(await loadWordVectorTable(options.wordVectorsUrl));
}
