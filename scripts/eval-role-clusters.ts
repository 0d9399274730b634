/**
 * The clustering half of `npm run eval:roles`: real job titles clustered by hand (eval/role-titles.json) are
 * normalized in file order with `--create` semantics (new roles allowed) on a fresh embedded database holding
 * only the seeded taxonomy, one database per split, and the roles they land in are compared with the hand
 * clusters pair by pair. A refused title is a cluster of its own.
 *
 * Splits are by source and were fixed before any failure was looked at: rules are tuned on `ats` only;
 * `adzuna`, `glassdoor` and `onet` are held out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/database.js';
import type { EmbeddingProvider } from '../src/embeddings/embedding-provider.js';
import { isAppError } from '../src/errors.js';
import { normalizeRole } from '../src/roles/normalize-role.js';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const ROLE_TITLES_PATH = path.resolve(scriptDir, '../eval/role-titles.json');

export interface LabelledTitle {
  source: string;
  title: string;
  cluster: string;
  it: boolean;
}

interface RoleTitlesFile {
  splits: { tune: string[]; 'held-out': string[] };
  titles: LabelledTitle[];
}

export function loadRoleTitles(file = ROLE_TITLES_PATH): RoleTitlesFile {
  return JSON.parse(readFileSync(file, 'utf8')) as RoleTitlesFile;
}

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  sharedPairs: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Pairwise precision, recall and F1 of a predicted clustering against the true one (same length, same order). */
export function pairwiseScore(truth: readonly string[], predicted: readonly string[]): PairwiseScore {
  if (truth.length !== predicted.length) throw new Error('truth and prediction differ in length');
  const indices = truth.map((_, i) => i);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((s, n) => s + pairs(n), 0);
  const truePairs = sum(countBy(indices, (i) => truth[i]!));
  const predictedPairs = sum(countBy(indices, (i) => predicted[i]!));
  const sharedPairs = sum(countBy(indices, (i) => `${truth[i]}\u0000${predicted[i]}`));
  const precision = predictedPairs === 0 ? 1 : sharedPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : sharedPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, sharedPairs };
}

export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * B-cubed precision, recall and F1 (Bagga and Baldwin): per item, the share of its predicted cluster that is
 * in its true cluster (precision) and the share of its true cluster that is in its predicted cluster
 * (recall), averaged over items. Unlike pairs it counts singletons, so a source of mostly one-title
 * clusters (O*NET) still gets a figure: a singleton alone in its role scores 1 on both.
 */
export function bcubedScore(truth: readonly string[], predicted: readonly string[]): BCubedScore {
  if (truth.length !== predicted.length) throw new Error('truth and prediction differ in length');
  if (truth.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const indices = truth.map((_, i) => i);
  const trueSize = countBy(indices, (i) => truth[i]!);
  const predictedSize = countBy(indices, (i) => predicted[i]!);
  const shared = countBy(indices, (i) => `${truth[i]}\u0000${predicted[i]}`);
  let precision = 0;
  let recall = 0;
  for (const i of indices) {
    const both = shared.get(`${truth[i]}\u0000${predicted[i]}`)!;
    precision += both / predictedSize.get(predicted[i]!)!;
    recall += both / trueSize.get(truth[i]!)!;
  }
  precision /= truth.length;
  recall /= truth.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * The role each true cluster is read as: the predicted cluster holding most of its items (ties to the first
 * seen), one true cluster per predicted one (largest claim first). Null predictions (refusals) claim nothing.
 */
export function clusterRoles(
  truth: readonly string[],
  predicted: readonly (string | null)[],
): Map<string, string> {
  if (truth.length !== predicted.length) throw new Error('truth and prediction differ in length');
  const shared = new Map<string, { cluster: string; role: string; n: number }>();
  truth.forEach((cluster, i) => {
    const role = predicted[i];
    if (role === null || role === undefined) return;
    const key = `${cluster}\u0000${role}`;
    const entry = shared.get(key) ?? { cluster, role, n: 0 };
    entry.n += 1;
    shared.set(key, entry);
  });
  const claimedRoles = new Set<string>();
  const roleOf = new Map<string, string>();
  for (const { cluster, role } of [...shared.values()].sort((a, b) => b.n - a.n)) {
    if (roleOf.has(cluster) || claimedRoles.has(role)) continue;
    roleOf.set(cluster, role);
    claimedRoles.add(role);
  }
  return roleOf;
}

/** Per-text accuracy: the share of items in the role their cluster is read as (clusterRoles). */
export function perTextAccuracy(truth: readonly string[], predicted: readonly (string | null)[]): number {
  if (truth.length === 0) return 1;
  const roleOf = clusterRoles(truth, predicted);
  const correct = truth.filter((cluster, i) => predicted[i] != null && roleOf.get(cluster) === predicted[i]);
  return correct.length / truth.length;
}

export interface TitleOutcome {
  title: LabelledTitle;
  /** Role id, or null when the title was refused. */
  roleId: number | null;
  roleName: string | null;
  method: string | null;
  confidence: number;
  refused: string | null;
}

/** Normalizes every title in order, creating roles as `jobmatch roles normalize --create` does. */
export async function normalizeInOrder(
  database: Database,
  provider: EmbeddingProvider,
  titles: readonly LabelledTitle[],
): Promise<TitleOutcome[]> {
  const outcomes: TitleOutcome[] = [];
  for (const title of titles) {
    try {
      const result = await normalizeRole(database, provider, title.title, { create: true });
      outcomes.push({
        title,
        roleId: result.role?.id ?? null,
        roleName: result.role?.name ?? null,
        method: result.method,
        confidence: result.confidence,
        refused: null,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({
        title,
        roleId: null,
        roleName: null,
        method: null,
        confidence: 0,
        refused: error.message,
      });
    }
  }
  return outcomes;
}

export interface ClusterScore extends PairwiseScore {
  bcubed: BCubedScore;
  /** Share of titles in the role their cluster maps to (perTextAccuracy). */
  accuracy: number;
}

export function scoreOutcomes(outcomes: readonly TitleOutcome[]): ClusterScore {
  const truth = outcomes.map((o) => o.title.cluster);
  const predicted = outcomes.map((o, i) => (o.roleId === null ? `refused:${i}` : `role:${o.roleId}`));
  return {
    ...pairwiseScore(truth, predicted),
    bcubed: bcubedScore(truth, predicted),
    accuracy: perTextAccuracy(
      truth,
      outcomes.map((o) => (o.roleId === null ? null : `role:${o.roleId}`)),
    ),
  };
}

const fixed = (x: number) => x.toFixed(3);

/** Titles that left their cluster's majority role, and roles that gathered more than one cluster. */
function describeErrors(outcomes: readonly TitleOutcome[], limit: number): string[] {
  const lines: string[] = [];
  const byCluster = new Map<string, TitleOutcome[]>();
  for (const o of outcomes) byCluster.set(o.title.cluster, [...(byCluster.get(o.title.cluster) ?? []), o]);
  const byRole = new Map<number, TitleOutcome[]>();
  for (const o of outcomes) if (o.roleId !== null) byRole.set(o.roleId, [...(byRole.get(o.roleId) ?? []), o]);
  for (const [roleId, members] of byRole) {
    const clusters = countBy(members, (m) => m.title.cluster);
    if (clusters.size < 2) continue;
    const listed = [...clusters].map(([c, n]) => `${c}×${n}`).join(', ');
    lines.push(`  merged in "${members[0]!.roleName}" (#${roleId}): ${listed}`);
  }
  for (const [cluster, members] of byCluster) {
    const roles = countBy(members, (m) => String(m.roleId ?? 'refused'));
    if (roles.size < 2) continue;
    const majority = [...roles].sort((a, b) => b[1] - a[1])[0]![0];
    const strays = members.filter((m) => String(m.roleId ?? 'refused') !== majority);
    const shown = strays
      .slice(0, 4)
      .map((m) => `"${m.title.title}" → ${m.roleName ?? `refused (${m.refused})`}`)
      .join('; ');
    lines.push(`  split ${cluster} (${members.length}): ${shown}${strays.length > 4 ? ' …' : ''}`);
  }
  return lines.slice(0, limit);
}

/** How many titles each stage linked, and how many of those sit in the role their cluster is read as. */
function stageBreakdown(outcomes: readonly TitleOutcome[]): string {
  const predicted = outcomes.map((o) => (o.roleId === null ? null : `role:${o.roleId}`));
  const roleOf = clusterRoles(
    outcomes.map((o) => o.title.cluster),
    predicted,
  );
  const stages = new Map<string, { n: number; right: number }>();
  outcomes.forEach((o, i) => {
    const band = o.method === 'created' || o.method === null ? '' : o.confidence >= 0.8 ? '>=0.8' : '<0.8';
    const stage = o.refused !== null ? 'refused' : `${o.method}${band}`;
    const entry = stages.get(stage) ?? { n: 0, right: 0 };
    entry.n += 1;
    if (predicted[i] !== null && roleOf.get(o.title.cluster) === predicted[i]) entry.right += 1;
    stages.set(stage, entry);
  });
  return [...stages]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([stage, { n, right }]) => `${stage} ${right}/${n}`)
    .join(', ');
}

export interface SplitReport {
  name: string;
  outcomes: TitleOutcome[];
  score: ClusterScore;
  seededRoles: number;
}

export function printSplitReport(report: SplitReport, verbose: boolean): void {
  const { outcomes, score } = report;
  const created = outcomes.filter((o) => o.method === 'created').length;
  const createdIds = new Set(outcomes.filter((o) => o.method === 'created').map((o) => o.roleId));
  const inCreated = outcomes.filter((o) => o.roleId !== null && createdIds.has(o.roleId)).length;
  const refused = outcomes.filter((o) => o.refused !== null).length;
  const roles = new Set(outcomes.filter((o) => o.roleId !== null).map((o) => o.roleId)).size;
  const nonItIntoSeeded = outcomes.filter(
    (o) => !o.title.it && o.roleId !== null && o.roleId <= report.seededRoles,
  ).length;
  console.log(
    `${report.name.padEnd(22)} ${String(outcomes.length).padStart(4)}  P ${fixed(score.precision)}  ` +
      `R ${fixed(score.recall)}  F1 ${fixed(score.f1)}  (pairs: true ${score.truePairs}, predicted ` +
      `${score.predictedPairs}, shared ${score.sharedPairs})  roles ${roles}, created ${created} ` +
      `(${inCreated} titles in them), refused ${refused}, non-IT in seeded IT roles ${nonItIntoSeeded}`,
  );
  console.log(
    `${''.padEnd(27)}B-cubed P ${fixed(score.bcubed.precision)}  R ${fixed(score.bcubed.recall)}  ` +
      `F1 ${fixed(score.bcubed.f1)}  per-text accuracy ${fixed(score.accuracy)}`,
  );
  console.log(`${''.padEnd(27)}by stage (right/titles): ${stageBreakdown(outcomes)}`);
  if (verbose) for (const line of describeErrors(outcomes, 60)) console.log(line);
}
