/** Every component score is on a 0-100 scale; 50 means "no evidence either way". */
export const NEUTRAL_SCORE = 50;

export function clampScore(score: number): number {
  // NaN becomes 0.
  return score > 0 ? Math.min(score, 100) : 0;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
