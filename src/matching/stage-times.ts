/**
 * Where a matching run spends its time: finding the due pairs, loading features and settings, scoring every
 * pair (numbers only), selecting the pairs to store, the database's writes (and the reads they merge into),
 * and refreshing planner statistics. Each stage records wall milliseconds (`dueMs`) and this process's CPU
 * milliseconds (`dueCpuMs`): on a shared machine the wall time says how long it took, the CPU time what it
 * cost (with PGlite the database runs in this process, so its work is in the CPU time too).
 */
export const STAGES = ['due', 'load', 'score', 'select', 'write', 'analyze'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Partial<Record<`${Stage}Ms` | `${Stage}CpuMs`, number>>;

/** This process's CPU time so far, in milliseconds. */
export const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A running measurement; `stop` adds its wall and CPU time to `stage` of `into`. */
export function startStage(into: StageTimes, stage: Stage): { stop(): void } {
  const wall = performance.now();
  const cpu = cpuNow();
  return { stop: () => addStage(into, stage, performance.now() - wall, cpuNow() - cpu) };
}

export function addStage(into: StageTimes, stage: Stage, wallMs: number, cpuMs: number): void {
  into[`${stage}Ms`] = (into[`${stage}Ms`] ?? 0) + wallMs;
  into[`${stage}CpuMs`] = (into[`${stage}CpuMs`] ?? 0) + cpuMs;
}

/** Adds every stage of `more` to `into`. */
export function addStages(into: StageTimes, more: StageTimes): void {
  for (const stage of STAGES) {
    const wall = more[`${stage}Ms`];
    if (wall !== undefined) addStage(into, stage, wall, more[`${stage}CpuMs`] ?? 0);
  }
}

/** Runs `work` and adds its wall and CPU time to `stage` of `into`. */
export async function timed<T>(into: StageTimes, stage: Stage, work: () => Promise<T>): Promise<T> {
  const measuring = startStage(into, stage);
  try {
    return await work();
  } finally {
    measuring.stop();
  }
}
