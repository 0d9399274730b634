import { useState } from 'react';
import { post } from '../api';
import { useAuth } from '../auth';
import { FunnelChart, MatchesPerDayChart } from '../components/DayCharts';
import { Empty, ErrorMessage, LoadState, ScorePill } from '../components/ui';
import type { HomePage as Home } from '../day-types';
import { formatDateTime, formatInt, humanize } from '../format';
import { useAction, useGet } from '../hooks';
import { Link } from '../router';

export function HomePage() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'TENANT_ADMIN';
  const [scope, setScope] = useState<'mine' | 'agency'>('mine');
  const home = useGet<Home>('/api/home', { scope });
  const seen = useAction();

  return (
    <>
      <div className="spread">
        <h1>Home</h1>
        <div className="row">
          {isAdmin ? (
            <label className="row">
              <span>Show</span>
              <select value={scope} onChange={(e) => setScope(e.target.value as 'mine' | 'agency')}>
                <option value="mine">My candidates</option>
                <option value="agency">Whole agency</option>
              </select>
            </label>
          ) : null}
          <button
            type="button"
            disabled={seen.busy}
            onClick={() =>
              void seen.run(async () => {
                await post('/api/home/seen');
                home.reload();
              })
            }
          >
            Mark all as seen
          </button>
        </div>
      </div>
      <ErrorMessage error={seen.error} />
      <LoadState loaded={home}>
        {(data) => (
          <>
            <section className="panel" aria-labelledby="new-title" data-testid="home-new-matches">
              <h2 id="new-title">New recommended matches</h2>
              <p className="muted">Since {formatDateTime(data.since)}, newest and best first.</p>
              {data.new_matches.length === 0 ? <Empty>Nothing new since you last looked.</Empty> : null}
              {data.new_matches.map((group) => (
                <article key={group.candidate_id} className="home-group">
                  <h3>
                    <Link to={`/candidates/${group.candidate_id}`}>{group.candidate_name}</Link>{' '}
                    <span className="muted">
                      {formatInt(group.new_count)} new · best {Math.round(group.best_score)}
                    </span>
                  </h3>
                  <ul className="plain">
                    {group.matches.map((m) => (
                      <li key={m.match_id}>
                        <ScorePill score={m.match_score} recommended />{' '}
                        <Link to={`/jobs/${m.job_posting_id}`}>{m.job_title}</Link>
                        {m.company ? <span className="muted"> · {m.company}</span> : null}
                        {m.reason ? <div className="muted">{m.reason}</div> : null}
                      </li>
                    ))}
                  </ul>
                </article>
              ))}
            </section>
            <div className="grid-2">
              <section className="panel" aria-labelledby="quiet-title">
                <h2 id="quiet-title">No match in 7 days</h2>
                {data.quiet_candidates.length === 0 ? (
                  <Empty>Every candidate had a match this week.</Empty>
                ) : null}
                <ul className="plain">
                  {data.quiet_candidates.map((c) => (
                    <li key={c.candidate_id}>
                      <Link to={`/candidates/${c.candidate_id}`}>{c.candidate_name}</Link>{' '}
                      <span className="muted">
                        {c.last_matched_at ? `last ${formatDateTime(c.last_matched_at)}` : 'never matched'}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section className="panel" aria-labelledby="waiting-title">
                <h2 id="waiting-title">Waiting over {data.stage_limit_days} days</h2>
                {data.waiting_applications.length === 0 ? <Empty>No application is stuck.</Empty> : null}
                <ul className="plain">
                  {data.waiting_applications.map((a) => (
                    <li key={a.application_id}>
                      <Link to={`/applications?candidate_id=${a.candidate_id}`}>{a.candidate_name}</Link> ·{' '}
                      {a.job_title}{' '}
                      <span className="muted">
                        {humanize(a.application_status)} for {formatInt(a.days_waiting)} days
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <div className="grid-2">
              <section className="panel" aria-labelledby="funnel-title">
                <h2 id="funnel-title">Funnel</h2>
                <FunnelChart funnel={data.funnel} label="Funnel from matched to placed" />
              </section>
              <section className="panel" aria-labelledby="days-title">
                <h2 id="days-title">New matches per day</h2>
                <MatchesPerDayChart days={data.matches_per_day} title="New matches per day" />
              </section>
            </div>
            {data.per_recruiter ? (
              <section className="panel" aria-labelledby="recruiters-title">
                <h2 id="recruiters-title">Per recruiter</h2>
                <div className="grid-2">
                  {data.per_recruiter.map((r) => (
                    <article key={r.user_id}>
                      <h3>{r.name}</h3>
                      <FunnelChart funnel={r.funnel} label={`Funnel of ${r.name}`} />
                      <MatchesPerDayChart
                        days={r.matches_per_day}
                        title={`New matches per day of ${r.name}`}
                      />
                    </article>
                  ))}
                </div>
              </section>
            ) : null}
          </>
        )}
      </LoadState>
    </>
  );
}
