export type { ComponentScores } from './components.js';
export { discountWithoutFit, fitEvidence } from './fit-evidence.js';
export { formatMoney, formatMoneyRange } from './money-format.js';
export { type PreparedCandidate, type PreparedJob, prepareCandidate, prepareJob } from './prepare.js';
export {
  evaluatePair,
  explainPair,
  isStorable,
  type PairEvaluation,
  rescoreStored,
  type StoredComponents,
  scoreMatch,
  summarizePair,
} from './score-match.js';
export {
  forEachScoredPair,
  type MatrixOptions,
  type ScoredPair,
  scoreMatrix,
  scorePreparedMatrix,
} from './score-matrix.js';
export { DEFAULT_CALIBRATION } from './semantic-score.js';
export {
  assertValidSettings,
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  isRecommended,
  SCORING_VERSION,
  validateWeights,
} from './settings.js';
export {
  NO_SPECIFICITY,
  type SkillSpecificity,
  skillSpecificity,
  specificityOf,
} from './skill-specificity.js';
export type * from './types.js';
