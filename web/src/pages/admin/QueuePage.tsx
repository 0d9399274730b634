import { pageOf, patch } from '../../api';
import { Badge, Empty, ErrorMessage, Loading, Pager } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useAction, useGet } from '../../hooks';
import { setQuery, useLocation } from '../../router';
import { type Page, type QueueRole, ROLE_PRIORITIES } from '../../types';

const LIMIT = 50;

export function QueuePage() {
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const queue = useGet<Page<QueueRole>>('/api/admin/queue', { status, ...pageOf(LIMIT, offset) });
  const action = useAction();

  return (
    <>
      <h1>Scrape queue</h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="queue-status">Status</label>
          <select
            id="queue-status"
            value={status}
            onChange={(e) => setQuery({ status: e.target.value, offset: undefined })}
          >
            <option value="">Any</option>
            <option value="pending">pending</option>
            <option value="processing">processing</option>
            <option value="completed">completed</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={queue.error ?? action.error} onRetry={queue.error ? queue.reload : undefined} />
      {!queue.data && !queue.error ? <Loading /> : null}
      {queue.data && queue.data.items.length === 0 ? <Empty>The queue is empty.</Empty> : null}
      {queue.data && queue.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col" className="num">
                  Candidates
                </th>
                <th scope="col" className="num">
                  Jobs scraped
                </th>
                <th scope="col">Last scraped</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((role) => (
                <tr key={role.id}>
                  <td>
                    {role.name}
                    <div className="muted">{role.category ?? ''}</div>
                  </td>
                  <td>
                    <Badge value={role.queue_status} />
                  </td>
                  <td>
                    <select
                      aria-label={`Priority of ${role.name}`}
                      value={role.priority}
                      disabled={action.busy}
                      onChange={(e) =>
                        void action.run(async () => {
                          await patch(`/api/admin/roles/${role.id}`, { priority: e.target.value });
                          queue.reload();
                        })
                      }
                    >
                      {ROLE_PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {p}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{formatInt(role.candidate_count)}</td>
                  <td className="num">{formatInt(role.total_jobs_scraped)}</td>
                  <td>{formatDateTime(role.last_scraped_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {queue.data ? (
        <Pager
          total={queue.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(o) => setQuery({ offset: o })}
        />
      ) : null}
    </>
  );
}
