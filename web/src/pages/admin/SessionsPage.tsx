import { Badge, Empty, ErrorMessage, Loading } from '../../components/ui';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatInt,
  formatPercent,
  formatScore,
} from '../../format';
import { useGet } from '../../hooks';
import type { Page, ScraperSummary, ScrapeSession } from '../../types';

interface Day {
  day: string;
  sessions: number;
  imported: number;
  failed: number;
}

/** Sessions per day (UTC date of the start), oldest first. */
function perDay(sessions: ScrapeSession[]): Day[] {
  const days = new Map<string, Day>();
  for (const s of sessions) {
    const day = s.started_at.slice(0, 10);
    const entry = days.get(day) ?? { day, sessions: 0, imported: 0, failed: 0 };
    entry.sessions += 1;
    entry.imported += s.jobs_imported ?? 0;
    if (s.status === 'failed' || s.status === 'timeout') entry.failed += 1;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Bars of sessions per day (failed part in red) and a line of jobs imported, in inline SVG. */
function ActivityChart({ days }: { days: Day[] }) {
  const width = 720;
  const height = 220;
  const pad = { left: 40, right: 40, top: 34, bottom: 32 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const maxSessions = Math.max(1, ...days.map((d) => d.sessions));
  const maxImported = Math.max(1, ...days.map((d) => d.imported));
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(40, step * 0.6));
  const x = (i: number) => pad.left + step * i + step / 2;
  const line = days
    .map(
      (d, i) =>
        `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${(pad.top + plotH - (d.imported / maxImported) * plotH).toFixed(1)}`,
    )
    .join(' ');
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
    >
      <title id="chart-title">Scrape sessions and jobs imported per day</title>
      <desc id="chart-desc">
        {days
          .map(
            (d) =>
              `${formatDate(d.day)}: ${d.sessions} sessions, ${d.failed} failed, ${d.imported} jobs imported`,
          )
          .join('; ')}
      </desc>
      <line x1={pad.left} y1={pad.top + plotH} x2={width - pad.right} y2={pad.top + plotH} stroke="#d9dde5" />
      <text x={4} y={pad.top + 4}>
        {formatInt(maxSessions)}
      </text>
      <text x={width - pad.right + 4} y={pad.top + 4}>
        {formatInt(maxImported)}
      </text>
      {days.map((d, i) => {
        const h = (d.sessions / maxSessions) * plotH;
        const fh = (d.failed / maxSessions) * plotH;
        return (
          <g key={d.day}>
            <rect x={x(i) - barW / 2} y={pad.top + plotH - h} width={barW} height={h} fill="#9db8e6" />
            <rect x={x(i) - barW / 2} y={pad.top + plotH - fh} width={barW} height={fh} fill="#e5857a" />
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={height - 10} textAnchor="middle">
                {formatDate(d.day)}
              </text>
            ) : null}
          </g>
        );
      })}
      <path d={line} fill="none" stroke="#1f5fbf" strokeWidth={2} />
      {days.map((d, i) => (
        <circle
          key={d.day}
          cx={x(i)}
          cy={pad.top + plotH - (d.imported / maxImported) * plotH}
          r={3}
          fill="#1f5fbf"
        />
      ))}
      <g transform={`translate(${pad.left + 8}, 8)`}>
        <rect width={10} height={10} fill="#9db8e6" />
        <text x={14} y={9}>
          sessions
        </text>
        <rect x={80} width={10} height={10} fill="#e5857a" />
        <text x={94} y={9}>
          failed / timed out
        </text>
        <line x1={200} x2={214} y1={5} y2={5} stroke="#1f5fbf" strokeWidth={2} />
        <text x={218} y={9}>
          jobs imported
        </text>
      </g>
    </svg>
  );
}

export function SessionsPage() {
  const summary = useGet<{ items: ScraperSummary[] }>('/api/admin/scrape-sessions/summary');
  const sessions = useGet<Page<ScrapeSession>>('/api/admin/scrape-sessions', { page_size: 200 });
  return (
    <>
      <h1>Scrape sessions</h1>
      <ErrorMessage
        error={summary.error ?? sessions.error}
        onRetry={() => {
          summary.reload();
          sessions.reload();
        }}
      />
      {!sessions.data && !sessions.error ? <Loading /> : null}
      {sessions.data && sessions.data.items.length === 0 ? <Empty>No scrape sessions yet.</Empty> : null}
      {sessions.data && sessions.data.items.length > 0 ? (
        <ActivityChart days={perDay(sessions.data.items)} />
      ) : null}
      <h2>Per scraper</h2>
      {summary.data && summary.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Scraper</th>
                <th scope="col" className="num">
                  Sessions
                </th>
                <th scope="col" className="num">
                  Jobs imported
                </th>
                <th scope="col" className="num">
                  Jobs / session
                </th>
                <th scope="col" className="num">
                  Failure rate
                </th>
                <th scope="col" className="num">
                  Timeout rate
                </th>
                <th scope="col" className="num">
                  Median duration
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.data.items.map((s) => (
                <tr key={s.scraper_key_id}>
                  <td>{s.scraper_name ?? `Key #${s.scraper_key_id}`}</td>
                  <td className="num">{formatInt(s.sessions)}</td>
                  <td className="num">{formatInt(s.jobs_imported)}</td>
                  <td className="num">{formatScore(s.jobs_per_session)}</td>
                  <td className="num">{formatPercent(s.failure_rate)}</td>
                  <td className="num">{formatPercent(s.timeout_rate)}</td>
                  <td className="num">{formatDuration(s.median_duration_seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : summary.data ? (
        <Empty>No scrapers have run.</Empty>
      ) : null}
      <h2>Recent sessions</h2>
      {sessions.data && sessions.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Scraper</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Imported
                </th>
                <th scope="col" className="num">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.slice(0, 50).map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.started_at)}</td>
                  <td>{s.scraper_name ?? '—'}</td>
                  <td>{s.role_name ?? '—'}</td>
                  <td>
                    <Badge value={s.status} />
                    {s.error_message ? <div className="muted">{s.error_message}</div> : null}
                  </td>
                  <td className="num">{formatInt(s.jobs_imported)}</td>
                  <td className="num">{formatDuration(s.duration_seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
