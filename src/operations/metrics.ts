import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (`GET /metrics`): HTTP requests, background tasks per queue and matching
 * work. One registry per process, as the counters count what this process did since it started.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'jobmatch_' });

const httpRequests = new Counter({
  name: 'jobmatch_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

const httpDuration = new Histogram({
  name: 'jobmatch_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const tasks = new Counter({
  name: 'jobmatch_tasks_total',
  help: 'Background tasks run by this process, by queue and outcome (completed, failed)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [metricsRegistry],
});

const taskDuration = new Histogram({
  name: 'jobmatch_task_duration_seconds',
  help: 'Time a background task ran, by queue',
  labelNames: ['queue'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
  registers: [metricsRegistry],
});

const pairsScored = new Counter({
  name: 'jobmatch_match_pairs_scored_total',
  help: 'Candidate-job pairs scored by matching',
  registers: [metricsRegistry],
});

const matchesStored = new Counter({
  name: 'jobmatch_matches_stored_total',
  help: 'Matches written (inserted or updated) by matching',
  registers: [metricsRegistry],
});

/** Requests without a route (404s) share one label, so unknown paths cannot grow the label set. */
export function recordHttpRequest(
  method: string,
  route: string | undefined,
  status: number,
  seconds: number,
) {
  const pattern = route ?? 'unmatched';
  httpRequests.inc({ method, route: pattern, status: String(status) });
  httpDuration.observe({ method, route: pattern }, seconds);
}

export function recordTask(queue: string, outcome: 'completed' | 'failed', seconds: number): void {
  tasks.inc({ queue, outcome });
  taskDuration.observe({ queue }, seconds);
}

export function recordMatching(totals: { scored: number; stored: number }): void {
  pairsScored.inc(totals.scored);
  matchesStored.inc(totals.stored);
}
