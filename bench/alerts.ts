/**
 * npm run bench:alerts — from a recommended match stored to the recruiter's inbox entry and to the signed
 * webhook delivery, through the real background path on the embedded engine: a stand-in matching task
 * (wrapped like the matching tasks, so an inbox refresh is queued when it ends) stores 50 recommended
 * matches of owned candidates; pg-boss workers run the refresh (inbox entries, outbox rows) and the
 * webhook deliveries to a local HTTP server (loopback allowed for the benchmark). Five rounds; prints each
 * round and the worst. Then five pipeline moves through the real use case (which queues the refresh in its
 * transaction): from each move committed to its application.status_changed delivery received. Workers poll
 * every BENCH_POLL_SECONDS (default 1, as JOBMATCH_WORKER_POLL_SECONDS).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { changeApplicationStatus, createApplication } from '../src/applications/applications.js';
import { migrate } from '../src/db/migrator.js';
import { openPglite } from '../src/db/pglite-database.js';
import { inboxTasks, refreshInboxAfter } from '../src/inbox/inbox-tasks.js';
import { webhooksAfterRefresh, webhookTasks } from '../src/webhooks/webhook-tasks.js';
import { startJobQueue, type TaskDefinition } from '../src/worker/job-queue.js';

const ROUNDS = 5;
const PER_ROUND = 50;
const POLL = Number(process.env.BENCH_POLL_SECONDS ?? 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-alerts-'));
const logger = pino({ level: 'silent' });
const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
await migrate(database);

const received: { at: number; body: string }[] = [];
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ at: performance.now(), body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

const tenant = (
  await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ('Bench', 'bench') RETURNING id`,
  )
).rows[0]!.id;
const user = (
  await database.sql.query<{ id: number }>(
    `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, 'r@bench.test', 'x', 'RECRUITER') RETURNING id`,
    [tenant],
  )
).rows[0]!.id;
await database.sql.query(
  `INSERT INTO candidates (tenant_id, first_name, last_name, email, status, owner_user_id)
   SELECT $1, 'C' || n, 'Bench', 'c' || n || '@bench.test', 'approved', $2 FROM generate_series(1, 200) n`,
  [tenant, user],
);
await database.sql.query(
  `INSERT INTO webhook_endpoints (tenant_id, url, events, secret) VALUES ($1, $2, ARRAY['match.recommended', 'application.status_changed'], 'whsec_bench')`,
  [tenant, hookUrl],
);

const queue = await startJobQueue(database, { logger, pollingIntervalSeconds: POLL });
const stored = new Map<number, number>();
const storeMatches: TaskDefinition<never> = {
  name: 'bench/store-matches',
  retryLimit: 0,
  handler: async (data: unknown) => {
    const round = (data as { round: number }).round;
    const jobs = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, company)
       SELECT 'bench', $1 || '-' || n, 'Engineer ' || n, 'Co' FROM generate_series(1, $2::int) n RETURNING id`,
      [`r${round}`, PER_ROUND],
    );
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, is_recommended, match_reasons)
       SELECT c.id, j.id, 85, true, ARRAY['bench']
         FROM unnest($1::int[]) WITH ORDINALITY AS j(id, n)
         JOIN LATERAL (SELECT id FROM candidates ORDER BY id OFFSET (j.n % 200) LIMIT 1) c ON true`,
      [jobs.rows.map((row) => row.id)],
    );
    stored.set(round, performance.now());
  },
};
await queue.work([
  ...refreshInboxAfter(queue, [storeMatches]),
  ...inboxTasks({ database, logger, afterRefresh: webhooksAfterRefresh(queue) }),
  ...webhookTasks({
    database,
    logger,
    config: { allow: ['loopback'], timeoutMs: 5_000, retryDelaySeconds: 5, maxAttempts: 3 },
  }),
]);

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now();
}

const results: { inbox: number; webhook: number }[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  const before = received.length;
  const inboxBefore = (
    await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_entries')
  ).rows[0]!.n;
  await queue.send('bench/store-matches', { round });
  await until(() => stored.has(round));
  const inboxAt = await until(async () => {
    const { rows } = await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_entries');
    return rows[0]!.n >= inboxBefore + PER_ROUND;
  });
  const hookAt = await until(() => received.length >= before + PER_ROUND);
  const at = stored.get(round)!;
  results.push({ inbox: (inboxAt - at) / 1000, webhook: (hookAt - at) / 1000 });
  console.log(
    `round ${round}: ${PER_ROUND} recommended matches stored -> all inbox entries ${((inboxAt - at) / 1000).toFixed(2)} s, all webhook deliveries received ${((hookAt - at) / 1000).toFixed(2)} s`,
  );
}
const worst = (key: 'inbox' | 'webhook') => Math.max(...results.map((r) => r[key])).toFixed(2);
console.log(
  `recommended match stored -> inbox entry and webhook delivery: worst of ${ROUNDS} rounds (poll ${POLL} s): inbox ${worst('inbox')} s, webhook ${worst('webhook')} s (target < 60 s)`,
);

// A pipeline move: its webhook goes out through the refresh the move queued, not the minute schedule.
const actor = { tenantId: tenant, userId: user };
const moveJob = (
  await database.sql.query<{ id: number }>(
    `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('bench', 'move', 'Mover') RETURNING id`,
  )
).rows[0]!.id;
const candidate = (await database.sql.query<{ id: number }>('SELECT min(id) AS id FROM candidates')).rows[0]!
  .id;
const application = await createApplication(
  database,
  actor,
  { candidate_id: candidate, job_posting_id: moveJob },
  queue,
);
const isMove = (body: string) =>
  body.includes('"application.status_changed"') || body.includes('"to_status"');
await until(() => received.some((r) => isMove(r.body)));
const moves: number[] = [];
for (const status of ['screening', 'interviewing', 'offer', 'rejected'] as const) {
  const before = received.filter((r) => isMove(r.body)).length;
  const movedAt = performance.now();
  await changeApplicationStatus(database, actor, application.id, { status }, queue);
  const deliveredAt = await until(() => received.filter((r) => isMove(r.body)).length > before);
  moves.push((deliveredAt - movedAt) / 1000);
  console.log(
    `move to ${status}: application.status_changed delivered ${moves.at(-1)!.toFixed(2)} s after the move`,
  );
}
console.log(
  `pipeline move -> webhook delivery: worst of ${moves.length} moves ${Math.max(...moves).toFixed(2)} s (poll ${POLL} s)`,
);

await queue.stop();
server.close();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
