import { type FormEvent, useState } from 'react';
import { pageOf } from '../api';
import { Empty, ErrorMessage, Loading, Pager } from '../components/ui';
import { formatDate, formatSalaryRange } from '../format';
import { useGet } from '../hooks';
import { Link, setQuery, useLocation } from '../router';
import type { JobListItem, Page } from '../types';

const LIMIT = 25;
const FILTERS = ['q', 'skills', 'company', 'location', 'salary_min', 'salary_max'] as const;
type Filter = (typeof FILTERS)[number];

export function JobsPage() {
  const { query } = useLocation();
  const current = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])) as Record<Filter, string>;
  const remote = query.get('remote') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(current);
  const jobs = useGet<Page<JobListItem>>('/api/jobs', { ...current, remote, ...pageOf(LIMIT, offset) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft, offset: undefined });
  };
  const input = (name: Filter, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`job-${name}`}>{label}</label>
      <input
        id={`job-${name}`}
        type={type}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
    </div>
  );

  return (
    <>
      <h1>Jobs</h1>
      <form className="toolbar" aria-label="Search jobs" onSubmit={submit}>
        {input('q', 'Title, company or text', 'search')}
        {input('skills', 'Skills (comma-separated)')}
        {input('company', 'Company')}
        {input('location', 'Location')}
        <div className="field">
          <label htmlFor="job-remote">Remote</label>
          <select
            id="job-remote"
            value={remote}
            onChange={(e) => setQuery({ remote: e.target.value, offset: undefined })}
          >
            <option value="">Any</option>
            <option value="true">Remote</option>
            <option value="false">On site / hybrid</option>
          </select>
        </div>
        {input('salary_min', 'Salary from (annual)', 'number')}
        {input('salary_max', 'Salary to (annual)', 'number')}
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {jobs.error ? <ErrorMessage error={jobs.error} onRetry={jobs.reload} /> : null}
      {!jobs.data && !jobs.error ? <Loading /> : null}
      {jobs.data && jobs.data.items.length === 0 ? <Empty>No active jobs match.</Empty> : null}
      {jobs.data && jobs.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Company</th>
                <th scope="col">Location</th>
                <th scope="col">Salary</th>
                <th scope="col">Posted</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                    <div className="muted">{job.skills.slice(0, 6).join(', ')}</div>
                  </td>
                  <td>{job.company ?? '—'}</td>
                  <td>
                    {job.location ?? '—'}
                    {job.is_remote ? ' · remote' : ''}
                  </td>
                  <td>
                    {formatSalaryRange(job.salary_min_annual, job.salary_max_annual, job.salary_currency)}
                  </td>
                  <td>{formatDate(job.posted_date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {jobs.data ? (
        <Pager
          total={jobs.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(o) => setQuery({ offset: o })}
        />
      ) : null}
    </>
  );
}
