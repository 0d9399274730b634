/**
 * Where a matching run spends its time, in milliseconds: finding the due pairs, loading features and
 * settings, scoring every pair (numbers only), selecting the pairs to store, the database's writes (and the
 * reads they merge into), and refreshing planner statistics.
 */
export const STAGES = ['dueMs', 'loadMs', 'scoreMs', 'selectMs', 'writeMs', 'analyzeMs'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Partial<Record<Stage, number>>;

/** Adds `ms` to a stage of `into`. */
export function addStage(into: StageTimes, stage: Stage, ms: number): void {
  into[stage] = (into[stage] ?? 0) + ms;
}

/** Runs `work` and adds its wall time to `stage` of `into`. */
export async function timed<T>(into: StageTimes, stage: Stage, work: () => Promise<T>): Promise<T> {
  const at = performance.now();
  try {
    return await work();
  } finally {
    addStage(into, stage, performance.now() - at);
  }
}

