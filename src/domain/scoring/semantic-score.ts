/**
 * Semantic component: cosine similarity of the candidate's and the job's embeddings, calibrated to 0-100.
 *
 * Vectors are only compared when both exist, have the same dimension and come from the same embedding
 * model (vectors of different models live in unrelated spaces); otherwise NEUTRAL_SCORE.
 *
 * Raw cosine x 100 would be misleading: the default local model (local-glove-sif-v1) gives ~0.0-0.15 for
 * unrelated texts, ~0.3-0.6 for related roles and ~0.9 for near-identical ones. The calibration maps
 * [low, high] linearly onto [0, 100] and clamps: with low 0.1 and high 0.8, unrelated → 0-7, related roles
 * → 29-71, near-identical → 100. `low` is where texts stop sharing anything useful, `high` is where two
 * texts describe the same job; a linear map between keeps the score explainable ("halfway between unrelated
 * and the same role"). Other models get their own calibration through settings.semanticCalibrations.
 */

import { clampScore, NEUTRAL_SCORE } from './score-scale.js';
import type { SemanticCalibration } from './types.js';

export const DEFAULT_CALIBRATION: Readonly<SemanticCalibration> = Object.freeze({ low: 0.1, high: 0.8 });

export interface EmbeddingProfile {
  vector: Float32Array | null;
  model: string | null;
  /** Euclidean norm, computed once; 0 for a missing or zero vector. */
  norm: number;
}

export interface SemanticMatch {
  score: number;
  /** Raw cosine; null when not comparable. */
  cosine: number | null;
}

export function embeddingProfile(vector: Float32Array | null, model: string | null): EmbeddingProfile {
  if (vector === null || model === null) return { vector: null, model, norm: 0 };
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  return {
    vector: Number.isFinite(norm) && norm > 0 ? vector : null,
    model,
    norm: Number.isFinite(norm) ? norm : 0,
  };
}

export function calibrateCosine(
  cosine: number,
  calibration: SemanticCalibration = DEFAULT_CALIBRATION,
): number {
  const span = calibration.high - calibration.low;
  if (!(span > 0)) throw new RangeError('semantic calibration needs low < high');
  return clampScore((100 * (cosine - calibration.low)) / span);
}

/** Cosine of two profiles, or null when they are not comparable. */
export function profileCosine(a: EmbeddingProfile, b: EmbeddingProfile): number | null {
  const x = a.vector;
  const y = b.vector;
  if (x === null || y === null || a.model !== b.model || x.length !== y.length) return null;
  let dot = 0;
  for (let i = 0; i < x.length; i++) dot += x[i]! * y[i]!;
  const cosine = dot / (a.norm * b.norm);
  return Math.max(-1, Math.min(1, cosine));
}

export function scoreSemantic(
  a: EmbeddingProfile,
  b: EmbeddingProfile,
  calibration: SemanticCalibration = DEFAULT_CALIBRATION,
): SemanticMatch {
  const cosine = profileCosine(a, b);
  if (cosine === null || !Number.isFinite(cosine)) return { score: NEUTRAL_SCORE, cosine: null };
  return { score: calibrateCosine(cosine, calibration), cosine };
}
