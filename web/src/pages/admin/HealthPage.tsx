import { post } from '../../api';
import { Badge, Empty, ErrorMessage, Loading } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useAction, useGet } from '../../hooks';
import type { ApiAnswer } from '../../types';

/** `GET /api/admin/health` (src/http/routes/admin-health.routes.ts). */
type HealthReport = ApiAnswer<'/api/admin/health', 'get'>;

const ENGINES = { pglite: 'embedded (PGlite)', pg: 'PostgreSQL server' } as const;

export function HealthPage() {
  const health = useGet<HealthReport>('/api/admin/health');
  const action = useAction();
  const report = health.data;
  const alive = report?.workers.filter((worker) => worker.alive).length ?? 0;

  return (
    <>
      <h1>System health</h1>
      <div className="toolbar">
        <button type="button" onClick={health.reload} disabled={health.loading}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={health.error ?? action.error} onRetry={health.error ? health.reload : undefined} />
      {!report && !health.error ? <Loading /> : null}
      {report ? (
        <>
          <section aria-labelledby="health-database">
            <h2 id="health-database">Database</h2>
            <p data-testid="health-database">
              {ENGINES[report.database.engine]} at {report.database.location}: reachable,{' '}
              {report.migrations.applied} migrations applied,{' '}
              {report.migrations.pending.length === 0
                ? 'none pending'
                : `pending: ${report.migrations.pending.join(', ')}`}
              .
            </p>
          </section>

          <section aria-labelledby="health-workers">
            <h2 id="health-workers">Workers ({alive} alive)</h2>
            {alive === 0 ? (
              <div className="alert error" role="alert">
                No worker is alive: background tasks (matching, embeddings, webhooks) are not running.
              </div>
            ) : null}
            {report.workers.length === 0 ? (
              <Empty>No worker has reported.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Host</th>
                      <th scope="col" className="num">
                        Pid
                      </th>
                      <th scope="col">Kind</th>
                      <th scope="col">Started</th>
                      <th scope="col">Last heartbeat</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.workers.map((worker) => (
                      <tr key={`${worker.host}:${worker.pid}`}>
                        <td>{worker.host}</td>
                        <td className="num">{worker.pid}</td>
                        <td>{worker.kind}</td>
                        <td>{formatDateTime(worker.started_at)}</td>
                        <td>{formatDateTime(worker.last_seen_at)}</td>
                        <td>
                          <Badge
                            value={worker.alive ? 'alive' : 'silent'}
                            tone={worker.alive ? 'active' : 'failed'}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="health-queues">
            <h2 id="health-queues">Task queues</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col" className="num">
                      Waiting
                    </th>
                    <th scope="col" className="num">
                      Active
                    </th>
                    <th scope="col" className="num">
                      Failed
                    </th>
                    <th scope="col">Oldest waiting since</th>
                  </tr>
                </thead>
                <tbody>
                  {report.queues.map((queue) => (
                    <tr key={queue.name}>
                      <td>{queue.name}</td>
                      <td className="num">{formatInt(queue.waiting)}</td>
                      <td className="num">{formatInt(queue.active)}</td>
                      <td className="num">{formatInt(queue.failed)}</td>
                      <td>{formatDateTime(queue.oldest_waiting_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="health-failed">
            <h2 id="health-failed">Failed tasks</h2>
            {report.failed_tasks.length === 0 ? (
              <Empty>No failed tasks.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Queue</th>
                      <th scope="col">Failed at</th>
                      <th scope="col" className="num">
                        Retries
                      </th>
                      <th scope="col">Error</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.failed_tasks.map((task) => (
                      <tr key={task.id} data-testid="failed-task">
                        <td>{task.queue}</td>
                        <td>{formatDateTime(task.failed_at)}</td>
                        <td className="num">{task.retry_count}</td>
                        <td>{task.error ?? '—'}</td>
                        <td>
                          <button
                            type="button"
                            className="small"
                            disabled={action.busy}
                            aria-label={`Retry ${task.queue} task ${task.id}`}
                            onClick={() =>
                              void action.run(async () => {
                                await post(`/api/admin/health/failed-tasks/${task.id}/retry`);
                                health.reload();
                              })
                            }
                          >
                            Retry
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="health-scrapers">
            <h2 id="health-scrapers">Scrapers</h2>
            {report.scrapers.length === 0 ? (
              <Empty>No scraper has claimed a role yet.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Scraper</th>
                      <th scope="col">Last session</th>
                      <th scope="col">Status</th>
                      <th scope="col">Error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.scrapers.map((scraper) => (
                      <tr key={scraper.scraper_key_id}>
                        <td>{scraper.scraper_name}</td>
                        <td>{formatDateTime(scraper.last_session_at)}</td>
                        <td>
                          <Badge value={scraper.last_status} />
                        </td>
                        <td>{scraper.last_error ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
