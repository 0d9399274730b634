import { post } from '../api';
import { isAgencyUser, useAuth } from '../auth';
import { Markdown } from '../components/Markdown';
import { Badge, Empty, ErrorMessage, Loading, ScorePill } from '../components/ui';
import { formatDate, formatDateTime, formatInt, formatSalaryRange, humanize } from '../format';
import { useAction, useGet } from '../hooks';
import { parsedSalary, postedSalary } from '../job-salary';
import { Link } from '../router';
import type { JobDetail, MatchSummary, Page } from '../types';

export function JobDetailPage({ id }: { id: number }) {
  const { user } = useAuth();
  const job = useGet<JobDetail>(`/api/jobs/${id}`);
  if (job.error) return <ErrorMessage error={job.error} onRetry={job.reload} />;
  if (!job.data) return <Loading />;
  const j = job.data;
  const experience =
    j.experience_min != null && j.experience_max != null
      ? `${formatInt(j.experience_min)}–${formatInt(j.experience_max)} years`
      : j.experience_min != null
        ? `${formatInt(j.experience_min)}+ years`
        : j.experience_max != null
          ? `up to ${formatInt(j.experience_max)} years`
          : (j.experience_required ?? '—');
  return (
    <>
      <h1>{j.title}</h1>
      <p className="muted">
        {j.company ?? 'Unknown company'} · <Badge value={j.status} /> · {j.platform}
      </p>
      <div className="grid-2">
        <section className="panel" aria-labelledby="parsed-title">
          <h2 id="parsed-title">Parsed</h2>
          <dl className="facts">
            <dt>Role</dt>
            <dd>{j.role_name ?? '—'}</dd>
            <dt>Location</dt>
            <dd>
              {[j.location_city, j.location_region, j.location_country].filter(Boolean).join(', ') || '—'}
              {j.is_remote ? ' (remote)' : ''}
            </dd>
            <dt>Arrangement</dt>
            <dd>{humanize(j.work_arrangement)}</dd>
            <dt>Employment</dt>
            <dd>
              {humanize(j.employment_type)}
              {j.contract_type ? ` · ${j.contract_type}` : ''}
            </dd>
            <dt>Salary (annual)</dt>
            <dd>{formatSalaryRange(j.salary_min_annual, j.salary_max_annual, j.salary_currency)}</dd>
            <dt>Salary (its own period)</dt>
            <dd>{parsedSalary(j)}</dd>
            <dt>Experience</dt>
            <dd>{experience}</dd>
            <dt>Skills</dt>
            <dd>{j.skills.join(', ') || '—'}</dd>
            <dt>Posted</dt>
            <dd>{formatDate(j.posted_date)}</dd>
            <dt>Imported</dt>
            <dd>{formatDateTime(j.imported_at)}</dd>
            {j.job_url ? (
              <>
                <dt>Source</dt>
                <dd>
                  <a href={j.job_url} target="_blank" rel="noreferrer noopener">
                    Original posting
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="panel" aria-labelledby="raw-title">
          <h2 id="raw-title">As posted</h2>
          <p>
            <strong>Location:</strong> {j.location ?? '—'} · <strong>Salary:</strong> {postedSalary(j)} ·{' '}
            <strong>Experience:</strong> {j.experience_required ?? '—'}
          </p>
          {j.description ? <Markdown text={j.description} /> : <p>No description.</p>}
          {j.requirements ? (
            <>
              <h3>Requirements</h3>
              <Markdown text={j.requirements} />
            </>
          ) : null}
        </section>
      </div>
      {isAgencyUser(user?.role) ? <JobCandidates jobId={id} /> : null}
    </>
  );
}

function JobCandidates({ jobId }: { jobId: number }) {
  const matches = useGet<Page<MatchSummary>>(`/api/jobs/${jobId}/matches`, { page_size: 25 });
  const action = useAction();
  return (
    <section aria-labelledby="job-cands-title">
      <h2 id="job-cands-title">Matching candidates of your agency</h2>
      <ErrorMessage
        error={matches.error ?? action.error}
        onRetry={matches.error ? matches.reload : undefined}
      />
      {!matches.data && !matches.error ? <Loading /> : null}
      {matches.data && matches.data.items.length === 0 ? (
        <Empty>No candidates of yours match this job.</Empty>
      ) : null}
      {matches.data && matches.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Candidate</th>
                <th scope="col">Matched skills</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="muted">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {matches.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <ScorePill score={m.match_score} recommended={m.is_recommended} />
                  </td>
                  <td>
                    <Link to={`/candidates/${m.candidate_id}`}>
                      {m.candidate.first_name} {m.candidate.last_name}
                    </Link>
                    {m.candidate.current_title ? (
                      <div className="muted">{m.candidate.current_title}</div>
                    ) : null}
                  </td>
                  <td>{m.matched_skills.join(', ')}</td>
                  <td>
                    <Badge value={m.status} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      disabled={action.busy || m.status === 'applied'}
                      onClick={() =>
                        void action.run(async () => {
                          await post('/api/applications', { match_id: m.id });
                          matches.reload();
                        })
                      }
                    >
                      Apply
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
