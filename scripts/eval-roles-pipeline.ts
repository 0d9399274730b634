/** The database-backed half of `npm run eval:roles`: stage outcomes, threshold sweep and the real normalizeRole. */
import type { Database } from '../src/db/database.js';
import {
  decideFromVectorCandidates,
  matchByText,
  type RoleCandidate,
} from '../src/domain/roles/normalize-role.js';
import { ROLE_VECTOR_CANDIDATES } from '../src/domain/roles/role-match-threshold.js';
import type { EmbeddingProvider } from '../src/embeddings/embedding-provider.js';
import { isAppError } from '../src/errors.js';
import { assertRoleText, normalizeRole } from '../src/roles/normalize-role.js';
import { nearestRoles } from '../src/roles/role-embeddings.js';
import { loadRoleIndex } from '../src/roles/role-index.js';

export { DEFAULT_ROLE_MATCH_THRESHOLD } from '../src/domain/roles/role-match-threshold.js';

export type StageOutcome =
  | { kind: 'invalid' }
  | { kind: 'text'; roleId: number }
  | { kind: 'vector'; candidates: RoleCandidate[] };

export interface LabelledText {
  text: string;
  /** null: the text names no existing role, and must not be merged into one. */
  expected: number | null;
}

/** What the text stage decides, or the vector candidates the threshold then decides on. */
export async function stageOutcomes(
  database: Database,
  provider: EmbeddingProvider,
  texts: readonly string[],
): Promise<StageOutcome[]> {
  const { index } = await loadRoleIndex(database.sql);
  const outcomes: StageOutcome[] = [];
  const forVectors: { at: number; display: string }[] = [];
  for (const text of texts) {
    let display: string;
    try {
      display = assertRoleText(text).display;
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ kind: 'invalid' });
      continue;
    }
    const decision = matchByText(index, text);
    if (decision?.kind === 'match') outcomes.push({ kind: 'text', roleId: decision.roleId });
    else {
      forVectors.push({ at: outcomes.length, display });
      outcomes.push({ kind: 'vector', candidates: [] });
    }
  }
  const vectors = await provider.embed(
    forVectors.map((entry) => entry.display),
    'query',
  );
  for (const [i, entry] of forVectors.entries()) {
    const candidates = await nearestRoles(
      database.sql,
      vectors[i]!,
      provider.modelId,
      ROLE_VECTOR_CANDIDATES,
    );
    outcomes[entry.at] = { kind: 'vector', candidates };
  }
  return outcomes;
}

export interface PipelineScore {
  total: number;
  correct: number;
  wrong: number;
  noMatch: number;
  wrongCases: { text: string; expected: number | null; got: number | null }[];
}

function score(cases: readonly LabelledText[], resolve: (text: string) => number | null): PipelineScore {
  const result: PipelineScore = { total: cases.length, correct: 0, wrong: 0, noMatch: 0, wrongCases: [] };
  for (const { text, expected } of cases) {
    const got = resolve(text);
    if (got === expected) result.correct += 1;
    else if (got === null) result.noMatch += 1;
    else {
      result.wrong += 1;
      result.wrongCases.push({ text, expected, got });
    }
  }
  return result;
}

export function scoreAtThreshold(
  cases: readonly LabelledText[],
  outcomes: ReadonlyMap<string, StageOutcome>,
  threshold: number,
): PipelineScore {
  return score(cases, (text) => {
    const outcome = outcomes.get(text);
    if (!outcome || outcome.kind === 'invalid') return null;
    if (outcome.kind === 'text') return outcome.roleId;
    const decision = decideFromVectorCandidates(text, outcome.candidates, threshold);
    return decision.kind === 'match' ? decision.roleId : null;
  });
}

/** Runs the product's normalizeRole (without creating) on every text; invalid texts resolve to null. */
export async function resolveAll(
  database: Database,
  provider: EmbeddingProvider,
  texts: readonly string[],
  threshold: number,
): Promise<(number | null)[]> {
  const resolved: (number | null)[] = [];
  for (const text of texts) {
    try {
      resolved.push((await normalizeRole(database, provider, text, { threshold })).role?.id ?? null);
    } catch (error) {
      if (!isAppError(error)) throw error;
      resolved.push(null);
    }
  }
  return resolved;
}

export function scoreResolved(
  cases: readonly LabelledText[],
  resolved: ReadonlyMap<string, number | null>,
): PipelineScore {
  return score(cases, (text) => resolved.get(text) ?? null);
}
