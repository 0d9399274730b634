import { useState } from 'react';
import { pageOf } from '../api';
import { Badge, Empty, ErrorMessage, Loading, Pager, RowErrors, Uploader } from '../components/ui';
import type { CandidateListItem } from '../day-types';
import { formatInt, formatScore } from '../format';
import { useGet } from '../hooks';
import { Link, setQuery, useLocation } from '../router';
import { CANDIDATE_STATUSES, type Page, type RowError } from '../types';

const LIMIT = 20;

interface ImportResult {
  total: number;
  created: number;
  failed: number;
  errors: RowError[];
}

export function CandidatesPage() {
  const { query } = useLocation();
  const search = query.get('search') ?? '';
  const status = query.get('status') ?? '';
  const skill = query.get('skill') ?? '';
  const sort = query.get('sort') ?? 'updated_at';
  const mine = query.get('mine') === 'true';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [searchText, setSearchText] = useState(search);
  const [skillText, setSkillText] = useState(skill);
  const [imported, setImported] = useState<ImportResult>();

  const list = useGet<Page<CandidateListItem>>('/api/candidates', {
    mine: mine || undefined,
    q: search,
    status,
    skill,
    sort,
    order: sort === 'name' ? 'asc' : 'desc',
    ...pageOf(LIMIT, offset),
  });

  return (
    <>
      <div className="spread">
        <h1>Candidates</h1>
        <div className="row">
          <Link to="/candidates/new" className="button primary">
            New candidate
          </Link>
          <a className="button" href="/api/candidates/export.csv" download>
            Export CSV
          </a>
        </div>
      </div>
      <form
        className="toolbar"
        aria-label="Search candidates"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ search: searchText, skill: skillText, offset: undefined });
        }}
      >
        <div className="field">
          <label htmlFor="candidate-search">Name or email</label>
          <input
            id="candidate-search"
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="candidate-skill">Skill</label>
          <input id="candidate-skill" value={skillText} onChange={(e) => setSkillText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="candidate-status">Status</label>
          <select
            id="candidate-status"
            value={status}
            onChange={(e) => setQuery({ status: e.target.value, offset: undefined })}
          >
            <option value="">Any</option>
            {CANDIDATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="candidate-sort">Sort</label>
          <select id="candidate-sort" value={sort} onChange={(e) => setQuery({ sort: e.target.value })}>
            <option value="updated_at">Recently updated</option>
            <option value="created_at">Newest</option>
            <option value="name">Name</option>
          </select>
        </div>
        <label className="row">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) => setQuery({ mine: e.target.checked ? 'true' : undefined, offset: undefined })}
          />
          <span>Mine only</span>
        </label>
        <button type="submit">Search</button>
      </form>

      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>No candidates match.</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="hide-narrow">
                  Roles
                </th>
                <th scope="col">Matches</th>
                <th scope="col" className="hide-narrow">
                  Best
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Owner
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/candidates/${c.id}`}>
                      {c.first_name} {c.last_name}
                    </Link>
                    <div className="muted">{c.email}</div>
                  </td>
                  <td className="hide-narrow">{c.roles.join(', ') || (c.current_title ?? '—')}</td>
                  <td>
                    <span title="new (not yet viewed) / total">
                      {c.new_matches > 0 ? <strong>{formatInt(c.new_matches)} new</strong> : null}
                      {c.new_matches > 0 ? ' · ' : null}
                      {formatInt(c.total_matches)}
                    </span>
                  </td>
                  <td className="hide-narrow">{formatScore(c.best_score)}</td>
                  <td>
                    <Badge value={c.status} />
                  </td>
                  <td className="hide-narrow">{c.owner ? (c.owner.name ?? c.owner.email) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? (
        <Pager
          total={list.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(o) => setQuery({ offset: o })}
        />
      ) : null}

      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">Import candidates from CSV</h2>
        <p className="muted">
          Columns: first_name, last_name, email, phone, current_title, skills, total_experience_years,
          location, preferred_roles… Every row is checked; rows with errors are reported and skipped.
        </p>
        <Uploader<ImportResult>
          label="CSV file"
          path="/api/candidates/imports"
          accept=".csv,text/csv"
          onDone={(result) => {
            setImported(result);
            list.reload();
          }}
        />
        {imported ? (
          <div className={`alert ${imported.failed > 0 ? 'error' : 'success'}`} role="status">
            {formatInt(imported.created)} of {formatInt(imported.total)} rows imported,{' '}
            {formatInt(imported.failed)} failed.
          </div>
        ) : null}
        {imported ? <RowErrors errors={imported.errors} /> : null}
      </section>
    </>
  );
}
