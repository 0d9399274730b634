export type EmbeddingPurpose = 'document' | 'query';

/** Width of every stored vector: pgvector columns are `vector(768)`. */
export const EMBEDDING_DIMENSIONS = 768;

export interface EmbeddingProvider {
  /** Identifies the model and its settings; stored next to every vector so mixed models are never compared. */
  readonly modelId: string;
  readonly maxBatchSize: number;
  /** Returns one unit-length vector of EMBEDDING_DIMENSIONS per text, in input order. */
  embed(texts: string[], purpose: EmbeddingPurpose): Promise<Float32Array[]>;
}

export type EmbeddingProviderErrorCode =
  | 'missing_key'
  | 'rejected_key'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_response'
  | 'timeout';

export class EmbeddingProviderError extends Error {
  constructor(
    readonly code: EmbeddingProviderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingProviderError';
  }
}
