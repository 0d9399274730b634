import type { SqlExecutor } from '../db/database.js';

export async function recordHeartbeat(
  sql: SqlExecutor,
  worker: { workerId: string; host: string; pid: number; kind: 'serve' | 'worker'; activeTasks: string[] },
): Promise<void> {
  await sql.query(
    `INSERT INTO worker_heartbeats (worker_id, host, pid, kind, active_tasks) VALUES ($1, $2, $3, $4, $5::uuid[])
       ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now(), active_tasks = excluded.active_tasks`,
    [worker.workerId, worker.host, worker.pid, worker.kind, worker.activeTasks],
  );
}

export async function removeHeartbeat(sql: SqlExecutor, workerId: string): Promise<void> {
  await sql.query('DELETE FROM worker_heartbeats WHERE worker_id = $1', [workerId]);
}

/** Workers seen within the last `aliveSeconds`. */
export async function countAliveWorkers(sql: SqlExecutor, aliveSeconds: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM worker_heartbeats WHERE last_seen_at > now() - make_interval(secs => $1)`,
    [aliveSeconds],
  );
  return rows[0]?.n ?? 0;
}
